/**
 * Explicit, ordered steps that bring an older project file up to the current format. Each step
 * takes the raw JSON of format `from` and returns raw JSON of format `to`; the schema validates
 * only the result. `nines/1` is the first public format, so the shipped list is empty; the
 * runner is tested with its own steps.
 */
import { FORMAT_V1 } from './nines-v1';

/** One migration step between two consecutive formats. */
export interface MigrationStep {
  readonly from: string;
  readonly to: string;
  /** Pure: returns a new raw document, never mutates its input. */
  readonly migrate: (raw: Record<string, unknown>) => Record<string, unknown>;
}

/** The format every document is migrated to. */
export const CURRENT_FORMAT = FORMAT_V1;

/** The shipped steps, oldest first. */
export const MIGRATIONS: readonly MigrationStep[] = [];

/** The outcome of migrating: the raw document in the current format, or why it cannot be. */
export type MigrationResult =
  { ok: true; raw: Record<string, unknown>; applied: string[] } | { ok: false; message: string };

/**
 * Applies `steps` from the document's `format` up to `current`. A format newer than `current`
 * (same family, higher number) or unknown is refused with a message that says what to do.
 */
export function migrate(
  raw: Record<string, unknown>,
  steps: readonly MigrationStep[] = MIGRATIONS,
  current: string = CURRENT_FORMAT,
): MigrationResult {
  const format = raw.format;
  if (typeof format !== 'string') {
    return { ok: false, message: `missing "format" (expected "${current}")` };
  }
  const applied: string[] = [];
  let doc = raw;
  let at = format;
  while (at !== current) {
    const step = steps.find((s) => s.from === at);
    if (!step) {
      return { ok: false, message: describeUnknownFormat(at, current) };
    }
    doc = step.migrate(doc);
    applied.push(`${step.from} → ${step.to}`);
    at = step.to;
  }
  return { ok: true, raw: doc, applied };
}

function describeUnknownFormat(format: string, current: string): string {
  const version = (f: string): number | undefined => {
    const match = /^nines\/(\d+)$/.exec(f);
    return match ? Number(match[1]) : undefined;
  };
  const theirs = version(format);
  const ours = version(current);
  if (theirs !== undefined && ours !== undefined && theirs > ours) {
    return `"${format}" is newer than this version of Nines reads ("${current}"): update Nines to open it`;
  }
  return `unknown format "${format}" (expected "${current}")`;
}
