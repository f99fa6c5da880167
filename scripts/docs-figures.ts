/**
 * `npm run docs:figures [-- --check]`: the measured figures of the docs, written from the last
 * `npm run bench` (bench/results.json) between marker comments: the README's performance table,
 * docs/plan.md's page count and plan timings, and the engine's and advisor's times in docs/ui.md
 * and docs/advisor.md. With `--check` it writes nothing and exits 1
 * when a file differs from what it would write (a unit test runs the same comparison, so a figure
 * typed by hand or a stale table fails `npm test`). bench/RESULTS.md is rewritten from the same
 * file, so a change to its layout needs no new run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { grouped } from '../shared/text';
import { resultsMarkdown } from './bench-record-markdown';
import {
  formatLoad,
  formatMs,
  isEvaluate,
  isFrames,
  isPaired,
  isReview,
  isSimulate,
  isSkipped,
  markdownTable,
  provenance,
  range,
  triple,
  verdict,
  wrap,
  type BenchResults,
  type PairedCase,
} from './bench-record';

function pairedTarget(c: PairedCase): string {
  if (c.targetMs !== undefined) return verdict(`≤ ${formatMs(c.targetMs)} wall, quiet`, c.met);
  return c.target === null ? '—' : verdict(`≤ ${grouped(c.target, 2)}×`, c.met);
}

function pairedMeasured(c: PairedCase): string {
  const cpu = c.aCpuMs ? `, ${formatMs(c.aCpuMs.medianMs)} CPU` : '';
  const median = `median ${formatMs(c.aMs.medianMs)} wall${cpu}`;
  return c.targetMs !== undefined
    ? `${median}; ${c.pairs} pairs with \`${c.b}\``
    : `${grouped(c.ratio, 2)}×: ${median}, against ${formatMs(c.bMs.medianMs)} for \`${c.b}\`; ${c.pairs} pairs`;
}

/** The rows of the README's table: one per measured figure that has a target or a range. */
export function performanceRows(results: BenchResults): string[][] {
  const rows: string[][] = [];
  for (const suite of results.suites) {
    const load = formatLoad(suite);
    const cases = suite.cases;
    const evaluations = cases.filter(isEvaluate);
    const templates = evaluations.filter((c) => c.name.startsWith('template '));
    if (templates.length > 0) {
      const slowest = templates.reduce((a, b) =>
        b.availabilityOnlyMs > a.availabilityOnlyMs ? b : a,
      );
      const limit = templates.every((c) => c.targetMs === templates[0]?.targetMs)
        ? templates[0]?.targetMs
        : undefined;
      rows.push([
        '`evaluate`, each template (availability only, one core)',
        `${range(
          templates.map((c) => c.availabilityOnlyMs),
          formatMs,
        )} (slowest: ${slowest.name.replace('template ', '')})`,
        limit === undefined
          ? '—'
          : verdict(
              `< ${formatMs(limit)}`,
              templates.every((c) => c.availabilityOnlyMs < limit),
            ),
        load,
      ]);
    }
    for (const c of evaluations.filter((e) => !e.name.startsWith('template '))) {
      rows.push([
        `\`evaluate\`, ${c.name} (${grouped(c.events, 0)} events)`,
        formatMs(c.availabilityOnlyMs),
        c.targetMs === undefined
          ? '—'
          : verdict(`< ${formatMs(c.targetMs)}`, c.availabilityOnlyMs < c.targetMs),
        load,
      ]);
    }
    for (const c of cases.filter(isSimulate).filter((s) => s.targetYearsPerSecond !== undefined)) {
      const least = c.targetYearsPerSecond as number;
      rows.push([
        `Monte Carlo, ${c.name.replace('simulate ', '')}`,
        `${grouped(c.yearsPerSecond, 0)} simulated years / s`,
        verdict(`≥ ${grouped(least, 0)}`, c.yearsPerSecond >= least),
        load,
      ]);
    }
    const reviews = cases.filter(isReview);
    const templateReviews = reviews.filter((c) => c.name.startsWith('review template '));
    if (templateReviews.length > 0) {
      const reviewLimit = Math.min(...templateReviews.map((c) => c.target.reviewMs));
      rows.push([
        'advisor review (`advise`, every fix measured), first variant of each template',
        range(
          templateReviews.map((c) => c.reviewMs),
          formatMs,
        ),
        verdict(
          `< ${formatMs(reviewLimit)}`,
          templateReviews.every((c) => c.reviewMs <= c.target.reviewMs),
        ),
        load,
      ]);
      const measured = templateReviews.filter((c) => c.sensitivityMs !== null);
      if (measured.length > 0) {
        const limit = Math.min(...measured.map((c) => c.target.sensitivityMs ?? Infinity));
        rows.push([
          'sensitivity, both tornados, first variant of each template',
          range(
            measured.map((c) => c.sensitivityMs as number),
            formatMs,
          ),
          verdict(
            `< ${formatMs(limit)}`,
            measured.every((c) => (c.sensitivityMs as number) <= limit),
          ),
          load,
        ]);
      }
    }
    for (const c of reviews.filter((r) => !r.name.startsWith('review template '))) {
      rows.push([
        `advisor review, ${c.name.replace('review ', '')}`,
        formatMs(c.reviewMs),
        verdict(`< ${formatMs(c.target.reviewMs)}`, c.reviewMs <= c.target.reviewMs),
        load,
      ]);
    }
    for (const c of cases.filter(isFrames)) {
      rows.push([
        `dragging a node in a ${grouped(c.nodes, 0)}-node document (headless Chromium)`,
        `${grouped(c.fps, 1)} frames / s`,
        c.targetFps === undefined
          ? '—'
          : verdict(`≥ ${grouped(c.targetFps, 0)}`, c.fps >= c.targetFps),
        load,
      ]);
    }
    for (const c of cases.filter(isPaired)) {
      rows.push([`${c.name} (whole process, paired)`, pairedMeasured(c), pairedTarget(c), load]);
    }
    for (const c of cases.filter(isSkipped))
      rows.push([c.name, `skipped: ${c.skipped}`, '—', load]);
  }
  return rows;
}

/** The README's performance section body: where the figures come from, and the table. */
export function performanceTable(results: BenchResults): string {
  return [
    wrap(
      `Figures from ${provenance(results)}. The load is the 1-minute load average before → after each script;
      on a shared machine it says how far to trust a time (above the number of cores, a process
      waits for one). Written from \`bench/results.json\` by \`npm run docs:figures\`; details per
      case in [bench/RESULTS.md](bench/RESULTS.md).`,
    ),
    '',
    markdownTable(['case', 'measured', 'target', 'load'], performanceRows(results)),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// docs/plan.md's measured facts

/** The plan's page count and every whole-process `nines plan` case of the run. */
export function planFacts(results: BenchResults): string {
  const rows: string[][] = [];
  for (const suite of results.suites) {
    for (const c of suite.cases.filter(isPaired).filter((p) => p.a.startsWith('nines plan'))) {
      rows.push([
        c.name,
        formatLoad(suite),
        triple(c.aMs),
        c.aCpuMs ? grouped(c.aCpuMs.medianMs, 0) : '—',
        `\`${c.b}\`: ${grouped(c.bMs.medianMs, 0)} ms${c.bCpuMs ? `, CPU ${grouped(c.bCpuMs.medianMs, 0)} ms` : ''}`,
        pairedTarget(c),
      ]);
    }
  }
  const pages = results.plan
    ? `The plan of \`${results.plan.template}\` has ${results.plan.pdfPages} pages as a PDF.`
    : 'This run did not write the plan, so its page count is unknown.';
  return [
    wrap(
      `Measured by ${provenance(results)}. ${pages} Whole processes, wall time min / median / max
      and the median CPU time, each run paired with the reference (load: the 1-minute load
      average before → after the script):`,
    ),
    '',
    rows.length > 0
      ? markdownTable(['case', 'load', 'wall, ms', 'CPU, ms', 'reference, median', 'target'], rows)
      : 'No `nines plan` case was measured in this run.',
  ].join('\n');
}

/**
 * The engine's and the advisor's in-process times, as one paragraph for docs/ui.md and
 * docs/advisor.md: `evaluate` on the templates and the generated designs (bench/index.ts), the
 * review and the sensitivity analysis (bench/review.ts). Cases a run lacks are left out.
 */
export function engineFacts(results: BenchResults): string {
  const parts: string[] = [];
  for (const suite of results.suites) {
    const load = `load ${formatLoad(suite)}`;
    const evaluations = suite.cases.filter(isEvaluate);
    const templates = evaluations.filter((c) => c.name.startsWith('template '));
    if (templates.length > 0) {
      const generated = evaluations
        .filter((c) => c.name.startsWith('generated '))
        .map((c) => `${c.name.replace(/^generated /, '')} ${formatMs(c.availabilityOnlyMs)}`);
      parts.push(
        `\`evaluate\` (median, warm, ${load}): the templates ${range(
          templates.map((c) => c.availabilityOnlyMs),
          formatMs,
        )} per file (\`ha-options\` holds five variants)${generated.length > 0 ? `; generated designs ${generated.join(', ')}` : ''}.`,
      );
    }
    const reviews = suite.cases.filter(isReview);
    const templateReviews = reviews.filter((c) => c.name.startsWith('review template '));
    if (templateReviews.length > 0) {
      const large = reviews
        .filter((c) => !c.name.startsWith('review template '))
        .map((c) => `${grouped(c.nodes, 0)} nodes ${formatMs(c.reviewMs)}`);
      const tornado = templateReviews.flatMap((c) =>
        c.sensitivityMs === null ? [] : [c.sensitivityMs],
      );
      parts.push(
        `The advisor's review, every fix measured, with the price book (median, ${load}): the templates ${range(
          templateReviews.map((c) => c.reviewMs),
          formatMs,
        )}${large.length > 0 ? `; generated designs ${large.join(', ')}` : ''}.${
          tornado.length > 0
            ? ` The sensitivity analysis (both tornados) of the templates: ${range(tornado, formatMs)}.`
            : ''
        }`,
      );
    }
  }
  return wrap(
    `Measured by ${provenance(results)}, in one process each. ${parts.join(' ') || 'This run measured neither.'}`,
  );
}

/** The comment pair around the generated block `name` (e.g. `bench:performance`) in a doc. */
export function markers(name: string): { start: string; end: string } {
  return {
    start: `<!-- ${name}: generated by npm run docs:figures from bench/results.json -->`,
    end: `<!-- end of ${name} -->`,
  };
}

/** `text` with the block between `name`'s markers replaced by `content`. */
export function replaceBlock(text: string, name: string, content: string): string {
  const { start, end } = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no "${start}" … "${end}" block`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}

const ROOT = new URL('..', import.meta.url);
/** The record of the last `npm run bench`, from the repository root. */
const RESULTS_JSON = 'bench/results.json';

/** Every file this script writes, as it would write it from `results`. */
export function generatedFiles(
  results: BenchResults,
  read: (file: string) => string,
): Record<string, string> {
  return {
    'README.md': replaceBlock(read('README.md'), 'bench:performance', performanceTable(results)),
    'docs/plan.md': replaceBlock(read('docs/plan.md'), 'bench:plan', planFacts(results)),
    'docs/ui.md': replaceBlock(read('docs/ui.md'), 'bench:engine', engineFacts(results)),
    'docs/advisor.md': replaceBlock(read('docs/advisor.md'), 'bench:engine', engineFacts(results)),
    'bench/RESULTS.md': resultsMarkdown(results),
  };
}

/** A file of the repository, by its path from the root. */
export function readRepoFile(file: string): string {
  return readFileSync(new URL(file, ROOT), 'utf8');
}

/** The record of the last `npm run bench` (bench/results.json). */
export function recordedResults(): BenchResults {
  return JSON.parse(readRepoFile(RESULTS_JSON)) as BenchResults;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [file, text] of Object.entries(generatedFiles(recordedResults(), readRepoFile))) {
    if (readRepoFile(file) === text) continue;
    stale.push(file);
    if (!check) writeFileSync(new URL(file, ROOT), text);
  }
  if (check && stale.length > 0) {
    process.stderr.write(
      `${stale.join(', ')}: differ from ${RESULTS_JSON}; run npm run docs:figures\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    stale.length === 0
      ? "the docs' figures match bench/results.json\n"
      : `wrote ${stale.join(', ')}\n`,
  );
}
