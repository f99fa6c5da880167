// Child process of cli/plan-kill.test.ts: runs `nines plan FILE --pdf OUT` in a loop in one
// process, from the same bundle the `nines` command runs (./../bin/bundle.cjs, loaded as
// ../bin/nines.cjs does), alternating variants so that different complete plans follow each
// other, until the test kills it. Run as `node plan-kill-child.cjs FILE OUT DATE VARIANT...`.
// It first writes the first variant's plan to `.warm-up.pdf` beside OUT (modules loaded, so that
// the loop's plans take their steady time), then writes `ready MS` with the milliseconds that
// plan took (one variant's plan, as each of the loop's is),
// and `wrote` after each plan of the loop.
'use strict';
const { dirname, join } = require('node:path');
const { ROOT, bundledEntry } = require('../bin/bundle.cjs');
const { loadBundle } = require('../bin/load.cjs');

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

async function run(file, out, date, variants) {
  const { main } = loadBundle(await bundledEntry(ROOT)).exports;
  const start = performance.now();
  const warmUp = join(dirname(out), '.warm-up.pdf');
  await main(['plan', file, '--pdf', warmUp, '--variant', variants[0], '--date', date], quiet);
  process.stdout.write(`ready ${Math.ceil(performance.now() - start)}\n`);
  for (let n = 0; ; n += 1) {
    const variant = variants[n % variants.length];
    const code = await main(
      ['plan', file, '--pdf', out, '--variant', variant, '--date', date],
      quiet,
    );
    if (code !== 0) throw new Error(`nines plan exited ${code}`);
    process.stdout.write('wrote\n');
  }
}

const [file, out, date, ...variants] = process.argv.slice(2);
run(file, out, date, variants).catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
