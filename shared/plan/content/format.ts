/**
 * How the plan prints its figures, the same way everywhere so that a reader (and a test) can
 * read each one back: availability as a percentage with 4 decimals, minutes a year with 1, times
 * humanised (ms, s, min, h, d), US dollars rounded with thousands separators, "unbounded" for a
 * time without a limit.
 */

/** `0.99998818` → `99.9988 %`. */
export function percent(availability: number): string {
  return `${(availability * 100).toFixed(4)} %`;
}

/** Minutes a year with one decimal: `6.2 min/yr`. */
export function minutesPerYear(minutes: number): string {
  return `${minutes.toFixed(1)} min/yr`;
}

/** One decimal, without a trailing `.0`: `90`, `2.5`. */
function trim1(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * A duration for a reader: `unbounded` for null, `0 s`, milliseconds below a second (`38 ms`),
 * seconds below two minutes (`90 s`, `2.5 s`), then minutes (`8.9 min`), hours (`24.0 h`) and
 * days (`4.9 d`) with one decimal.
 */
export function duration(seconds: number | null): string {
  if (seconds === null) return 'unbounded';
  if (seconds === 0) return '0 s';
  if (seconds < 1) return `${trim1(seconds * 1000)} ms`;
  if (seconds < 120) return `${trim1(seconds)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

/** `6664.6` → `$6,665`; negative amounts get a minus sign. */
export function usd(amount: number): string {
  const rounded = Math.round(amount);
  const digits = Math.abs(rounded)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '−' : ''}$${digits}`;
}

/** A count with thousands separators: `17520` → `17,520`; up to `decimals` decimals kept. */
export function count(value: number, decimals = 0): string {
  const [whole = '0', fraction] = (Math.round(value * 10 ** decimals) / 10 ** decimals)
    .toString()
    .split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** `high` → `High`. */
export function capitalise(value: string): string {
  return `${value.charAt(0).toUpperCase()}${value.slice(1)}`;
}

/** Items joined as an English list: `a`, `a and b`, `a, b and c`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
