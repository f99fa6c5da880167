/**
 * Issue 9's fuzzing. Mutated templates run through parse → evaluate → plan in a child process
 * (shared/testing/fuzz-run.ts) so that a case that hangs is stopped and named instead of
 * stalling the suite; random valid models run in process. Seeds are fixed (override with
 * FUZZ_SEED) and printed on failure with the command that replays the failing case.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../catalog/price-book';
import { serializeDocument } from '../schema/serialize';
import { smallModelArb } from './arbitraries';
import { checkPipeline } from './fuzz';

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const RUNS = 2000;
/** A case that writes nothing for this long is taken as hung (cases take ~10 ms). */
const HANG_MS = 10_000;

const root = new URL('../..', import.meta.url).pathname;

interface FuzzRun {
  readonly code: number | null;
  readonly output: string;
  readonly hungAt?: number;
}

/** Runs fuzz-run.ts, killing it when one case takes longer than `hangMs`. */
function runFuzz(
  seed: number,
  runs: number,
  hangMs = HANG_MS,
  env: Record<string, string> = {},
): Promise<FuzzRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'shared/testing/fuzz-run.ts'], {
      cwd: root,
      env: { ...process.env, ...env, FUZZ_SEED: String(seed), FUZZ_RUNS: String(runs) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    let last = -1;
    let hungAt: number | undefined;
    let watchdog = setTimeout(hang, HANG_MS * 3); // start-up included
    function hang() {
      hungAt = last;
      child.kill('SIGKILL');
    }
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const cases = [...chunk.matchAll(/^case (\d+)$/gm)];
      if (cases.length === 0) return;
      last = Number(cases.at(-1)?.[1]);
      clearTimeout(watchdog);
      watchdog = setTimeout(hang, hangMs);
    });
    child.on('close', (code) => {
      clearTimeout(watchdog);
      resolve({ code, output: output.replace(/^case \d+\n/gm, ''), hungAt });
    });
  });
}

describe('fuzzing', () => {
  it(`${RUNS} mutated templates: parse → evaluate → plan never throws, never hangs, stays in range`, async () => {
    const run = await runFuzz(SEED, RUNS);
    const replay = (path: number | string) =>
      `replay: FUZZ_SEED=${SEED} FUZZ_RUNS=1 FUZZ_PATH=${path} node --import tsx shared/testing/fuzz-run.ts`;
    if (run.hungAt !== undefined) {
      expect.fail(
        `seed ${SEED}: case ${run.hungAt} ran over ${HANG_MS} ms (${replay(run.hungAt)})`,
      );
    }
    expect(run.code, `seed ${SEED}:\n${run.output}`).toBe(0);
    const counts = JSON.parse(run.output) as Record<'refused' | 'evaluated' | 'planned', number>;
    expect(counts.refused + counts.evaluated + counts.planned).toBe(RUNS);
    // Not vacuous: a fair share of the mutants are still valid and get evaluated, some planned.
    expect(counts.evaluated + counts.planned).toBeGreaterThan(RUNS / 20);
    expect(counts.planned).toBeGreaterThan(10);
  });

  it('the watchdog stops and names a case that hangs', async () => {
    // The suite's own limit, not a shorter one: on a busy machine the start-up or an ordinary
    // case took longer than 1.5 s / 0.5 s, and the watchdog named the wrong case.
    const stuck = await runFuzz(SEED, 10, HANG_MS, { FUZZ_HANG_AT: '3' });
    expect(stuck.hungAt).toBe(3);
  });

  it('any valid random model evaluates to probabilities in [0, 1] and finite minutes', () => {
    const priceBook = priceBookSchema.parse(
      JSON.parse(
        readFileSync(new URL('../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
      ),
    );
    fc.assert(
      fc.property(smallModelArb(14), (doc) => {
        expect(checkPipeline(serializeDocument(doc), priceBook)).toBe('evaluated');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
