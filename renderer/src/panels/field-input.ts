/**
 * How the inspector's inputs read and write values: numbers without grouping, probabilities as
 * percentages, times with or without a unit (`5 min` in a seconds field), booleans and
 * enumerations as choices. A blank input removes the field, so that its documented default
 * applies.
 */
import {
  conflictResolutions,
  dnsRoutingPolicies,
  persistenceModes,
  replicationModes,
} from '../../../shared/schema/nines-v1';
import type { FieldUnit } from './field-specs';

/** The choices of an enumerated or boolean field, or undefined for free input. */
export function choicesFor(key: string, unit: FieldUnit): readonly string[] | undefined {
  if (unit === 'boolean') return ['yes', 'no'];
  if (key === 'replication') return replicationModes;
  if (key === 'persistence') return persistenceModes;
  if (key === 'conflictResolution') return conflictResolutions;
  if (key === 'role') return ['primary', 'standby'];
  if (key === 'impact') return ['low', 'moderate', 'high'];
  if (key === 'routingPolicy') return dnsRoutingPolicies;
  return undefined;
}

/** The short unit shown after an input: `h`, `s`, `%`, `req/s`. */
export function unitSuffix(unit: FieldUnit): string {
  const suffixes: Record<FieldUnit, string> = {
    text: '',
    count: '',
    boolean: '',
    probability: '%',
    hours: 'h',
    seconds: 's',
    ms: 'ms',
    days: 'd',
    rps: 'req/s',
    gib: 'GiB',
    mbps: 'Mbit/s',
    mbytesps: 'MB/s',
    usdPerHour: '$/h',
    usdPerMonth: '$/mo',
  };
  return suffixes[unit];
}

/** A stored value as the input shows it: `4000`, `99.99` (for 0.9999), `yes`. */
export function toInputText(value: unknown, unit: FieldUnit): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    const shown = unit === 'probability' ? value * 100 : value;
    return String(Number(shown.toPrecision(12)));
  }
  return String(value);
}

/** Seconds in one of each unit a time field accepts, by the words that name it. */
const DURATION_UNITS: readonly [readonly string[], number][] = [
  [['ms', 'msec', 'millisecond', 'milliseconds'], 0.001],
  [['s', 'sec', 'secs', 'second', 'seconds'], 1],
  [['m', 'min', 'mins', 'minute', 'minutes'], 60],
  [['h', 'hr', 'hrs', 'hour', 'hours'], 3600],
  [['d', 'day', 'days'], 86_400],
];

const SECONDS_PER_WORD = new Map(
  DURATION_UNITS.flatMap(([words, seconds]) => words.map((w) => [w, seconds] as const)),
);

/** Seconds in one of a time field's own unit. */
const FIELD_UNIT_SECONDS: Partial<Record<FieldUnit, number>> = {
  ms: 0.001,
  seconds: 1,
  hours: 3600,
  days: 86_400,
};

/** True for a time field (ms, seconds, hours, days), which takes a value with a unit. */
export function isTimeUnit(unit: FieldUnit): boolean {
  return FIELD_UNIT_SECONDS[unit] !== undefined;
}

/** What a time field says when it cannot read a value. */
export const DURATION_MESSAGE =
  'must be a time such as 30 s, 5 min, 1.5 h or 2 d (units: ms, s, min, h, d)';

/**
 * A typed time in seconds: `30 s`, `5 min`, `1.5h`, `90s`, `2 d`, `1 h 30 min` (parts add up);
 * a number alone is in `bareUnitSeconds` (the field's own unit). Null when it cannot be read.
 * @example parseDuration('5 min', 1) // 300
 * @example parseDuration('2', 3600) // 7200
 */
export function parseDuration(text: string, bareUnitSeconds: number): number | null {
  const trimmed = text.trim().toLowerCase().replace(/,/g, '');
  const bare = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
  if (Number.isFinite(bare)) return bare * bareUnitSeconds;
  const part = /\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]+)\s*/y;
  let total = 0;
  let at = 0;
  while (at < trimmed.length) {
    part.lastIndex = at;
    const match = part.exec(trimmed);
    const perUnit = match ? SECONDS_PER_WORD.get(match[2] ?? '') : undefined;
    if (!match || perUnit === undefined) return null;
    total += Number(match[1]) * perUnit;
    at = part.lastIndex;
  }
  return at === 0 ? null : total;
}

/** A number in a percent field's text (`99.99`, `99.99 %`), or NaN. */
function percentNumber(text: string): number {
  return Number(text.trim().replace(/[,\s]/g, '').replace(/%$/, ''));
}

/**
 * The percentage a person most likely meant when a percent field gets a fraction such as
 * `0.9999` (0.9999 %): `99.99`, to offer with one click; undefined when the text is not such a
 * fraction (a `%` sign, 0, 1 or more, or not a number).
 */
export function percentHint(text: string, unit: FieldUnit): string | undefined {
  if (unit !== 'probability' || text.includes('%')) return undefined;
  const value = percentNumber(text);
  if (!(value > 0 && value < 1)) return undefined;
  return String(Number((value * 100).toPrecision(12)));
}

/** A model's message in the field's own unit: a probability "between 0 and 1" is in percent. */
export function messageInUnit(message: string, unit: FieldUnit): string {
  if (unit !== 'probability') return message;
  return message.replace(/a (probability|share) between 0 and 1\b/, 'between 0 and 100 %');
}

/** What the input's text means: the value to store, undefined for blank, or why it cannot be read. */
export function fromInputText(
  text: string,
  unit: FieldUnit,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (unit === 'text') return { ok: true, value: trimmed };
  if (unit === 'boolean') {
    if (trimmed === 'yes') return { ok: true, value: true };
    if (trimmed === 'no') return { ok: true, value: false };
    return { ok: false, message: 'must be yes or no' };
  }
  const perUnit = FIELD_UNIT_SECONDS[unit];
  if (perUnit !== undefined) {
    const seconds = parseDuration(trimmed, perUnit);
    if (seconds === null) return { ok: false, message: DURATION_MESSAGE };
    return { ok: true, value: Number((seconds / perUnit).toPrecision(12)) };
  }
  if (unit === 'probability') {
    const percent = percentNumber(trimmed);
    if (!Number.isFinite(percent)) return { ok: false, message: 'must be a number of %' };
    if (percent < 0 || percent > 100) return { ok: false, message: 'must be between 0 and 100 %' };
    return { ok: true, value: Number((percent / 100).toPrecision(15)) };
  }
  const number = Number(trimmed.replace(/[,\s]/g, ''));
  if (!Number.isFinite(number)) return { ok: false, message: 'must be a number' };
  return { ok: true, value: number };
}
