/**
 * How the inspector's inputs read and write values: numbers without grouping, probabilities as
 * percentages, booleans and enumerations as choices. A blank input removes the field, so that
 * its documented default applies.
 */
import {
  conflictResolutions,
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
  const number = Number(trimmed.replace(/[,\s]/g, '').replace(/%$/, ''));
  if (!Number.isFinite(number)) return { ok: false, message: 'must be a number' };
  return {
    ok: true,
    value: unit === 'probability' ? Number((number / 100).toPrecision(15)) : number,
  };
}
