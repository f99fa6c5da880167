/**
 * `nines simulate FILE [--years N] [--seed S] [--variant ID] [--json]`: Monte Carlo simulation of
 * each variant (FORMAT.md's JSON with `--json`, else a readable table), with a progress bar on
 * standard error when it is a terminal.
 */
import type { SimulatedVariant, SimulationReport } from '../../shared/engine';
import type { Command } from './command';
import { EXIT, loadOrReport, type CliIo } from '../io';
import {
  fixed,
  formatAvailability,
  formatCount,
  formatShare,
  grouped,
  printable,
} from '../../shared/text';

/** Simulated years per variant when `--years` is not given. */
export const DEFAULT_YEARS = 10_000;
/**
 * Most simulated years `--years` may ask for: a hundred times the default, a 95 % interval
 * already narrow for any model; larger asks are refused up front (exit 2) rather than run for
 * hours.
 */
export const MAX_YEARS = 1_000_000;
/** Largest `--seed`: every integer up to 2^53 − 1 seeds a distinct sequence. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;
/** Seed when `--seed` is not given. */
export const DEFAULT_SEED = 1;
/** Width of the progress bar, characters. */
const BAR_WIDTH = 30;

export const simulateCommand: Command = {
  name: 'simulate',
  usage: 'nines simulate FILE [--years N] [--seed S] [--variant ID] [--json]',
  summary: 'Monte Carlo: mean availability with a 95 % interval, yearly downtime, data loss.',
  options: {
    years: { type: 'string' },
    seed: { type: 'string' },
    variant: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined || positionals.length !== 1) return EXIT.usage;
    const years = integerOption(io, 'years', values.years, DEFAULT_YEARS, 1, MAX_YEARS);
    const seed = integerOption(io, 'seed', values.seed, DEFAULT_SEED, 0, MAX_SEED);
    if (years === undefined || seed === undefined) return EXIT.usage;
    const document = await loadOrReport(io, file);
    if (!document) return EXIT.invalid;
    const variantId = typeof values.variant === 'string' ? values.variant : undefined;
    const { simulate } = await import('../../shared/engine');
    const bar = io.stderr.isTTY === true ? progressBar(io) : undefined;
    const report = simulate(document, {
      years,
      seed,
      variantId,
      onProgress: bar?.update,
    });
    bar?.finish();
    for (const issue of [...report.issues, ...report.variants.flatMap((v) => v.issues)]) {
      io.stderr.write(`${file}: ${issue.severity}: ${issue.message}\n`);
    }
    if (values.json === true) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else writeTable(io, document.variants, report);
    const failed = report.issues.length > 0 || report.variants.some((v) => v.mean === null);
    return failed ? EXIT.invalid : EXIT.ok;
  },
};

/**
 * Parses an integer option from `min` to `max` (absent: `fallback`); undefined after a usage
 * message naming the range. Digits only: `1e3`, `0x10`, `-1`, `2.5` and `Infinity` are refused.
 */
function integerOption(
  io: CliIo,
  name: string,
  raw: unknown,
  fallback: number,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return fallback;
  const text = String(raw);
  // Checked by length first, so that a thousand digits are not turned into a number.
  const value = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    io.stderr.write(
      `nines simulate: --${name} must be an integer from ${grouped(min)} to ${grouped(max)}, not "${shown}"\n`,
    );
    return undefined;
  }
  return value;
}

/**
 * A one-line bar redrawn in place with a carriage return (written raw: the stream's `write`
 * escapes carriage returns, which in a file's text would overwrite the line).
 */
function progressBar(io: CliIo): { update: (fraction: number) => void; finish: () => void } {
  const write = (text: string) =>
    io.stderr.writeRaw ? io.stderr.writeRaw(text) : io.stderr.write(text);
  return {
    update(fraction) {
      const filled = Math.round(fraction * BAR_WIDTH);
      const percent = `${Math.floor(fraction * 100)}`.padStart(3);
      write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${percent} %`);
    },
    finish() {
      io.stderr.write('\n');
    },
  };
}

function writeTable(
  io: CliIo,
  variants: readonly { id: string; name: string }[],
  report: SimulationReport,
): void {
  const lines = [
    `${formatCount(report.yearsPerVariant, 'simulated year')} per variant, seed ${report.seed}`,
    '',
  ];
  for (const v of report.variants) {
    const name = printable(variants.find((x) => x.id === v.id)?.name ?? v.id);
    lines.push(`${v.id} — ${name}`, ...variantLines(v), '');
  }
  io.stdout.write(lines.join('\n'));
}

function variantLines(v: SimulatedVariant): string[] {
  if (v.mean === null || v.ci95 === null || v.downtimeMinutesPerYear === null) {
    return ['  not simulated (see the messages above)'];
  }
  const percent = (x: number): string => formatAvailability(x, { digits: 6 });
  const d = v.downtimeMinutesPerYear;
  return [
    `  mean availability   ${percent(v.mean)}  (${formatShare(0.95)}: ${percent(v.ci95[0])} – ${percent(v.ci95[1])})`,
    ...(v.exact === null ? [] : [`  exact               ${percent(v.exact)}`]),
    `  downtime, min/yr    mean ${fixed(d.mean, 2)}  median ${fixed(d.p50, 2)}  p99 ${fixed(d.p99, 2)}`,
    `  data-loss events    ${fixed(v.dataLossEventsPerYear ?? 0, 3)} a year`,
  ];
}
