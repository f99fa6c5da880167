/**
 * A fast path for fontkit's `font.layout(word)`, the shaping pdfkit runs once for every distinct
 * word and face of the PDF (about 4,400 words for the three-region plan, two thirds of a second
 * of CPU): most words of a Latin text need nothing of OpenType but their glyphs, their standard
 * ligatures and the pair kerning between them, and fontkit sets up a whole shaping plan for
 * each, decoding every lookup of the font (thousands of mark anchors) at its first word.
 *
 * The fast path gives fontkit's own result, or none: for a word whose code points are Latin or
 * common punctuation, it maps the glyphs with fontkit (`glyphsForString`), proves that no
 * substitution (GSUB) but ligatures and no positioning (GPOS) but pair kerning (`PairPos`,
 * lookup type 2) can apply, forms the ligatures fontkit would form in a Latin word (the `latn`
 * script's ligature lookups, in index order, as fontkit's GSUB applies lookup type 4), and adds
 * the kerning pairs as fontkit does (each lookup in index order, the first subtable that applies
 * to a pair, value 1 to the first glyph and value 2 to the second), read from the font's bytes
 * (`opentype-bytes.ts`). Any other word, and every font it cannot read that way (no GDEF glyph
 * classes, a variable font, an AAT `morx` or legacy `kern` table, a kerning lookup that differs
 * between scripts), goes to fontkit's full layout. `word-shaping.test.ts` compares both (glyphs,
 * advances, code points, positions, features) on every word of every template's plan in the four
 * Roboto faces, all of which take the fast path; every template's PDF was the same byte for byte
 * with and without it when it was written.
 *
 * Which features fontkit applies: its default shaper's (fontkit 2.0, `DefaultShaper`):
 * `rvrn ltra ltrm ccmp locl rlig mark mkmk calt clig liga rclt curs kern`, and `frac numr dnom`
 * around a fraction slash (U+2044, left to fontkit here).
 */

import {
  fontBytes,
  readGpos,
  readLigatures,
  type LigatureSubtable,
  type PairAdjustment,
} from './opentype-bytes';
import {
  DEFAULT_FEATURES,
  coverageIndex,
  classOf,
  lookupIndexes,
  SHAPER_FEATURES_IN_ORDER,
  type Glyph,
  type GlyphPosition,
  type GlyphRun,
  type Subtable,
  type LayoutTable,
  type ShapedFont,
} from './opentype-tables';
import { substitutionChecks, type WordCheck } from './word-checks';

/**
 * Code points the fast path takes: Latin (U+0020–U+024F without the soft hyphen, which fontkit
 * hides), and general punctuation, letter-like symbols, arrows and mathematical operators
 * (U+2010–U+2027, U+2030–U+2043, U+2045–U+205E, U+2100–U+22FF): scripts that fontkit shapes
 * left to right with its default shaper. The fraction slash and the invisible characters are
 * left out.
 */
const FAST_TEXT =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u2043\u2045-\u205e\u2100-\u22ff]+$/;

/** A glyph not seen yet; one that takes the fast path; one that may start a check; one left to fontkit. */
const [UNKNOWN, PLAIN, CHECK, LEAVE] = [0, 1, 2, 3];

/** The features of every run fontkit's default shaper makes, as the run's `features` object. */
const SHAPER_FEATURES: Readonly<Record<string, boolean>> = Object.fromEntries(
  SHAPER_FEATURES_IN_ORDER.map((tag) => [tag, true]),
);

/**
 * Text whose script fontkit finds to be Latin (`Script.forString`: that of the first code point
 * of a script other than Common and Inherited): a Basic Latin letter, and only code points up to
 * U+024F (Latin or Common), general punctuation, arrows and mathematical operators (Common).
 */
const LATIN_TEXT = /^(?=.*[A-Za-z])[\u0020-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u22ff]+$/;

/** fontkit's position of a glyph in a run (`GlyphPosition`, fontkit 2.0.4): the same fields. */
class Position implements GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  constructor(xAdvance: number) {
    this.xAdvance = xAdvance;
    this.yAdvance = 0;
    this.xOffset = 0;
    this.yOffset = 0;
  }
}

/**
 * The default-feature lookups fontkit applies to a Latin word (the `latn` script's default
 * language, each feature's record as fontkit keeps it: the last of its tag), when it applies them
 * all in one stage, each once; otherwise undefined, and no ligature is applied here.
 */
function latinLookups(table: LayoutTable | undefined): Set<number> | undefined {
  const script = table?.scriptList.find((s) => s.tag === 'latn')?.script.defaultLangSys;
  if (!table || !script) return undefined;
  const features = new Map<string, readonly number[]>();
  for (const featureIndex of script.featureIndexes) {
    const record = table.featureList[featureIndex];
    if (record) features.set(record.tag, record.feature.lookupListIndexes);
  }
  const lookups = new Set<number>();
  for (const [tag, indexes] of features) {
    if (!DEFAULT_FEATURES.has(tag)) continue;
    if (EARLY_FEATURES.has(tag) && indexes.length > 0) return undefined;
    for (const index of indexes) {
      if (lookups.has(index)) return undefined;
      lookups.add(index);
    }
  }
  return lookups;
}

/** Features fontkit applies in stages before the others (directional and variation). */
const EARLY_FEATURES = new Set(['rvrn', 'ltra', 'ltrm']);

/**
 * Applies one ligature lookup to the word in place, as fontkit's GSUB does (lookup type 4): at
 * each glyph from the first, the first subtable that covers it and has a ligature whose
 * components follow; the ligature's glyph (fontkit's, with the components' code points) takes the
 * first component's place and the others are removed. Whether a ligature formed.
 */
function ligate(
  font: ShapedFont,
  subtables: readonly LigatureSubtable[],
  glyphs: Glyph[],
  ids: number[],
): boolean {
  let formed = false;
  for (let i = 0; i < ids.length; i += 1) {
    for (const { coverage, sets } of subtables) {
      const index = coverage[ids[i] as number] ?? -1;
      if (index === -1) continue;
      const ligature = sets[index]?.find((candidate) =>
        candidate.components.every((component, k) => ids[i + 1 + k] === component),
      );
      if (!ligature) continue;
      const count = ligature.components.length + 1;
      const codePoints = glyphs.slice(i, i + count).flatMap((glyph) => glyph.codePoints);
      glyphs.splice(i, count, font.getGlyph(ligature.glyph, codePoints));
      ids.splice(i, count, ligature.glyph);
      formed = true;
      break;
    }
  }
  return formed;
}

/** Adds a pair's adjustment of one of its glyphs (from `at`: 0 the first, 4 the second). */
function apply(position: GlyphPosition, adjustment: Int32Array, at: number): void {
  position.xAdvance += adjustment[at] as number;
  position.yAdvance += adjustment[at + 1] as number;
  position.xOffset += adjustment[at + 2] as number;
  position.yOffset += adjustment[at + 3] as number;
}

/**
 * The fast shaping of `font`: a function that returns a word's run as fontkit's full layout
 * would, or undefined when the word must go to fontkit; undefined when the font is not one the
 * fast path reads. `emptyRun` is fontkit's run of the empty string in this font (which sets up
 * nothing of its shaping): the runs returned are of its class.
 */
export function wordShaper(
  font: ShapedFont,
  emptyRun: GlyphRun,
): ((text: string) => GlyphRun | undefined) | undefined {
  const classDef = font.GDEF?.glyphClassDef;
  if (!classDef || font.morx || font.kern || font.fvar) return undefined;
  if (font.GSUB?.featureVariations || font.GPOS?.featureVariations) return undefined;
  const gsub = lookupIndexes(font.GSUB);
  const gpos = lookupIndexes(font.GPOS);
  if (!gpos.same) return undefined;
  const triggers = new Uint8Array(font.numGlyphs + 1);
  const checks: WordCheck[] = [];
  if (!substitutionChecks(font.GSUB, gsub.all, triggers, checks)) return undefined;
  // Positioning is read from the font's bytes: kerning applied here, any other lookup a trigger.
  const bytes = fontBytes(font);
  const gposReading =
    bytes &&
    readGpos(
      font,
      bytes,
      [...gpos.all].sort((a, b) => a - b),
      triggers,
    );
  if (!gposReading) return undefined;
  // The ligature lookups applied here, in order; a word that would match any other goes to fontkit.
  const latin = latinLookups(font.GSUB);
  const ligatures = new Map<number, Subtable[]>();
  const refusals: WordCheck[] = [];
  for (const c of checks) {
    if (c.ligature && latin?.has(c.ligature.lookup)) {
      const subtables = ligatures.get(c.ligature.lookup) ?? [];
      subtables.push(c.ligature.table);
      ligatures.set(c.ligature.lookup, subtables);
    } else {
      refusals.push(c);
    }
  }
  // Each applied lookup read from the font's bytes, with only the ligatures whose components can
  // be in a word the fast path takes (Roboto's ccmp composes letters with marks, never here).
  const usable = (glyph: number) => !triggers[glyph] && classOf(glyph, classDef) !== 3;
  // A chained context that needs a glyph the fast path never takes can never apply here.
  const possible = refusals.filter((c) => c.canMatch?.(usable) ?? true);
  refusals.splice(0, refusals.length, ...possible);
  const ligatureStarts = new Uint8Array(font.numGlyphs + 1);
  const ligatureLookups: LigatureSubtable[][] = [];
  for (const [, subtables] of [...ligatures].sort(([a], [b]) => a - b)) {
    const lookup: LigatureSubtable[] = [];
    for (const sub of subtables) {
      const read =
        sub._startOffset === undefined
          ? undefined
          : readLigatures(bytes, sub._startOffset, font.numGlyphs);
      if (!read) return undefined;
      const sets = read.sets.map((set) => set.filter((l) => l.components.every(usable)));
      read.coverage.forEach((index, glyph) => {
        if (index !== -1 && (sets[index]?.length ?? 0) > 0) ligatureStarts[glyph] = 1;
      });
      lookup.push({ coverage: read.coverage, sets });
    }
    ligatureLookups.push(lookup);
  }
  const pairCache = new Map<number, PairAdjustment>();
  const glyphOf = new Map<number, Glyph>();
  const advanceOf = new Map<number, number>();
  // What each glyph means to the fast path, found when first seen.
  const kinds = new Uint8Array(font.numGlyphs + 1);
  const kindOf = (id: number): number => {
    let kind = kinds[id] ?? LEAVE;
    if (kind === UNKNOWN) {
      if (triggers[id] || classOf(id, classDef) === 3) kind = LEAVE;
      else if (ligatureStarts[id] || refusals.some((c) => coverageIndex(c.starts, id) !== -1))
        kind = CHECK;
      else kind = PLAIN;
      kinds[id] = kind;
    }
    return kind;
  };
  const RunClass = emptyRun.constructor as new (
    glyphs: Glyph[],
    features: Record<string, boolean>,
  ) => GlyphRun;
  return (text) => {
    if (!FAST_TEXT.test(text)) return undefined;
    // fontkit's glyphsForString for text without surrogates or variation selectors, with each
    // code point's glyph (an object fontkit caches by id) looked up in the cmap once.
    const glyphs: Glyph[] = [];
    const ids: number[] = [];
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      let glyph = glyphOf.get(code);
      if (!glyph) {
        glyph = font.glyphForCodePoint(code);
        glyphOf.set(code, glyph);
      }
      glyphs.push(glyph);
      ids.push(glyph.id);
    }
    let check = false;
    for (const id of ids) {
      const kind = kindOf(id);
      if (kind === LEAVE) return undefined;
      if (kind === CHECK) check = true;
    }
    if (check) {
      if (refusals.some((c) => c.matches(ids))) return undefined;
      if (ligatureLookups.length > 0) {
        const latinWord = LATIN_TEXT.test(text);
        for (const subtables of ligatureLookups) {
          if (!ligate(font, subtables, glyphs, ids)) continue;
          // fontkit would pick these lookups for a Latin word only; the new glyphs must take the
          // fast path, and no other lookup may apply to the new sequence.
          if (!latinWord) return undefined;
          if (ids.some((id) => kindOf(id) === LEAVE)) return undefined;
          if (refusals.some((c) => c.matches(ids))) return undefined;
        }
      }
    }
    const positions = ids.map((id, i) => {
      let advance = advanceOf.get(id);
      if (advance === undefined) {
        advance = (glyphs[i] as Glyph).advanceWidth;
        advanceOf.set(id, advance);
      }
      return new Position(advance);
    });
    for (let i = 0; i + 1 < ids.length; i += 1) {
      const key = (ids[i] as number) * 0x10000 + (ids[i + 1] as number);
      let adjustment = pairCache.get(key);
      if (adjustment === undefined && !pairCache.has(key)) {
        adjustment = gposReading.pairAdjustment(ids[i] as number, ids[i + 1] as number);
        pairCache.set(key, adjustment);
      }
      if (adjustment) {
        apply(positions[i] as GlyphPosition, adjustment, 0);
        apply(positions[i + 1] as GlyphPosition, adjustment, 4);
      }
    }
    const run = new RunClass(glyphs, { ...SHAPER_FEATURES });
    run.positions = positions;
    return run;
  };
}

const INSTALLED = Symbol.for('nines.fastWordShaping');

/**
 * Makes `layout` of every font built on `fontPrototype` (fontkit's TrueType font class) take the
 * fast path for the words it can shape ({@link wordShaper}); a call with features, a script, a
 * language or a direction goes to fontkit as before. Installing twice does nothing.
 */
export function installFastWordShaping(fontPrototype: object): void {
  const proto = fontPrototype as ShapedFont & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const original = proto.layout;
  const shapers = new WeakMap<object, ((text: string) => GlyphRun | undefined) | null>();
  proto.layout = function layout(this: ShapedFont, text: string, ...rest: unknown[]) {
    if (typeof text === 'string' && rest.every((arg) => arg === undefined)) {
      let shaper = shapers.get(this);
      if (shaper === undefined) {
        shaper = wordShaper(this, original.call(this, '')) ?? null;
        shapers.set(this, shaper);
      }
      const run = shaper?.(text);
      if (run) return run;
    }
    return original.call(this, text, ...rest);
  };
  proto[INSTALLED] = true;
}
