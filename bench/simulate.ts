/**
 * `npx tsx bench/simulate.ts [--json]`: Monte Carlo throughput, simulated years per second on one
 * core, for every template in assets/templates/ (each variant of a file counts its years).
 * Target: at least 10,000 years per second on the three-region template
 * (active-active-3-regions); exits 1 when it is missed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate } from '../shared/engine';
import { parseDocumentText } from '../shared/schema/parse';

/** Years per timed run and per variant. */
const YEARS = 20_000;
/** Timed runs per template; the median is reported. */
const RUNS = 5;
/** Simulated years per second the three-region template must reach. */
const TARGET_YEARS_PER_SECOND = 10_000;
const TARGET_TEMPLATE = 'active-active-3-regions';

const dir = new URL('../assets/templates/', import.meta.url).pathname;
const results = readdirSync(dir)
  .filter((f) => f.endsWith('.nines.json'))
  .sort()
  .map((file) => {
    const parsed = parseDocumentText(readFileSync(join(dir, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.problems[0]?.message ?? 'invalid'}`);
    const doc = parsed.document;
    simulate(doc, { years: 1000, seed: 0 });
    const times: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const start = performance.now();
      simulate(doc, { years: YEARS, seed: run });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const medianMs = times[RUNS >> 1] as number;
    const years = YEARS * doc.variants.length;
    return {
      name: file.replace('.nines.json', ''),
      variants: doc.variants.length,
      yearsPerSecond: Math.round((years / medianMs) * 1000),
    };
  });

const target = results.find((r) => r.name === TARGET_TEMPLATE);
const meets = target !== undefined && target.yearsPerSecond >= TARGET_YEARS_PER_SECOND;
if (process.argv.includes('--json')) {
  process.stdout.write(
    `${JSON.stringify({
      cases: results.map((r) => ({
        ...r,
        name: `simulate ${r.name}`,
        ...(r.name === TARGET_TEMPLATE ? { targetYearsPerSecond: TARGET_YEARS_PER_SECOND } : {}),
      })),
      meetsTarget: meets,
    })}\n`,
  );
} else {
  const width = Math.max(...results.map((r) => r.name.length));
  process.stdout.write(`${'template'.padEnd(width)}  variants  simulated years/s\n`);
  for (const r of results) {
    process.stdout.write(
      `${r.name.padEnd(width)}  ${String(r.variants).padStart(8)}  ${String(r.yearsPerSecond).padStart(17)}\n`,
    );
  }
  process.stdout.write(
    `${TARGET_TEMPLATE}: ${meets ? 'meets' : 'MISSES'} the target of ${TARGET_YEARS_PER_SECOND} years/s\n`,
  );
}
process.exitCode = meets ? 0 : 1;
