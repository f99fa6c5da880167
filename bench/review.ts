/**
 * `npx tsx bench/review.ts [--json]`: the design advisor's review (`advise`, every finding with
 * its measured effect, with the bundled price book) and the sensitivity analysis (both tornados,
 * every bar end a full evaluation) of the first variant of every template and of generated
 * designs, median of timed runs after a warm-up, in one process. The app runs both in Web Workers, so these
 * times are how long the findings and the tornados take to arrive, not frames.
 * Targets: a template's review under 100 ms and its sensitivity under 2 s; the review of the
 * 301-node generated design under 5 s. Exits 1 when one is missed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { priceBookSchema } from '../shared/catalog/price-book';
import { advise } from '../shared/engine';
import { sensitivity } from '../shared/engine';
import { generatedModel } from '../shared/testing/generated-model';
import type { NinesDocument } from '../shared/model/types';
import { parseDocumentText } from '../shared/schema/parse';

const priceBook = priceBookSchema.parse(
  JSON.parse(readFileSync(new URL('../assets/pricing/pricebook.json', import.meta.url), 'utf8')),
);
const TEMPLATE_REVIEW_MS = 100;
const TEMPLATE_SENSITIVITY_MS = 2000;
const LARGE_REVIEW_MS = 5000;

/** Median of `runs` timed calls of `fn` after one warm-up call, ms. */
function median(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[runs >> 1] as number;
}

interface Case {
  readonly name: string;
  readonly nodes: number;
  readonly reviewMs: number;
  readonly sensitivityMs: number | null;
  readonly target: { reviewMs: number; sensitivityMs: number | null };
}

function measure(name: string, doc: NinesDocument, runs: number, target: Case['target']): Case {
  const variant = doc.variants[0] as NinesDocument['variants'][number];
  const one = { ...doc, variants: [variant] };
  return {
    name,
    nodes: variant.nodes.length,
    reviewMs: median(() => advise(one, variant.id, { priceBook }), runs),
    sensitivityMs:
      target.sensitivityMs === null
        ? null
        : median(() => sensitivity(one, variant.id, { priceBook }), Math.min(runs, 3)),
    target,
  };
}

const dir = new URL('../assets/templates/', import.meta.url).pathname;
const cases: Case[] = readdirSync(dir)
  .filter((f) => f.endsWith('.nines.json'))
  .sort()
  .map((file) => {
    const parsed = parseDocumentText(readFileSync(join(dir, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.problems[0]?.message ?? 'invalid'}`);
    return measure(`template ${file.replace('.nines.json', '')}`, parsed.document, 7, {
      reviewMs: TEMPLATE_REVIEW_MS,
      sensitivityMs: TEMPLATE_SENSITIVITY_MS,
    });
  });
cases.push(
  measure('generated 10 regions (94 nodes)', generatedModel(10), 3, {
    reviewMs: LARGE_REVIEW_MS,
    sensitivityMs: null,
  }),
  measure('generated 33 regions (301 nodes)', generatedModel(33), 1, {
    reviewMs: LARGE_REVIEW_MS,
    sensitivityMs: null,
  }),
);

const misses = cases.filter(
  (c) =>
    c.reviewMs > c.target.reviewMs ||
    (c.sensitivityMs !== null &&
      c.target.sensitivityMs !== null &&
      c.sensitivityMs > c.target.sensitivityMs),
);
if (process.argv.includes('--json')) {
  process.stdout.write(
    `${JSON.stringify({ cases: cases.map((c) => ({ ...c, name: `review ${c.name}` })) })}\n`,
  );
} else {
  const width = Math.max(...cases.map((c) => c.name.length));
  process.stdout.write(`${'case'.padEnd(width)}  nodes  review ms  sensitivity ms\n`);
  for (const c of cases) {
    process.stdout.write(
      `${c.name.padEnd(width)}  ${String(c.nodes).padStart(5)}  ${c.reviewMs.toFixed(1).padStart(9)}  ${(c.sensitivityMs === null ? '—' : c.sensitivityMs.toFixed(0)).padStart(14)}\n`,
    );
  }
  process.stdout.write(
    misses.length === 0
      ? 'every review and sensitivity meets its target\n'
      : `MISSED: ${misses.map((c) => c.name).join(', ')}\n`,
  );
}
process.exitCode = misses.length === 0 ? 0 : 1;
