/**
 * A fast path for fontkit's `font.layout(word)`, the shaping pdfkit runs once for every distinct
 * word and face of the PDF (about 4,300 words for the three-region plan, two thirds of a second
 * of CPU): most words of a Latin text need nothing of OpenType but their glyphs and the pair
 * kerning between them, and fontkit sets up a whole shaping plan for each.
 *
 * The fast path gives fontkit's own result, or none: for a word whose code points are Latin or
 * common punctuation, it maps the glyphs with fontkit (`glyphsForString`), proves that no
 * substitution (GSUB) and no positioning but pair kerning (GPOS `PairPos`, lookup type 2) can
 * apply, and adds the kerning pairs as fontkit does (each lookup in index order, the first
 * subtable that applies to a pair, value 1 to the first glyph and value 2 to the second). Any
 * other word, and every font it cannot read that way (no GDEF glyph classes, a variable font, an
 * AAT `morx` or legacy `kern` table, a kerning lookup that differs between scripts), goes to
 * fontkit's full layout. `word-shaping.test.ts` compares both (glyphs, advances, positions) on
 * every word of every template's plan in the four Roboto faces; the three-region plan's PDF was
 * the same byte for byte with and without it when it was written.
 *
 * Which features fontkit applies: its default shaper's (fontkit 2.0, `DefaultShaper`):
 * `rvrn ltra ltrm ccmp locl rlig mark mkmk calt clig liga rclt curs kern`, and `frac numr dnom`
 * around a fraction slash (U+2044, left to fontkit here).
 */

import {
  coverageIndex,
  classOf,
  markCoverage,
  lookupIndexes,
  subtablesOf,
  skipsGlyphs,
  type Glyph,
  type GlyphPosition,
  type GlyphRun,
  type Coverage,
  type ValueRecord,
  type Subtable,
  type ChainRule,
  type LayoutTable,
  type ShapedFont,
} from './opentype-tables';

/**
 * Code points the fast path takes: Latin (U+0020–U+024F without the soft hyphen, which fontkit
 * hides), and general punctuation, letter-like symbols, arrows and mathematical operators
 * (U+2010–U+2027, U+2030–U+2043, U+2045–U+205E, U+2100–U+22FF): scripts that fontkit shapes
 * left to right with its default shaper. The fraction slash and the invisible characters are
 * left out.
 */
const FAST_TEXT =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u2043\u2045-\u205e\u2100-\u22ff]+$/;

/**
 * A check of a word's glyphs: `matches` is true when a substitution or positioning other than
 * kerning may apply; it can only be when a glyph of the word is in `starts`.
 */
interface WordCheck {
  readonly starts: Coverage;
  readonly matches: (glyphs: readonly number[]) => boolean;
}

/**
 * What the fast path must leave to fontkit, for one font: glyphs on which a lookup may start
 * (`triggers`), and checks for the lookups that start on common glyphs but need a sequence
 * (ligatures, chained contexts), run on the whole word; `isPositioning` for GPOS, whose pair
 * kerning the fast path applies itself. False when the font has a lookup it cannot judge.
 */
function substitutionChecks(
  table: LayoutTable | undefined,
  indexes: Iterable<number>,
  triggers: Uint8Array,
  checks: WordCheck[],
  extensionType: number,
  isPositioning: boolean,
): boolean {
  if (!table) return true;
  for (const index of indexes) {
    const lookup = table.lookupList.get(index);
    for (const { type, table: sub } of subtablesOf(lookup, extensionType)) {
      if (isPositioning && type === 2) continue; // pair kerning: applied by the fast path
      if (
        !isPositioning &&
        type === 4 &&
        sub.ligatureSets &&
        sub.coverage &&
        !skipsGlyphs(lookup)
      ) {
        checks.push(ligatureCheck(sub));
        continue;
      }
      const chained = isPositioning ? type === 8 : type === 6;
      if (chained && !skipsGlyphs(lookup)) {
        const check = chainCheck(sub);
        if (check) {
          checks.push(check);
          continue;
        }
      }
      const coverage =
        sub.coverage ??
        sub.markCoverage ??
        sub.mark1Coverage ??
        sub.coverages?.[0] ??
        sub.inputCoverage?.[0];
      if (!coverage) return false;
      markCoverage(triggers, coverage);
    }
  }
  return true;
}

/** A ligature may form at some glyph: its components follow it in the word. */
function ligatureCheck(sub: Subtable): WordCheck {
  const { coverage, ligatureSets } = sub as Required<Pick<Subtable, 'coverage' | 'ligatureSets'>>;
  return {
    starts: coverage,
    matches: (glyphs) =>
      glyphs.some((glyph, i) => {
        const index = coverageIndex(coverage, glyph);
        if (index === -1) return false;
        for (const ligature of ligatureSets.get(index)) {
          if (ligature.components.every((component, k) => glyphs[i + 1 + k] === component))
            return true;
        }
        return false;
      }),
  };
}

/**
 * A chained context may apply at some glyph: its input and look-ahead sequences follow it (the
 * backtrack is not checked, so the check errs towards fontkit). Undefined for a format it does
 * not read.
 */
function chainCheck(sub: Subtable): WordCheck | undefined {
  if (sub.version === 3 && sub.inputCoverage && sub.lookaheadCoverage) {
    const sequence = [...sub.inputCoverage, ...sub.lookaheadCoverage];
    const [starts] = sequence;
    if (!starts) return undefined;
    return {
      starts,
      matches: (glyphs) =>
        glyphs.some((_, i) =>
          sequence.every((coverage, k) => {
            const glyph = glyphs[i + k];
            return glyph !== undefined && coverageIndex(coverage, glyph) !== -1;
          }),
        ),
    };
  }
  const coverage = sub.coverage;
  if (!coverage) return undefined;
  const matches = (glyphs: readonly number[], i: number, rule: ChainRule, byClass: boolean) =>
    [...rule.input, ...rule.lookahead].every((expected, k) => {
      const glyph = glyphs[i + 1 + k];
      if (glyph === undefined) return false;
      if (!byClass) return glyph === expected;
      const classDef = k < rule.input.length ? sub.inputClassDef : sub.lookaheadClassDef;
      return classOf(glyph, classDef) === expected;
    });
  if (sub.version === 1 && sub.chainRuleSets) {
    const sets = sub.chainRuleSets;
    return {
      starts: coverage,
      matches: (glyphs) =>
        glyphs.some((glyph, i) => {
          const index = coverageIndex(coverage, glyph);
          const rules = index === -1 ? null : sets.get(index);
          return rules ? [...rules].some((rule) => matches(glyphs, i, rule, false)) : false;
        }),
    };
  }
  if (sub.version === 2 && sub.chainClassSet) {
    const sets = sub.chainClassSet;
    const rulesOf = (c: number) =>
      'get' in sets && typeof sets.get === 'function'
        ? sets.get(c)
        : (sets as readonly (Iterable<ChainRule> | null)[])[c];
    return {
      starts: coverage,
      matches: (glyphs) =>
        glyphs.some((glyph, i) => {
          if (coverageIndex(coverage, glyph) === -1) return false;
          const rules = rulesOf(classOf(glyph, sub.inputClassDef));
          return rules ? [...rules].some((rule) => matches(glyphs, i, rule, true)) : false;
        }),
    };
  }
  return undefined;
}

/** A glyph not seen yet; one that takes the fast path; one that may start a check; one left to fontkit. */
const [UNKNOWN, PLAIN, CHECK, LEAVE] = [0, 1, 2, 3];

/** The kerning of one glyph pair: adjustments of the first and of the second glyph. */
interface PairAdjustment {
  readonly first: ValueRecord[];
  readonly second: ValueRecord[];
}

/**
 * fontkit's pair positioning of `first` followed by `second` (GPOS lookup type 2, every lookup
 * in `lookups`, in order; in each, the first subtable that applies).
 */
function pairAdjustment(
  lookups: readonly Subtable[][],
  first: number,
  second: number,
): PairAdjustment {
  const adjustment: PairAdjustment = { first: [], second: [] };
  for (const subtables of lookups) {
    for (const sub of subtables) {
      const index = sub.coverage ? coverageIndex(sub.coverage, first) : -1;
      if (index === -1) continue;
      if (sub.version === 1 && sub.pairSets) {
        let found = false;
        for (const pair of sub.pairSets.get(index)) {
          if (pair.secondGlyph === second) {
            if (pair.value1) adjustment.first.push(pair.value1);
            if (pair.value2) adjustment.second.push(pair.value2);
            found = true;
            break;
          }
        }
        if (found) break;
      } else if (sub.version === 2 && sub.classRecords) {
        const record = sub.classRecords
          .get(classOf(first, sub.classDef1))
          .get(classOf(second, sub.classDef2));
        if (record.value1) adjustment.first.push(record.value1);
        if (record.value2) adjustment.second.push(record.value2);
        break;
      }
    }
  }
  return adjustment;
}

function apply(position: GlyphPosition, values: readonly ValueRecord[]): void {
  for (const value of values) {
    if (value.xAdvance != null) position.xAdvance += value.xAdvance;
    if (value.yAdvance != null) position.yAdvance += value.yAdvance;
    if (value.xPlacement != null) position.xOffset += value.xPlacement;
    if (value.yPlacement != null) position.yOffset += value.yPlacement;
  }
}

/**
 * The fast shaping of `font`: a function that returns a word's run as fontkit's full layout
 * would, or undefined when the word must go to fontkit; undefined when the font is not one the
 * fast path reads. `sample` is a run fontkit shaped in this font: its classes and features are
 * those of the runs returned.
 */
export function wordShaper(
  font: ShapedFont,
  sample: GlyphRun,
): ((text: string) => GlyphRun | undefined) | undefined {
  const classDef = font.GDEF?.glyphClassDef;
  if (!classDef || font.morx || font.kern || font.fvar) return undefined;
  if (font.GSUB?.featureVariations || font.GPOS?.featureVariations) return undefined;
  const gsub = lookupIndexes(font.GSUB);
  const gpos = lookupIndexes(font.GPOS);
  if (!gpos.same) return undefined;
  const triggers = new Uint8Array(font.numGlyphs + 1);
  const checks: WordCheck[] = [];
  if (
    !substitutionChecks(font.GSUB, gsub.all, triggers, checks, 7, false) ||
    !substitutionChecks(font.GPOS, gpos.all, triggers, checks, 9, true)
  ) {
    return undefined;
  }
  const kerning: Subtable[][] = [];
  for (const index of [...gpos.all].sort((a, b) => a - b)) {
    const lookup = font.GPOS?.lookupList.get(index);
    if (!lookup) continue;
    const pairs = subtablesOf(lookup, 9).filter(({ type }) => type === 2);
    if (pairs.length === 0) continue;
    // Kerning that skips marks is read as is: the fast path takes no word with a mark in it.
    if (skipsGlyphs(lookup)) return undefined;
    kerning.push(pairs.map(({ table }) => table));
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
      else if (checks.some((c) => coverageIndex(c.starts, id) !== -1)) kind = CHECK;
      else kind = PLAIN;
      kinds[id] = kind;
    }
    return kind;
  };
  const RunClass = sample.constructor as new (
    glyphs: Glyph[],
    features: Record<string, boolean>,
  ) => GlyphRun;
  const PositionClass = (sample.positions[0]?.constructor ?? Object) as new (
    xAdvance: number,
  ) => GlyphPosition;
  const features = { ...sample.features };
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
    if (check && checks.some((c) => c.matches(ids))) return undefined;
    const positions = ids.map((id, i) => {
      let advance = advanceOf.get(id);
      if (advance === undefined) {
        advance = (glyphs[i] as Glyph).advanceWidth;
        advanceOf.set(id, advance);
      }
      return new PositionClass(advance);
    });
    for (let i = 0; i + 1 < ids.length; i += 1) {
      const key = (ids[i] as number) * 0x10000 + (ids[i + 1] as number);
      let adjustment = pairCache.get(key);
      if (!adjustment) {
        adjustment = pairAdjustment(kerning, ids[i] as number, ids[i + 1] as number);
        pairCache.set(key, adjustment);
      }
      apply(positions[i] as GlyphPosition, adjustment.first);
      apply(positions[i + 1] as GlyphPosition, adjustment.second);
    }
    const run = new RunClass(glyphs, { ...features });
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
        shaper = wordShaper(this, original.call(this, ' ')) ?? null;
        shapers.set(this, shaper);
      }
      const run = shaper?.(text);
      if (run) return run;
    }
    return original.call(this, text, ...rest);
  };
  proto[INSTALLED] = true;
}
