/**
 * The OpenType lookups that the fast word shaping (`word-shaping.ts`) reads straight from the
 * font file's bytes rather than through fontkit's decoded tables. fontkit 2.0 decodes a lookup
 * whole at its first use, with restructure: for Roboto's mark attachment lookups, thousands of
 * anchors the fast path never reads (it takes no word with a mark), for its kerning each first
 * glyph's pair set record by record, for its ligatures every set. Here a lookup is read for what
 * the fast path asks of it: where a positioning lookup may start (its first coverage), the value
 * of one glyph pair for pair kerning (GPOS lookup type 2, formats 1 and 2), and the ligatures
 * of a ligature substitution (GSUB lookup type 4).
 *
 * The answers are fontkit's (`GPOSProcessor.applyLookup`, `OTProcessor.coverageIndex` and
 * `getClassID`, fontkit 2.0.4 `dist/main.cjs`): a coverage index is a glyph's first place in the
 * table, a glyph's class is that of the first range holding it (0 when none), format 1 takes the
 * first pair record whose second glyph matches, ligatures keep their order. `word-shaping.test.ts`
 * compares the shaped words of every template's plan with fontkit's.
 */

/** The bytes of a font's file, as fontkit holds them (a restructure `DecodeStream`). */
export interface FontFile {
  readonly stream?: { readonly buffer?: Uint8Array };
  readonly directory?: { readonly tables?: Record<string, { offset: number } | undefined> };
  readonly numGlyphs: number;
}

/** `font`'s file as a `DataView`, undefined when fontkit does not hold it as bytes. */
export function fontBytes(font: FontFile): DataView | undefined {
  const bytes = font.stream?.buffer;
  return bytes instanceof Uint8Array
    ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : undefined;
}

/** Each glyph's index in the Coverage table at `offset` (format 1 or 2), or -1. */
export function readCoverage(bytes: DataView, offset: number, numGlyphs: number): Int32Array {
  const index = new Int32Array(numGlyphs).fill(-1);
  const format = bytes.getUint16(offset);
  const count = bytes.getUint16(offset + 2);
  for (let i = 0; i < count; i += 1) {
    if (format === 1) {
      const glyph = bytes.getUint16(offset + 4 + 2 * i);
      if (glyph < numGlyphs && index[glyph] === -1) index[glyph] = i;
    } else if (format === 2) {
      const at = offset + 4 + 6 * i;
      const end = Math.min(bytes.getUint16(at + 2), numGlyphs - 1);
      const first = bytes.getUint16(at + 4);
      for (let glyph = bytes.getUint16(at); glyph <= end; glyph += 1) {
        if (index[glyph] === -1) index[glyph] = first + glyph - bytes.getUint16(at);
      }
    }
  }
  return index;
}

/** Each glyph's class in the ClassDef table at `offset` (format 1 or 2): 0 when unlisted. */
function readClassDef(bytes: DataView, offset: number, numGlyphs: number): Uint16Array {
  const classes = new Uint16Array(numGlyphs);
  const format = bytes.getUint16(offset);
  if (format === 1) {
    const start = bytes.getUint16(offset + 2);
    const count = bytes.getUint16(offset + 4);
    for (let i = 0; i < count && start + i < numGlyphs; i += 1) {
      classes[start + i] = bytes.getUint16(offset + 6 + 2 * i);
    }
  } else if (format === 2) {
    // The first range holding a glyph gives its class: the ranges are filled last first.
    for (let i = bytes.getUint16(offset + 2) - 1; i >= 0; i -= 1) {
      const at = offset + 4 + 6 * i;
      const end = Math.min(bytes.getUint16(at + 2), numGlyphs - 1);
      classes.fill(bytes.getUint16(at + 4), bytes.getUint16(at), end + 1);
    }
  }
  return classes;
}

/** The size in bytes of an OpenType ValueRecord of `format`: two bytes per field present. */
function valueRecordSize(format: number): number {
  let size = 0;
  for (let bits = format & 0xff; bits; bits >>= 1) size += (bits & 1) * 2;
  return size;
}

/**
 * Adds the ValueRecord of `format` at `offset` to `out` from `at`: its xAdvance, yAdvance,
 * xPlacement and yPlacement, in that order (fontkit's `applyPositionValue`; the device tables it
 * reads only for variable fonts are skipped).
 */
function addValueRecord(
  bytes: DataView,
  offset: number,
  format: number,
  out: Int32Array,
  at: number,
): void {
  let field = offset;
  const next = (bit: number): number => {
    if (!(format & bit)) return 0;
    const value = bytes.getInt16(field);
    field += 2;
    return value;
  };
  const xPlacement = next(0x1);
  const yPlacement = next(0x2);
  const xAdvance = next(0x4);
  const yAdvance = next(0x8);
  out[at] = (out[at] as number) + xAdvance;
  out[at + 1] = (out[at + 1] as number) + yAdvance;
  out[at + 2] = (out[at + 2] as number) + xPlacement;
  out[at + 3] = (out[at + 3] as number) + yPlacement;
}

/** A PairPos subtable: where it is, and its coverage (and class definitions for format 2). */
interface PairSubtable {
  readonly offset: number;
  readonly format: number;
  readonly coverage: Int32Array;
  readonly class1?: Uint16Array;
  readonly class2?: Uint16Array;
}

/**
 * The kerning of one glyph pair: xAdvance, yAdvance, xOffset, yOffset of the first glyph, then
 * of the second; undefined when no pair record applies.
 */
export type PairAdjustment = Int32Array | undefined;

/** The GPOS lookups of a font as the fast path reads them. */
export interface GposReading {
  /** The glyph pair's kerning, as fontkit's pair positioning lookups give it. */
  pairAdjustment(first: number, second: number): PairAdjustment;
}

/** Lookup flags under which a lookup skips glyphs of some class (not modelled). */
const SKIPS_GLYPHS = 0x2 | 0x4 | 0x10 | 0xff00;

/** The offset of a positioning subtable's first coverage (where it may start), by lookup type. */
function firstCoverage(bytes: DataView, type: number, sub: number): number | undefined {
  const format = bytes.getUint16(sub);
  if (type >= 1 && type <= 6) return bytes.getUint16(sub + 2);
  if ((type === 7 || type === 8) && (format === 1 || format === 2)) return bytes.getUint16(sub + 2);
  if (type === 7 && format === 3) return bytes.getUint16(sub + 6);
  if (type === 8 && format === 3) {
    const backtrack = bytes.getUint16(sub + 2);
    return bytes.getUint16(sub + 6 + 2 * backtrack);
  }
  return undefined;
}

/**
 * Reads the GPOS `lookups` (indexes into its lookup list, applied in that order) of `font`:
 * marks in `triggers` the glyphs on which a lookup other than pair kerning may start, and keeps
 * the pair kerning subtables. Undefined when a lookup is not one it reads (an unknown type or
 * format, kerning that skips glyphs of some class).
 */
export function readGpos(
  font: FontFile,
  bytes: DataView,
  lookups: readonly number[],
  triggers: Uint8Array,
): GposReading | undefined {
  const table = font.directory?.tables?.GPOS?.offset;
  const { numGlyphs } = font;
  const kerning: PairSubtable[][] = [];
  if (table !== undefined) {
    const lookupList = table + bytes.getUint16(table + 8);
    for (const index of lookups) {
      const lookup = lookupList + bytes.getUint16(lookupList + 2 + 2 * index);
      const lookupType = bytes.getUint16(lookup);
      const flags = bytes.getUint16(lookup + 2);
      const pairs: PairSubtable[] = [];
      for (let i = 0; i < bytes.getUint16(lookup + 4); i += 1) {
        let type = lookupType;
        let sub = lookup + bytes.getUint16(lookup + 6 + 2 * i);
        if (type === 9) {
          // Extension: the real type, and the subtable at a 32-bit offset from here.
          type = bytes.getUint16(sub + 2);
          sub += bytes.getUint32(sub + 4);
        }
        if (type === 2) {
          if (flags & SKIPS_GLYPHS) return undefined;
          const format = bytes.getUint16(sub);
          if (format !== 1 && format !== 2) return undefined;
          const coverage = readCoverage(bytes, sub + bytes.getUint16(sub + 2), numGlyphs);
          if (format === 1) {
            pairs.push({ offset: sub, format, coverage });
          } else {
            const class1 = bytes.getUint16(sub + 8);
            const class2 = bytes.getUint16(sub + 10);
            // fontkit does not apply a class pair subtable without both class definitions.
            if (!class1 || !class2) continue;
            pairs.push({
              offset: sub,
              format,
              coverage,
              class1: readClassDef(bytes, sub + class1, numGlyphs),
              class2: readClassDef(bytes, sub + class2, numGlyphs),
            });
          }
          continue;
        }
        const coverage = firstCoverage(bytes, type, sub);
        if (coverage === undefined) return undefined;
        const starts = readCoverage(bytes, sub + coverage, numGlyphs);
        for (let glyph = 0; glyph < numGlyphs; glyph += 1)
          if (starts[glyph] !== -1) triggers[glyph] = 1;
      }
      if (pairs.length > 0) kerning.push(pairs);
    }
  }
  return { pairAdjustment: (first, second) => pairAdjustment(bytes, kerning, first, second) };
}

/**
 * fontkit's pair positioning of `first` followed by `second`: every lookup in order, in each the
 * first subtable that applies (format 1: the first glyph's pair set holds the second glyph;
 * format 2: the first glyph is covered, and the record of the two glyphs' classes).
 */
function pairAdjustment(
  bytes: DataView,
  lookups: readonly PairSubtable[][],
  first: number,
  second: number,
): PairAdjustment {
  let adjustment: PairAdjustment;
  for (const subtables of lookups) {
    for (const { offset, format, coverage, class1, class2 } of subtables) {
      const index = coverage[first] ?? -1;
      if (index === -1) continue;
      const format1 = bytes.getUint16(offset + 4);
      const format2 = bytes.getUint16(offset + 6);
      const size1 = valueRecordSize(format1);
      const size = size1 + valueRecordSize(format2);
      let record = -1;
      if (format === 1) {
        const set = offset + bytes.getUint16(offset + 10 + 2 * index);
        const count = bytes.getUint16(set);
        for (let i = 0, at = set + 2; i < count; i += 1, at += 2 + size) {
          if (bytes.getUint16(at) === second) {
            record = at + 2;
            break;
          }
        }
        if (record === -1) continue;
      } else {
        const class2Count = bytes.getUint16(offset + 14);
        const c1 = class1?.[first] ?? 0;
        const c2 = class2?.[second] ?? 0;
        record = offset + 16 + (c1 * class2Count + c2) * size;
      }
      adjustment ??= new Int32Array(8);
      addValueRecord(bytes, record, format1, adjustment, 0);
      addValueRecord(bytes, record + size1, format2, adjustment, 4);
      break;
    }
  }
  return adjustment;
}

/** A ligature: its glyph, and the glyphs that must follow the first one. */
export interface Ligature {
  readonly glyph: number;
  readonly components: readonly number[];
}

/** A ligature substitution subtable: each glyph's coverage index, and each index's ligatures. */
export interface LigatureSubtable {
  readonly coverage: Int32Array;
  readonly sets: readonly (readonly Ligature[])[];
}

/** The LigatureSubst subtable (GSUB lookup type 4, format 1) at `offset`; undefined if another. */
export function readLigatures(
  bytes: DataView,
  offset: number,
  numGlyphs: number,
): LigatureSubtable | undefined {
  if (bytes.getUint16(offset) !== 1) return undefined;
  const coverage = readCoverage(bytes, offset + bytes.getUint16(offset + 2), numGlyphs);
  const sets: Ligature[][] = [];
  for (let i = 0; i < bytes.getUint16(offset + 4); i += 1) {
    const set = offset + bytes.getUint16(offset + 6 + 2 * i);
    const ligatures: Ligature[] = [];
    for (let k = 0; k < bytes.getUint16(set); k += 1) {
      const at = set + bytes.getUint16(set + 2 + 2 * k);
      const components: number[] = [];
      for (let c = 1; c < bytes.getUint16(at + 2); c += 1) {
        components.push(bytes.getUint16(at + 2 + 2 * c));
      }
      ligatures.push({ glyph: bytes.getUint16(at), components });
    }
    sets.push(ligatures);
  }
  return { coverage, sets };
}
