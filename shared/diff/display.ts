/**
 * How each figure of a diff reads to a person, through `shared/text` (docs/conventions.md). The
 * same strings decide whether a figure `changed`: two values that print the same are the same
 * to a reader, so floating noise never shows as a change, and JSON keeps the raw numbers.
 */
import {
  fixed,
  formatAvailability,
  formatDuration,
  formatMinutesPerYear,
  formatNines,
  formatShare,
  formatSignedUsd,
  formatUsd,
  grouped,
  MINUS,
  withUnit,
} from '../text';
import type { NumberPair } from './types';

/** A missing figure: a variant on one side only, or a side that could not be evaluated. */
export const MISSING = '—';

/** The quantities of a diff, each with its display rule. */
export const SHOW = {
  availability: (p: number): string => formatAvailability(p),
  minutesPerYear: (m: number): string => formatMinutesPerYear(m),
  /** `null` nines: the unavailability is 0. */
  nines: (n: number | null): string => (n === null ? withUnit('∞', 'nines') : formatNines(n)),
  usd: (x: number): string => formatUsd(x),
  duration: (s: number | null): string => formatDuration(s),
  share: (x: number): string => formatShare(x),
  count: (n: number): string => grouped(n),
} as const;

/** True when `before` and `after` read differently under `show` (a missing side always differs from a present one). */
export function differs<T>(before: T | null, after: T | null, show: (x: T) => string): boolean {
  const text = (x: T | null): string => (x === null ? MISSING : show(x));
  return text(before) !== text(after);
}

/** A {@link NumberPair} whose `changed` is decided by `show`. */
export function pair(
  before: number | null,
  after: number | null,
  show: (x: number) => string,
): NumberPair {
  return {
    before,
    after,
    delta: before === null || after === null ? null : after - before,
    changed: differs(before, after, show),
  };
}

/** 100 × (after − before) / before; null when before is 0 or either is unknown. */
export function percentChange(before: number | null, after: number | null): number | null {
  if (before === null || after === null || before === 0) return null;
  return (100 * (after - before)) / before;
}

/** A signed percentage with no decimals from 10 up, one below: `+151 %`, `−14 %`, `+2.5 %`. */
export function signedPercent(pct: number): string {
  const digits = grouped(Math.abs(pct), Math.abs(pct) >= 10 ? 0 : 1);
  const sign = digits === '0' ? '' : pct > 0 ? '+' : MINUS;
  return withUnit(`${sign}${digits}`, '%');
}

/** A signed change of minutes a year, `+9.4 min/yr`, `−0.3 min/yr`. */
export function signedMinutes(delta: number): string {
  const text = formatMinutesPerYear(delta);
  return delta > 0 && text !== formatMinutesPerYear(0) ? `+${text}` : text;
}

/** A signed change of dollars, `+$420`, `−$35`. */
export function signedUsd(delta: number): string {
  return formatSignedUsd(delta);
}

/** Minutes a year before → after with the unit once: `6.2 → 15.7 min/yr`. */
export function minutesArrow(before: number | null, after: number | null): string {
  if (after === null)
    return `${before === null ? MISSING : formatMinutesPerYear(before)} → ${MISSING}`;
  const first = before === null ? MISSING : fixed(before, 1);
  return `${first} → ${after === null ? MISSING : formatMinutesPerYear(after)}`;
}

/** `before → after` with {@link MISSING} for an unknown side. */
export function arrow<T>(before: T | null, after: T | null, show: (x: T) => string): string {
  const text = (x: T | null): string => (x === null ? MISSING : show(x));
  return `${text(before)} → ${text(after)}`;
}
