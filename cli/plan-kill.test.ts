/**
 * `nines plan` killed with SIGKILL at random moments never leaves a torn plan: a child process
 * (__fixtures__/plan-kill-child.cjs) runs the `plan` command of the CLI's bundle in a loop, alternating two
 * variants of a template, and is killed after a seeded random delay. After each kill the target
 * is exactly one of three complete files: the old file it started from, or one of the two
 * variants' plans (rendered beforehand by the same command). Most of a plan's time is spent
 * building and rendering it, so a second child (__fixtures__/replace-loop-child.ts) replaces the
 * target with the same writer in a tight loop, where most kills land inside a write. The delays
 * are random; the assertion never depends on where they land. KILL_SEED overrides the seed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, template } from './testing';
import { bundledChild, type BundledChild } from '../shared/testing/bundled-child';
import { seededRandom as random } from '../shared/testing/seeded-random';

const SEED = Number(process.env.KILL_SEED ?? 18);
const KILLS = 4;
/** Longest delay before a kill, in plans (as long as the child's warm-up plan took). */
const MAX_DELAY_PLANS = 2;
const CHILD = new URL('./__fixtures__/plan-kill-child.cjs', import.meta.url).pathname;
const WRITER_SOURCE = new URL('./__fixtures__/replace-loop-child.ts', import.meta.url).pathname;
/** Kills of the tight write loop, and the longest delay before each, ms. */
const WRITE_KILLS = 30;
const MAX_WRITE_DELAY_MS = 60;
/** The date of every plan, so that a variant's plan is the same bytes each time. */
const PLAN_DATE = '2026-01-01';
const VARIANTS = ['single-3az', 'aa2'];

/**
 * Starts the plan loop, waits until it runs, lets it go on for `share` × {@link MAX_DELAY_PLANS}
 * plans' time, kills it; resolves to the number of plans it wrote.
 */
function planThenKill(out: string, share: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CHILD, template('ha-options'), out, PLAN_DATE, ...VARIANTS],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let wrote = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      const ready = /ready (\d+)/.exec(text);
      if (ready) {
        const ms = share * MAX_DELAY_PLANS * Number(ready[1]);
        setTimeout(() => child.kill('SIGKILL'), ms);
      }
      wrote += text.split('wrote').length - 1;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(wrote) : reject(new Error(`plan loop exited with ${code}`)),
    );
  });
}

/** Starts the write loop, waits until it runs, lets it write for `ms`, kills it. */
function writeThenKill(out: string, plans: readonly string[], ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle.module, out, ...plans], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`write loop exited with ${code}`)),
    );
  });
}

let dir: string;
/** The write loop bundled as a plain module: each write kill starts it with plain `node`. */
let bundle: BundledChild;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nines-plan-kill-'));
  bundle = await bundledChild(WRITER_SOURCE);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await bundle.remove();
});

describe('nines plan killed mid-write', () => {
  it(`${KILLS} kills at random moments: the plan is always the old file or a whole new one`, async () => {
    const complete = new Map<string, string>();
    for (const variant of VARIANTS) {
      const at = path.join(dir, `reference-${variant}.pdf`);
      const run = await runCli(
        'plan',
        template('ha-options'),
        '--pdf',
        at,
        '--variant',
        variant,
        '--date',
        PLAN_DATE,
      );
      expect(run.code, run.stderr).toBe(0);
      complete.set((await readFile(at)).toString('latin1'), `the ${variant} plan`);
    }
    expect(complete.size).toBe(2);
    const out = path.join(dir, 'plan.pdf');
    const old = 'the previous plan, which a killed write must not lose\n';
    await writeFile(out, old);
    complete.set(old, 'the old file');

    const next = random(SEED);
    let plans = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      plans += await planThenKill(out, next());
      const found = complete.get((await readFile(out)).toString('latin1'));
      expect(found, `seed ${SEED}, kill ${kill}: the plan is torn`).toBeDefined();
      // Nothing but the plan and the hidden temporary files of killed writes.
      const names = (await readdir(dir)).filter(
        (n) => !n.startsWith('reference-') && !n.startsWith('.warm-up.pdf'),
      );
      for (const name of names)
        expect(name).toMatch(/^(plan\.pdf|\.plan\.pdf\.[0-9a-f]{12}\.tmp)$/);
    }
    // The loop did write plans between the kills (not a test of an idle process).
    expect(plans).toBeGreaterThan(0);

    const references = VARIANTS.map((variant) => path.join(dir, `reference-${variant}.pdf`));
    for (let kill = 0; kill < WRITE_KILLS; kill += 1) {
      await writeThenKill(out, references, Math.floor(next() * MAX_WRITE_DELAY_MS));
      const found = complete.get((await readFile(out)).toString('latin1'));
      expect(found, `seed ${SEED}, write kill ${kill}: the plan is torn`).toBeDefined();
    }
  }, 600_000);
});
