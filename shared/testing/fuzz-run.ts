/**
 * The mutation fuzz as a child process of fuzz.test.ts, so that a case that hangs can be
 * stopped: it writes `case N` before each case, then one JSON line with the outcome counts, or
 * fast-check's report (seed, path, counterexample) and exit code 1. FUZZ_SEED and FUZZ_RUNS set
 * the run; FUZZ_PATH replays one case (printing its text); FUZZ_HANG_AT makes that case loop
 * forever, to test the parent's watchdog.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { priceBookSchema } from '../catalog/price-book';
import { checkPipeline, fuzzCaseArb, mutatedText, type Outcome } from './fuzz';

/**
 * Longest a single case may take before it counts as a failure: evaluating the slowest template
 * takes ~10 ms and building its plan ~250 ms; the margin is for a loaded machine.
 */
const CASE_BUDGET_MS = 5000;

const templatesDir = new URL('../../assets/templates/', import.meta.url);
const templates = readdirSync(templatesDir)
  .filter((f) => f.endsWith('.nines.json'))
  .sort()
  .map((f) => readFileSync(new URL(f, templatesDir), 'utf8'));
const priceBook = priceBookSchema.parse(
  JSON.parse(readFileSync(new URL('../../assets/pricing/pricebook.json', import.meta.url), 'utf8')),
);

const seed = Number(process.env.FUZZ_SEED);
const numRuns = Number(process.env.FUZZ_RUNS);
const replay = process.env.FUZZ_PATH;
const hangAt = process.env.FUZZ_HANG_AT === undefined ? -1 : Number(process.env.FUZZ_HANG_AT);
const counts: Record<Outcome, number> = { refused: 0, evaluated: 0, planned: 0 };
let index = 0;

const details = fc.check(
  fc.property(fuzzCaseArb, (c) => {
    process.stdout.write(`case ${index}\n`);
    // eslint-disable-next-line no-empty -- the hang the watchdog test needs
    if (index === hangAt) for (;;) {}
    index += 1;
    const text = mutatedText(templates, c);
    if (replay !== undefined) process.stdout.write(`${text}\n`);
    const started = performance.now();
    // A plan takes ~150 ms: build it for one valid mutant in about eight, chosen by the text
    // itself so that a replay makes the same choice.
    counts[checkPipeline(text, priceBook, text.length % 8 === 0)] += 1;
    const took = performance.now() - started;
    if (took > CASE_BUDGET_MS) throw new Error(`took ${Math.round(took)} ms`);
  }),
  { seed, numRuns, ...(replay === undefined ? {} : { path: replay }) },
);
if (details.failed) {
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : '';
  process.stdout.write(`${fc.defaultReportMessage(details) ?? 'failed'}\nError: ${error}\n`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(counts)}\n`);
