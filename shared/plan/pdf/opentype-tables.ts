/**
 * The parts of a font's OpenType layout tables (GSUB, GPOS, GDEF) that the fast word shaping
 * (`word-shaping.ts`) reads, in fontkit 2.0's decoded form: the types, coverage and class
 * look-ups memoised per table and glyph, the lookups of the features fontkit's default shaper
 * applies, and a lookup's subtables and flags.
 */
/** A glyph as fontkit returns it. */
export interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

/** fontkit's position of a glyph in a run, font units. */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** fontkit's shaped run: its glyphs and their positions. */
export interface GlyphRun {
  glyphs: Glyph[];
  positions: GlyphPosition[];
  features: Record<string, boolean>;
}

interface IndexedList<T> {
  get(index: number): T;
  readonly length: number;
}

export type Coverage =
  | { version: 1; glyphs: readonly number[] }
  | {
      version: 2;
      rangeRecords: readonly { start: number; end: number; startCoverageIndex: number }[];
    };

export type ClassDef =
  | { version: 1; startGlyph: number; classValueArray: readonly number[] }
  | { version: 2; classRangeRecord: readonly { start: number; end: number; class: number }[] };

export interface ValueRecord {
  xAdvance?: number;
  yAdvance?: number;
  xPlacement?: number;
  yPlacement?: number;
}

/** A lookup subtable as fontkit parses it: only the fields read here are typed. */
export interface Subtable {
  version: number;
  /** Where restructure read the subtable, from the start of the font file (not enumerable). */
  readonly _startOffset?: number;
  lookupType?: number;
  extension?: Subtable;
  coverage?: Coverage;
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  coverages?: readonly Coverage[];
  inputCoverage?: readonly Coverage[];
  lookaheadCoverage?: readonly Coverage[];
  // PairPos
  pairSets?: IndexedList<
    Iterable<{ secondGlyph: number; value1?: ValueRecord; value2?: ValueRecord }>
  >;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: IndexedList<IndexedList<{ value1?: ValueRecord; value2?: ValueRecord }>>;
  // LigatureSubst
  ligatureSets?: IndexedList<Iterable<{ glyph: number; components: readonly number[] }>>;
  // ChainContext (formats 1 and 2)
  chainRuleSets?: IndexedList<Iterable<ChainRule> | null>;
  inputClassDef?: ClassDef;
  lookaheadClassDef?: ClassDef;
  chainClassSet?: IndexedList<Iterable<ChainRule> | null> | readonly (Iterable<ChainRule> | null)[];
}

export interface ChainRule {
  input: readonly number[];
  lookahead: readonly number[];
}

export interface Lookup {
  lookupType: number;
  flags: { flags: Record<string, boolean>; markAttachmentType: number };
  subTables: readonly Subtable[];
}

export interface LayoutTable {
  scriptList: readonly {
    tag: string;
    script: { defaultLangSys: { featureIndexes: readonly number[] } | null };
  }[];
  featureList: readonly { tag: string; feature: { lookupListIndexes: readonly number[] } }[];
  lookupList: IndexedList<Lookup>;
  featureVariations?: unknown;
}

/** The part of a fontkit font this module reads. */
export interface ShapedFont {
  layout(text: string, ...rest: unknown[]): GlyphRun;
  glyphForCodePoint(codePoint: number): Glyph;
  getGlyph(id: number, codePoints: number[]): Glyph;
  readonly numGlyphs: number;
  readonly GSUB?: LayoutTable;
  readonly GPOS?: LayoutTable;
  readonly GDEF?: { glyphClassDef?: ClassDef };
  readonly morx?: unknown;
  readonly kern?: unknown;
  readonly fvar?: unknown;
}

/**
 * The features fontkit's default shaper sets on every run, in its order (fontkit 2.0.4
 * `DefaultShaper.plan`: directional, fractional, common and horizontal features).
 */
export const SHAPER_FEATURES_IN_ORDER: readonly string[] = [
  'rvrn',
  'ltra',
  'ltrm',
  'frac',
  'numr',
  'dnom',
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
];

/** The fraction features, which fontkit applies only around a fraction slash (U+2044). */
const FRACTION_FEATURES = new Set(['frac', 'numr', 'dnom']);

/** The features fontkit's default shaper applies to every glyph (see the module comment). */
export const DEFAULT_FEATURES = new Set(
  SHAPER_FEATURES_IN_ORDER.filter((tag) => !FRACTION_FEATURES.has(tag)),
);

/** Values already looked up, per font table: a glyph's coverage index or class is read once. */
const lookedUp = new WeakMap<object, Map<number, number>>();

/** `lookUp(glyph)` in `table`, memoised per table and glyph. */
function memoised<T extends object>(
  table: T,
  glyph: number,
  lookUp: (table: T, glyph: number) => number,
): number {
  let cache = lookedUp.get(table);
  if (!cache) {
    cache = new Map();
    lookedUp.set(table, cache);
  }
  let value = cache.get(glyph);
  if (value === undefined) {
    value = lookUp(table, glyph);
    cache.set(glyph, value);
  }
  return value;
}

/** The glyph's index in `coverage` (OpenType Coverage table, format 1 or 2), or -1. */
export function coverageIndex(coverage: Coverage, glyph: number): number {
  return memoised(coverage, glyph, lookUpCoverage);
}

function lookUpCoverage(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) return coverage.glyphs.indexOf(glyph);
  for (const range of coverage.rangeRecords) {
    if (range.start <= glyph && glyph <= range.end)
      return range.startCoverageIndex + glyph - range.start;
  }
  return -1;
}

/** The glyph's class in `classDef` (OpenType ClassDef, format 1 or 2); 0 when unlisted. */
export function classOf(glyph: number, classDef: ClassDef | undefined): number {
  return classDef ? memoised(classDef, glyph, lookUpClass) : 0;
}

function lookUpClass(classDef: ClassDef, glyph: number): number {
  if (classDef.version === 1) {
    const i = glyph - classDef.startGlyph;
    return i >= 0 && i < classDef.classValueArray.length ? (classDef.classValueArray[i] ?? 0) : 0;
  }
  for (const range of classDef.classRangeRecord) {
    if (range.start <= glyph && glyph <= range.end) return range.class;
  }
  return 0;
}

/** Marks every glyph of `coverage` in `flags`. */
export function markCoverage(flags: Uint8Array, coverage: Coverage | undefined): void {
  if (!coverage) return;
  if (coverage.version === 1) {
    for (const glyph of coverage.glyphs) flags[glyph] = 1;
  } else {
    for (const range of coverage.rangeRecords) flags.fill(1, range.start, range.end + 1);
  }
}

/**
 * The lookup indexes of the default features over every script's default language, and whether
 * every script has the same ones.
 */
export function lookupIndexes(table: LayoutTable | undefined): { all: Set<number>; same: boolean } {
  const all = new Set<number>();
  let first: string | undefined;
  let same = true;
  for (const { script } of table?.scriptList ?? []) {
    const indexes: number[] = [];
    for (const featureIndex of script.defaultLangSys?.featureIndexes ?? []) {
      const record = table?.featureList[featureIndex];
      if (record && DEFAULT_FEATURES.has(record.tag))
        indexes.push(...record.feature.lookupListIndexes);
    }
    indexes.sort((a, b) => a - b);
    for (const index of indexes) all.add(index);
    const key = indexes.join(',');
    if (first === undefined) first = key;
    else if (key !== first) same = false;
  }
  return { all, same };
}

/** A lookup's subtables with extensions (GSUB 7, GPOS 9) unwrapped, and their type. */
export function subtablesOf(
  lookup: Lookup,
  extensionType: number,
): { type: number; table: Subtable }[] {
  return lookup.subTables.map((table) =>
    lookup.lookupType === extensionType && table.extension
      ? { type: table.lookupType ?? 0, table: table.extension }
      : { type: lookup.lookupType, table },
  );
}

/** Whether a lookup skips glyphs of some class (its flags), which the fast path does not model. */
export function skipsGlyphs(lookup: Lookup): boolean {
  const f = lookup.flags.flags;
  return Boolean(
    f.ignoreBaseGlyphs ||
    f.ignoreLigatures ||
    f.useMarkFilteringSet ||
    lookup.flags.markAttachmentType,
  );
}
