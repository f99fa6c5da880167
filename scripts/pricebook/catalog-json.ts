/**
 * Reading data/pricing/catalog.json: checked accessors that throw when the catalog's shape
 * changed, instead of letting a wrong type slip into the price book.
 */

/** A JSON object of the catalog. */
export type Json = Record<string, unknown>;
/** A catalog row's source: a source id, or an id with the date its file last changed. */
export type SourceRef = string | { source: string; fileLastChanged?: string };

export const obj = (value: unknown, what: string): Json => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`catalog: ${what} is not an object`);
  }
  return value as Json;
};
export const arr = (value: unknown, what: string): Json[] => {
  if (!Array.isArray(value)) throw new Error(`catalog: ${what} is not an array`);
  return value as Json[];
};
export const num = (value: unknown, what: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`catalog: ${what} is not a number`);
  }
  return value;
};
export const str = (value: unknown, what: string): string => {
  if (typeof value !== 'string') throw new Error(`catalog: ${what} is not a string`);
  return value;
};
/** A row's `source` field: a source id or `{ source, fileLastChanged? }`. */
export const ref = (value: unknown, what: string): SourceRef => {
  if (typeof value === 'string') return value;
  const o = obj(value, what);
  return {
    source: str(o.source, `${what}.source`),
    ...(typeof o.fileLastChanged === 'string' ? { fileLastChanged: o.fileLastChanged } : {}),
  };
};
