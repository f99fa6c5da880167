/**
 * Nines' quantities as text, one rule for the CLI, the planner and the plan (docs/conventions.md):
 *
 * - figures compared digit by digit keep a fixed number of decimals: availability 4
 *   (`99.9988 %`), nines 2 (`4.93 nines`), downtime minutes a year 1 (`6.2 min/yr`);
 * - every other figure is rounded to its quantity's decimals and loses trailing zeros:
 *   durations 1 (`8.9 min`, `90 min`), shares 2 (`40 %`, `99.95 %`), rates 2, sizes 1 (`1.5 GiB`),
 *   dollars none from $1 up (`$6,665`) and cents below (`$0.40`), counts none (`17,520`);
 * - thousands are grouped with a comma, the decimal mark is a point, the minus sign is U+2212,
 *   rounding is half away from zero, and no machine locale is ever read;
 * - a unit, or a counted noun, follows its number after a non-breaking space (U+00A0); a counted
 *   noun is singular for exactly 1 (`1 instance`, `3 instances`, `0 instances`).
 *
 * Options exist only where a purpose needs them and are named for it.
 */
import { fixed, grouped, MINUS, NBSP } from './digits';

/** Decimals of a duration, a size, and of a share or a rate. */
const DURATION_DECIMALS = 1;
const SIZE_DECIMALS = 1;
const SHARE_DECIMALS = 2;
const RATE_DECIMALS = 2;

/** `value` and `unit` joined by a non-breaking space. */
export function withUnit(value: string, unit: string): string {
  return `${value}${NBSP}${unit}`;
}

/**
 * A plain number with thousands separators and up to `maxDecimals` decimals (2 unless told),
 * trailing zeros dropped: a table cell whose unit is in the column's header.
 * @example formatNumber(17520) // '17,520'
 * @example formatNumber(0.25) // '0.25'
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  return grouped(value, maxDecimals);
}

/**
 * An availability (a probability of working) as a percentage with 4 decimals, trailing zeros
 * kept: 0.0001 % is about half a minute a year. `digits` gives more where a finer figure is the
 * point (`nines evaluate` prints 6).
 * @example formatAvailability(0.99998818) // '99.9988 %'
 * @example formatAvailability(0.9999) // '99.9900 %'
 */
export function formatAvailability(probability: number, options: { digits?: number } = {}): string {
  return withUnit(fixed(probability * 100, options.digits ?? 4), '%');
}

/**
 * The number of nines (−log10 of the unavailability) with 2 decimals; `bare` leaves the word
 * out for a column headed "nines".
 * @example formatNines(4.9269) // '4.93 nines'
 * @example formatNines(4.9269, { bare: true }) // '4.93'
 */
export function formatNines(nines: number, options: { bare?: boolean } = {}): string {
  const value = fixed(nines, 2);
  return options.bare === true ? value : withUnit(value, 'nines');
}

/**
 * Downtime in minutes a year with 1 decimal (`digits` for a small difference between two).
 * @example formatMinutesPerYear(6.2149) // '6.2 min/yr'
 * @example formatMinutesPerYear(0.0312, { digits: 2 }) // '0.03 min/yr'
 */
export function formatMinutesPerYear(minutes: number, options: { digits?: number } = {}): string {
  return withUnit(fixed(minutes, options.digits ?? 1), 'min/yr');
}

/**
 * A duration in the unit a person would use, with at most 1 decimal: milliseconds below a
 * second, seconds below 2 minutes, minutes below 2 hours, hours below 2 days, then days.
 * `null` (no limit) reads `unbounded`, or `options.unbounded` (a narrow cell uses `∞`).
 * @example formatDuration(0.038) // '38 ms'
 * @example formatDuration(5400) // '90 min'
 * @example formatDuration(420_000) // '4.9 d'
 * @example formatDuration(null) // 'unbounded'
 */
export function formatDuration(
  seconds: number | null,
  options: { unbounded?: string } = {},
): string {
  if (seconds === null) return options.unbounded ?? 'unbounded';
  const magnitude = Math.abs(seconds);
  const [value, unit] =
    magnitude === 0
      ? [0, 's']
      : magnitude < 1
        ? [seconds * 1000, 'ms']
        : magnitude < 120
          ? [seconds, 's']
          : magnitude < 7200
            ? [seconds / 60, 'min']
            : magnitude < 172_800
              ? [seconds / 3600, 'h']
              : [seconds / 86_400, 'd'];
  return withUnit(grouped(value, DURATION_DECIMALS), unit);
}

/**
 * A configured interval, exact, in the largest unit that divides it: `1 d`, `6 h`, `30 min`,
 * `45 s`. Computed durations are rounded by {@link formatDuration} instead.
 * @example formatInterval(86_400) // '1 d'
 * @example formatInterval(90) // '90 s'
 */
export function formatInterval(seconds: number): string {
  if (seconds !== 0 && seconds % 86_400 === 0) return withUnit(grouped(seconds / 86_400), 'd');
  if (seconds !== 0 && seconds % 3600 === 0) return withUnit(grouped(seconds / 3600), 'h');
  if (seconds !== 0 && seconds % 60 === 0) return withUnit(grouped(seconds / 60), 'min');
  return withUnit(grouped(seconds, 3), 's');
}

/**
 * US dollars: whole dollars from $1 up, cents below (and with `cents`, always); a negative
 * amount gets U+2212 before the dollar sign.
 * @example formatUsd(6664.6) // '$6,665'
 * @example formatUsd(-1234.5) // '−$1,235'
 * @example formatUsd(0.4) // '$0.40'
 * @example formatUsd(1234.5, { cents: true }) // '$1,234.50'
 */
export function formatUsd(amount: number, options: { cents?: boolean } = {}): string {
  const withCents = options.cents === true || (amount !== 0 && Math.abs(amount) < 0.995);
  const digits = withCents ? fixed(Math.abs(amount), 2) : grouped(Math.abs(amount), 0);
  const isNegative = digits !== '0' && digits !== '0.00' && amount < 0;
  return `${isNegative ? MINUS : ''}$${digits}`;
}

/**
 * A signed amount of dollars for a change: `+$420`, `−$35`, `$0`.
 * @example formatSignedUsd(420) // '+$420'
 */
export function formatSignedUsd(amount: number): string {
  const text = formatUsd(amount);
  return amount > 0 && text !== '$0' ? `+${text}` : text;
}

/**
 * A unit price (per hour, per GB) with up to 4 decimals, trailing zeros dropped.
 * @example formatUnitPrice(0.1008) // '$0.1008'
 * @example formatUnitPrice(0.02) // '$0.02'
 */
export function formatUnitPrice(amount: number): string {
  const digits = grouped(Math.abs(amount), 4);
  return `${amount < 0 && digits !== '0' ? MINUS : ''}$${digits}`;
}

/**
 * A share (a fraction of requests, traffic or capacity, 0 to 1) as a percentage with up to 2
 * decimals, trailing zeros dropped.
 * @example formatShare(0.4) // '40 %'
 * @example formatShare(1 / 3) // '33.33 %'
 */
export function formatShare(fraction: number): string {
  return withUnit(grouped(fraction * 100, SHARE_DECIMALS), '%');
}

/**
 * The noun for a count: singular for exactly 1, else the plural (`singular + 's'` unless told).
 * @example plural(1, 'instance') // 'instance'
 * @example plural(3, 'replica') // 'replicas'
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}

/**
 * A count with thousands separators and its noun in the right number.
 * @example formatCount(1, 'instance') // '1 instance'
 * @example formatCount(17520, 'hour') // '17,520 hours'
 * @example formatCount(2, 'copy', 'copies') // '2 copies'
 */
export function formatCount(count: number, singular: string, pluralForm?: string): string {
  return withUnit(grouped(count), plural(count, singular, pluralForm));
}

/**
 * A rate with its unit, thousands grouped, up to 2 decimals.
 * @example formatRate(20000, 'requests/s') // '20,000 requests/s'
 * @example formatRate(1.5, 'Mbit/s') // '1.5 Mbit/s'
 */
export function formatRate(value: number, unit: string): string {
  return withUnit(grouped(value, RATE_DECIMALS), unit);
}

/**
 * Gibibytes (2^30 bytes) with up to 1 decimal.
 * @example formatGiB(12.46) // '12.5 GiB'
 */
export function formatGiB(gib: number): string {
  return withUnit(grouped(gib, SIZE_DECIMALS), 'GiB');
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * A size in bytes in the largest binary unit that keeps the value at 1 or more, up to 1 decimal.
 * @example formatBytes(512) // '512 B'
 * @example formatBytes(1536) // '1.5 KiB'
 * @example formatBytes(5 * 2 ** 30) // '5 GiB'
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return withUnit(grouped(value, unit === 0 ? 0 : SIZE_DECIMALS), BYTE_UNITS[unit] ?? 'B');
}
