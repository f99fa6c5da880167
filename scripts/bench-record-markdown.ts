/**
 * bench/RESULTS.md, written whole from the record of one run (bench/results.json): the machine,
 * then per script what it measures and a table per shape of case, so that a case a script adds
 * appears here without a change to this file.
 */
import { grouped } from '../shared/text';
import {
  formatDate,
  formatLoadAverage,
  isEvaluate,
  isFrames,
  isPaired,
  isReview,
  isSimulate,
  isSkipped,
  markdownTable,
  triple,
  wrap,
  type BenchCase,
  type BenchResults,
  type SuiteRun,
  verdict,
} from './bench-record';

/** What each script measures and how; a script not listed here gets its file name only. */
const SUITES: Readonly<Record<string, { title: string; method: string }>> = {
  'index.ts': {
    title: 'The availability engine',
    method: `Median in-process time of \`evaluate\` on each file (every variant; structural,
    transition and capacity terms, cut sets, importance), after a warm-up pass, at least 7 and up
    to 50 runs per case. "Availability" is \`evaluate\` on the file with its scenarios removed;
    "with scenarios" also runs the scenario engine on every scenario of the file (the templates
    have five each; the generated models none). \`ha-options\` holds five variants (the other
    templates' designs side by side), so its time is about the sum of theirs. The generated models
    (\`shared/testing/generated-model.ts\`) have, per region, three zones, a load balancer, a web
    tier (12 instances, 6 needed, capacity modelled), an API tier (9, 5 needed), an active-active
    cache (3, 2 needed) and a queue (3, 1 needed), behind a global DNS router; every region's API
    calls an active-passive database (3 instances in the first region, standby in the second),
    which needs a region link from every other region, and a global payments API.`,
  },
  'process.ts': {
    title: 'The CLI as a whole process',
    method: `Wall time of whole processes, paired (\`bench/paired.ts\`): after one warm-up run of
    each, \`nines\` (the checkout's \`cli/bin/nines.cjs\`, its cache check included) and the
    reference alternate, A B A B …; min / median / max of each and the ratio of the medians; on
    Linux the CPU time of each run too. The generated models are written as files and exported
    with \`nines export-mef\`; SCRAM (Debian package \`scram\`) runs \`scram --bdd --probability
    1 -l 2\` on the export. On a busy machine the ratios are what to read.`,
  },
  'simulate.ts': {
    title: 'Monte Carlo simulation',
    method: `Simulated years per second on one core, median of 5 timed runs of 20,000 years per
    variant after a warm-up, for every template (each variant of a file counts its years).`,
  },
  'review.ts': {
    title: 'Advisor and sensitivity',
    method: `Median time of the advisor's review (\`advise\` with the bundled price book: every
    finding with its fix evaluated) and of the sensitivity (both tornados, each bar end a full
    evaluation) on the first variant of each file, after a warm-up, in one process. The app runs
    both in Web Workers, with progress and Cancel beyond half a second. The sensitivity of the
    generated designs is left out: it is one evaluation per bar end, which the app shows with
    progress and Cancel.`,
  },
  'plan.ts': {
    title: 'The plan as a whole process',
    method: `\`nines plan\` of the three-region template with \`--pdf\` and with \`--docx\`, each
    paired with \`node -e 0\` after a warm-up (\`bench/paired.ts\`), wall and CPU time of each
    run. The targets are for a quiet 2-core machine.`,
  },
  'frames.ts': {
    title: 'Canvas frame rate',
    method: `Frame times of the web build while a node is dragged for about 2 s in a generated
    document of about 300 nodes, in Debian's headless Chromium at 1280×800: every
    requestAnimationFrame timestamp during the drag, the intervals between them the frame times.`,
  },
};

const targetCell = (text: string | null, met: boolean) =>
  text === null ? '—' : verdict(text, met);

function evaluateTable(cases: readonly BenchCase[]): string | null {
  const rows = cases
    .filter(isEvaluate)
    .map((c) => [
      c.name,
      grouped(c.events, 0),
      grouped(c.availabilityOnlyMs, 3),
      grouped(c.medianMs, 3),
      targetCell(
        c.targetMs === undefined ? null : `< ${grouped(c.targetMs, 0)} ms`,
        c.targetMs === undefined || c.availabilityOnlyMs < c.targetMs,
      ),
    ]);
  return rows.length === 0
    ? null
    : markdownTable(
        ['case', 'basic events', 'availability, median ms', 'with scenarios, median ms', 'target'],
        rows,
      );
}

function simulateTable(cases: readonly BenchCase[]): string | null {
  const rows = cases
    .filter(isSimulate)
    .map((c) => [
      c.name,
      grouped(c.variants, 0),
      grouped(c.yearsPerSecond, 0),
      targetCell(
        c.targetYearsPerSecond === undefined ? null : `≥ ${grouped(c.targetYearsPerSecond, 0)}`,
        c.targetYearsPerSecond === undefined || c.yearsPerSecond >= c.targetYearsPerSecond,
      ),
    ]);
  return rows.length === 0
    ? null
    : markdownTable(['case', 'variants', 'simulated years / s', 'target'], rows);
}

function reviewTable(cases: readonly BenchCase[]): string | null {
  const rows = cases
    .filter(isReview)
    .map((c) => [
      c.name,
      grouped(c.nodes, 0),
      grouped(c.reviewMs, 1),
      c.sensitivityMs === null ? '—' : grouped(c.sensitivityMs, 0),
      [
        `review < ${grouped(c.target.reviewMs, 0)} ms`,
        ...(c.target.sensitivityMs === null
          ? []
          : [`sensitivity < ${grouped(c.target.sensitivityMs, 0)} ms`]),
      ].join(', ') +
        (c.reviewMs <= c.target.reviewMs &&
        (c.sensitivityMs === null ||
          c.target.sensitivityMs === null ||
          c.sensitivityMs <= c.target.sensitivityMs)
          ? ''
          : ': missed'),
    ]);
  return rows.length === 0
    ? null
    : markdownTable(['case', 'nodes', 'review, ms', 'sensitivity, ms', 'target'], rows);
}

function framesTable(cases: readonly BenchCase[]): string | null {
  const rows = cases
    .filter(isFrames)
    .map((c) => [
      c.name,
      grouped(c.nodes, 0),
      grouped(c.fps, 1),
      `${grouped(c.medianFrameMs, 1)} / ${grouped(c.p95FrameMs, 1)} / ${grouped(c.maxFrameMs, 1)}`,
      grouped(c.frames, 0),
      targetCell(
        c.targetFps === undefined ? null : `≥ ${grouped(c.targetFps, 0)} frames / s`,
        c.targetFps === undefined || c.fps >= c.targetFps,
      ),
    ]);
  return rows.length === 0
    ? null
    : markdownTable(
        [
          'case',
          'nodes on the canvas',
          'frames / s',
          'frame ms (median / p95 / max)',
          'frames',
          'target',
        ],
        rows,
      );
}

function pairedTable(cases: readonly BenchCase[]): string | null {
  const rows = cases
    .filter(isPaired)
    .map((c) => [
      c.name,
      `\`${c.a}\``,
      `\`${c.b}\``,
      grouped(c.pairs, 0),
      triple(c.aMs),
      c.aCpuMs ? grouped(c.aCpuMs.medianMs, 0) : '—',
      triple(c.bMs),
      c.bCpuMs ? grouped(c.bCpuMs.medianMs, 0) : '—',
      `${grouped(c.ratio, 2)}×`,
      targetCell(
        c.targetMs !== undefined
          ? `A ≤ ${grouped(c.targetMs, 0)} ms`
          : c.target === null
            ? null
            : `≤ ${grouped(c.target, 2)}×`,
        c.met,
      ),
    ]);
  return rows.length === 0
    ? null
    : markdownTable(
        [
          'case',
          'A',
          'B',
          'pairs',
          'A wall, ms (min / median / max)',
          'A CPU, median ms',
          'B wall, ms',
          'B CPU, median ms',
          'A / B',
          'target',
        ],
        rows,
      );
}

/** Cases of a shape this file does not know: their figures as JSON, so nothing is dropped. */
function otherTable(cases: readonly BenchCase[]): string | null {
  const known = [isEvaluate, isSimulate, isReview, isFrames, isPaired, isSkipped];
  const rows = cases
    .filter((c) => !known.some((is) => is(c)))
    .map((c) => {
      const { name, ...figures } = c;
      return [name, `\`${JSON.stringify(figures)}\``];
    });
  return rows.length === 0 ? null : markdownTable(['case', 'figures'], rows);
}

function suiteSection(suite: SuiteRun): string {
  const about = SUITES[suite.script];
  const skipped = suite.cases.filter(isSkipped).map((c) => `- ${c.name}: skipped (${c.skipped})`);
  const tables = [
    evaluateTable,
    simulateTable,
    reviewTable,
    framesTable,
    pairedTable,
    otherTable,
  ].flatMap((table) => table(suite.cases) ?? []);
  return [
    `## ${about?.title ?? suite.script} (\`bench/${suite.script}\`)`,
    '',
    ...(about ? [wrap(about.method), ''] : []),
    wrap(
      `Load average (1 / 5 / 15 min) ${formatLoadAverage(suite.loadBefore)} before,
      ${formatLoadAverage(suite.loadAfter)} after; ${grouped(suite.seconds, 0)} s${suite.exitCode === 0 ? '' : `; the script exited with ${suite.exitCode} (a target missed or a failure)`}.`,
    ),
    '',
    ...tables.flatMap((t) => [t, '']),
    ...(skipped.length > 0 ? [...skipped, ''] : []),
  ].join('\n');
}

/** The whole of bench/RESULTS.md. */
export function resultsMarkdown(results: BenchResults): string {
  const m = results.machine;
  return [
    '# Benchmark results',
    '',
    wrap(`Written by \`npm run bench\` (\`bench/run-all.ts\`) with \`bench/results.json\`, the same
    figures as data; do not edit by hand. The README's performance table and docs/plan.md's
    measured facts are made from that file by \`npm run docs:figures\`, and a unit test fails when
    they differ from it. Each script runs in its own process, one after another, so none warms up
    another; a time is slow on a busy machine, so each section gives the load average (on 2 cores,
    above 2 a process waits for a core).`),
    '',
    markdownTable(
      ['run', 'commit', 'CPU', 'cores', 'system', 'Node', 'nice'],
      [
        [
          formatDate(results.date),
          results.commit ?? '—',
          m.cpu,
          grouped(m.cores, 0),
          m.os,
          m.node,
          String(m.nice ?? 0),
        ],
      ],
    ),
    '',
    ...(results.plan
      ? [
          `The plan of \`${results.plan.template}\` written in this run: ${results.plan.pdfPages} pages (PDF).`,
          '',
        ]
      : []),
    ...results.suites.map(suiteSection),
  ]
    .join('\n')
    .replace(/\n+$/, '\n');
}
