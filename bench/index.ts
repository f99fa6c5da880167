/**
 * `npm run bench [-- --json]`: median in-process time of `evaluate` per case, for every
 * template in assets/templates/ and for generated models of 3, 12 and 40 regions × 3 zones,
 * with and without the document's scenarios (the availability alone).
 * Targets on one core: a template < 2 ms, 12 regions < 20 ms, 40 regions < 200 ms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../shared/engine';
import type { NinesDocument } from '../shared/model/types';
import { parseDocumentText } from '../shared/schema/parse';
import { generatedModel } from '../shared/testing/generated-model';

interface BenchCase {
  readonly name: string;
  readonly doc: NinesDocument;
  /** The most the availability alone may take on one core, ms, where a target is set. */
  readonly targetMs?: number;
}

interface BenchResult {
  readonly name: string;
  readonly events: number;
  /** Median of `evaluate` on the whole file, ms. */
  readonly medianMs: number;
  /** Median of `evaluate` on the file without its scenarios (the availability alone), ms. */
  readonly availabilityOnlyMs: number;
  readonly runs: number;
  readonly targetMs?: number;
}

const TEMPLATES = new URL('../assets/templates/', import.meta.url);

function cases(): BenchCase[] {
  const dir = TEMPLATES.pathname;
  const templates = readdirSync(dir)
    .filter((f) => f.endsWith('.nines.json'))
    .sort()
    .map((file) => {
      const parsed = parseDocumentText(readFileSync(join(dir, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.problems[0]?.message ?? 'invalid'}`);
      return {
        name: `template ${file.replace('.nines.json', '')}`,
        doc: parsed.document,
        targetMs: 2,
      };
    });
  return [
    ...templates,
    ...(
      [
        [3, undefined],
        [12, 20],
        [40, 200],
      ] as const
    ).map(([n, targetMs]) => ({
      name: `generated ${n} regions × 3 zones`,
      doc: generatedModel(n),
      ...(targetMs === undefined ? {} : { targetMs }),
    })),
  ];
}

/** Runs `fn` until 2 s or 50 runs (at least 7) after 3 warm-up runs; the median time in ms. */
function medianMs(fn: () => void): { medianMs: number; runs: number } {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < 7 || (times.length < 50 && performance.now() - start < 2000)) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median =
    times.length % 2
      ? (times[mid] as number)
      : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
  return { medianMs: median, runs: times.length };
}

function run(): BenchResult[] {
  const all = cases();
  // One pass over every case first, so that the first case does not pay for compilation.
  for (const { doc } of all) evaluate(doc);
  return all.map(({ name, doc, targetMs }) => {
    const events = evaluate(doc).variants.reduce((sum, v) => sum + v.events, 0);
    const withoutScenarios: NinesDocument = { ...doc, scenarios: [] };
    return {
      name,
      events,
      ...medianMs(() => evaluate(doc)),
      availabilityOnlyMs: medianMs(() => evaluate(withoutScenarios)).medianMs,
      ...(targetMs === undefined ? {} : { targetMs }),
    };
  });
}

const results = run();
if (process.argv.includes('--json')) {
  process.stdout.write(
    `${JSON.stringify({
      cases: results.map(({ name, events, medianMs: ms, availabilityOnlyMs, targetMs }) => ({
        name,
        events,
        medianMs: ms,
        availabilityOnlyMs,
        ...(targetMs === undefined ? {} : { targetMs }),
      })),
    })}\n`,
  );
} else {
  const width = Math.max(...results.map((r) => r.name.length));
  process.stdout.write(`${'case'.padEnd(width)}  events  median ms  no scenarios ms  runs\n`);
  for (const r of results) {
    process.stdout.write(
      `${r.name.padEnd(width)}  ${String(r.events).padStart(6)}  ${r.medianMs.toFixed(3).padStart(9)}  ${r.availabilityOnlyMs.toFixed(3).padStart(15)}  ${String(r.runs).padStart(4)}\n`,
    );
  }
}
