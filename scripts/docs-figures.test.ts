/**
 * The docs' measured figures are the last recorded bench run's: the README's performance table,
 * docs/plan.md's page count and plan timings and bench/RESULTS.md equal what
 * scripts/docs-figures.ts writes from bench/results.json (text compared, nothing timed). And the
 * tables take a case they have never seen.
 */
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import type { BenchResults, SuiteRun } from './bench-record';
import { formatMs, wrap } from './bench-record';
import { resultsMarkdown } from './bench-record-markdown';
import {
  engineFacts,
  generatedFiles,
  markers,
  performanceRows,
  performanceTable,
  planFacts,
  readRepoFile,
  recordedResults,
  replaceBlock,
} from './docs-figures';

describe('the docs against the recorded bench run (bench/results.json)', () => {
  const recorded = recordedResults();

  it.each(Object.entries(generatedFiles(recorded, readRepoFile)))(
    '%s holds the figures of bench/results.json (run npm run docs:figures)',
    (file, text) => {
      expect(readRepoFile(file)).toBe(text);
    },
  );

  it('is a whole run: every script, and the plan written', () => {
    expect(recorded.suites.map((s) => s.script)).toEqual([
      'index.ts',
      'process.ts',
      'simulate.ts',
      'review.ts',
      'plan.ts',
      'frames.ts',
      'import.ts',
    ]);
    expect(recorded.suites.every((s) => s.cases.length > 0)).toBe(true);
    expect(recorded.plan?.pdfPages).toBeGreaterThan(0);
  });
});

const paired = (name: string, a: string, extra: object) => ({
  name,
  a,
  b: 'node -e 0',
  pairs: 5,
  aMs: { minMs: 900, medianMs: 1000, maxMs: 1500 },
  bMs: { minMs: 90, medianMs: 100, maxMs: 150 },
  aCpuMs: { minMs: 800, medianMs: 850, maxMs: 900 },
  bCpuMs: { minMs: 80, medianMs: 85, maxMs: 90 },
  ratio: 10,
  ...extra,
});

const suite = (script: string, cases: SuiteRun['cases']): SuiteRun => ({
  script,
  exitCode: 0,
  loadBefore: [3.04, 2, 1],
  loadAfter: [4.5, 2, 1],
  seconds: 12,
  cases,
});

const sample: BenchResults = {
  format: 'nines-bench/1',
  date: '2026-12-07T05:00:00.000Z',
  commit: 'abc1234',
  machine: { cpu: 'AMD EPYC', cores: 2, node: 'v20.20.2', os: 'Debian GNU/Linux 12 (bookworm)' },
  plan: { template: 'active-active-3-regions', pdfPages: 33 },
  suites: [
    suite('index.ts', [
      { name: 'template a', events: 20, medianMs: 0.3, availabilityOnlyMs: 0.25, targetMs: 2 },
      { name: 'template b', events: 40, medianMs: 3, availabilityOnlyMs: 2.5, targetMs: 2 },
      {
        name: 'generated 12 regions × 3 zones',
        events: 413,
        medianMs: 6,
        availabilityOnlyMs: 6.1,
        targetMs: 20,
      },
    ]),
    suite('process.ts', [
      paired('validate a template vs node -e 0', 'nines validate', { target: 1.6, met: false }),
      // A case no code here knows by name: a new whole-process plan case.
      paired('plan md | three-region', 'nines plan --md', {
        target: null,
        targetMs: 1200,
        met: true,
      }),
      { name: 'evaluate vs SCRAM', skipped: 'scram is not on PATH' },
    ]),
    suite('new-bench.ts', [{ name: 'something new', widgets: 3 }]),
  ],
};

describe('the tables made from a run', () => {
  it('give the README a row per figure, a new paired case included, with its verdict', () => {
    expect(performanceRows(sample)).toEqual([
      [
        '`evaluate`, each template (availability only, one core)',
        '0.25 – 2.5 ms (slowest: b)',
        '< 2 ms: missed',
        '3 → 4.5',
      ],
      ['`evaluate`, generated 12 regions × 3 zones (413 events)', '6.1 ms', '< 20 ms', '3 → 4.5'],
      [
        'validate a template vs node -e 0 (whole process, paired)',
        '10×: median 1,000 ms wall, 850 ms CPU, against 100 ms for `node -e 0`; 5 pairs',
        '≤ 1.6×: missed',
        '3 → 4.5',
      ],
      [
        'plan md | three-region (whole process, paired)',
        'median 1,000 ms wall, 850 ms CPU; 5 pairs with `node -e 0`',
        '≤ 1,200 ms wall, quiet',
        '3 → 4.5',
      ],
      ['evaluate vs SCRAM', 'skipped: scram is not on PATH', '—', '3 → 4.5'],
    ]);
  });

  it('give docs/ui.md and docs/advisor.md the engine’s and the review’s times, with the load', () => {
    const facts = engineFacts({
      ...sample,
      suites: [
        ...sample.suites,
        suite('review.ts', [
          {
            name: 'review template a',
            nodes: 8,
            reviewMs: 4,
            sensitivityMs: 20,
            target: { reviewMs: 100, sensitivityMs: 2000 },
          },
          {
            name: 'review template b',
            nodes: 25,
            reviewMs: 45,
            sensitivityMs: 180,
            target: { reviewMs: 100, sensitivityMs: 2000 },
          },
          {
            name: 'review generated 33 regions (301 nodes)',
            nodes: 301,
            reviewMs: 2160,
            sensitivityMs: null,
            target: { reviewMs: 5000, sensitivityMs: null },
          },
        ]),
      ],
    }).replace(/\s+/g, ' ');
    expect(facts).toContain('the templates 0.25 – 2.5 ms per file');
    expect(facts).toContain('generated designs 12 regions × 3 zones 6.1 ms');
    expect(facts).toContain('the templates 4 – 45 ms; generated designs 301 nodes 2.16 s');
    expect(facts).toContain('of the templates: 20 – 180 ms');
    expect(facts).toMatch(/\(median, warm, load 3 → 4\.5\)/);
  });

  it('give docs/plan.md the page count and every nines plan case', () => {
    const facts = planFacts(sample);
    expect(facts).toContain('has 33 pages as a PDF');
    expect(facts).toContain('| plan md \\| three-region | 3 → 4.5 | 900 / 1,000 / 1,500 | 850 |');
    expect(facts).not.toContain('nines validate');
  });

  it('keep every row of every table to its header’s cell count, a | in a name included', () => {
    const text = [resultsMarkdown(sample), performanceTable(sample), planFacts(sample)].join(
      '\n\n',
    );
    const tables = marked.lexer(text).filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) {
      for (const row of table.rows) expect(row.length).toBe(table.header.length);
    }
  });

  it('show a case of an unknown shape in RESULTS.md rather than drop it', () => {
    expect(resultsMarkdown(sample)).toContain('| something new | `{"widgets":3}` |');
  });
});

describe('the generated blocks', () => {
  const { start, end } = markers('bench:x');

  it('replace what is between their markers and nothing else', () => {
    expect(replaceBlock(`before\n${start}\nold\n${end}\nafter`, 'bench:x', 'new')).toBe(
      `before\n${start}\n\nnew\n\n${end}\nafter`,
    );
  });

  it('say so when a file has lost its markers', () => {
    expect(() => replaceBlock('no markers here', 'bench:x', 'new')).toThrow(/bench:x/);
  });
});

describe('numbers and prose', () => {
  it('write times to three significant figures, seconds from 2 s', () => {
    expect([0.446, 6.095, 25.31, 1315, 2620, 35024].map(formatMs)).toEqual([
      '0.446 ms',
      '6.1 ms',
      '25.3 ms',
      '1,315 ms',
      '2.62 s',
      '35 s',
    ]);
  });

  it('wrap at 100 columns without breaking a code span or starting a list', () => {
    const text = `${'word '.repeat(18)}\`node -e 0\` ${'x '.repeat(30)}- y`;
    const lines = wrap(text).split('\n');
    expect(lines.every((l) => l.length <= 100)).toBe(true);
    expect(lines.some((l) => l.includes('`node -e 0`'))).toBe(true);
    expect(lines.some((l) => l.startsWith('- '))).toBe(false);
  });
});
