/**
 * Field-by-field comparison of two objects of a file on their effective values: a field left
 * out takes the default its owner documents, so `minHealthy: 1` written out equals leaving it
 * out. Plain objects (`trafficShare`, `catalog.prices`) are compared key by key below a dotted
 * path; arrays and scalars as whole values.
 */
import type { FieldChange } from './types';

/** A JSON object of a parsed document. */
export type Fields = Readonly<Record<string, unknown>>;

/** The documented default of `field` for the object `owner`, or undefined when none applies. */
export type DefaultOf = (owner: Fields, field: string) => unknown;

const noDefault: DefaultOf = () => undefined;

/** Options of {@link fieldChanges}. */
export interface FieldOptions {
  /** Defaults of the base's and the head's object (they differ when a node's kind does). */
  readonly defaultOf?: DefaultOf;
  /** Fields not compared (identity, or compared elsewhere such as `layout`). */
  readonly ignore?: ReadonlySet<string>;
  /** Prepended with a dot to every path. */
  readonly prefix?: string;
}

/**
 * The fields whose effective values differ, sorted by path (so the key order of a file never
 * matters). `undefined` objects (a section absent from one side) compare as empty.
 * @example fieldChanges({ instances: 2 }, { instances: 2, minHealthy: 1 }, { defaultOf: () => 1 }) // []
 */
export function fieldChanges(
  before: Fields | undefined,
  after: Fields | undefined,
  options: FieldOptions = {},
): FieldChange[] {
  const base = before ?? {};
  const head = after ?? {};
  const defaultOf = options.defaultOf ?? noDefault;
  const keys = [...new Set([...Object.keys(base), ...Object.keys(head)])]
    .filter((k) => !options.ignore?.has(k))
    .sort();
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const path = options.prefix === undefined ? key : `${options.prefix}.${key}`;
    const b = base[key];
    const a = head[key];
    if (isPlainObject(b) || isPlainObject(a)) {
      // An object on one side and nothing on the other compares key by key with an empty one.
      if ((b === undefined || isPlainObject(b)) && (a === undefined || isPlainObject(a))) {
        changes.push(...fieldChanges(b, a, { prefix: path }));
      } else if (!sameValue(b, a)) {
        changes.push(change(path, b, a, b, a));
      }
      continue;
    }
    const effectiveBefore = b ?? defaultOf(base, key);
    const effectiveAfter = a ?? defaultOf(head, key);
    if (!sameValue(effectiveBefore, effectiveAfter)) {
      changes.push(change(path, effectiveBefore, effectiveAfter, b, a));
    }
  }
  return changes;
}

function change(
  path: string,
  before: unknown,
  after: unknown,
  writtenBefore: unknown,
  writtenAfter: unknown,
): FieldChange {
  return {
    path,
    before: before ?? null,
    after: after ?? null,
    explicit: [writtenBefore !== undefined, writtenAfter !== undefined],
  };
}

/** The share of effective fields two objects agree on (1 when neither has any), for rename detection. */
export function sameFieldShare(before: Fields, after: Fields, options: FieldOptions = {}): number {
  const keys = new Set(
    [...Object.keys(before), ...Object.keys(after)].filter((k) => !options.ignore?.has(k)),
  );
  if (keys.size === 0) return 1;
  const differing = new Set(
    fieldChanges(before, after, options).map((c) => c.path.split('.')[0] as string),
  );
  return (keys.size - differing.size) / keys.size;
}

/** Deep equality of JSON values, whatever the key order of their objects. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** JSON text of a value with every object's keys sorted: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    isPlainObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
