/**
 * Child process of cli/plan-kill.test.ts: replaces OUT with the CLI's writer (`writeFileAtomic`,
 * the one `nines plan` uses) in a loop, alternating the bytes of two complete plans, as fast as
 * it can, until the test kills it: here a kill lands inside a write most of the time. Run as
 * `node replace-loop-child.mjs OUT PLAN_A PLAN_B` once bundled (`bundledChild`), or with
 * `node --import tsx` as it is; writes `ready` once loaded.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../../system';

async function run(out: string, plans: readonly Uint8Array[]): Promise<void> {
  process.stdout.write('ready\n');
  for (let n = 0; ; n += 1) await writeFileAtomic(out, plans[n % plans.length] as Uint8Array);
}

// Node names the main module by its real path (node_modules may be a link to elsewhere).
if (import.meta.url === pathToFileURL(realpathSync(process.argv[1] ?? '.')).href) {
  const [out, ...plans] = process.argv.slice(2) as [string, ...string[]];
  void run(
    out,
    plans.map((p) => readFileSync(p)),
  );
}
