/**
 * Which words the fast word shaping (./word-shaping.ts) must leave to fontkit, read from a
 * font's substitutions (GSUB): the glyphs on which a lookup may start, and for the lookups that
 * start on common glyphs but need a sequence (ligatures, chained contexts), a check run on the
 * whole word. fontkit 2.0.4's GSUB processing (`OTProcessor`, `GSUBProcessor`) is the reference;
 * `word-shaping.test.ts` compares the fast path with fontkit on every word of every plan.
 */
import {
  coverageIndex,
  classOf,
  markCoverage,
  subtablesOf,
  skipsGlyphs,
  type Coverage,
  type Subtable,
  type ChainRule,
  type ClassDef,
  type LayoutTable,
} from './opentype-tables';

/**
 * A check of a word's glyphs: `matches` is true when a substitution or positioning other than
 * kerning may apply; it can only be when a glyph of the word is in `starts`.
 */
export interface WordCheck {
  readonly starts: Coverage;
  readonly matches: (glyphs: readonly number[]) => boolean;
  /** For a ligature subtable, its lookup's index and the subtable, which may be applied. */
  readonly ligature?: { readonly lookup: number; readonly table: Subtable };
  /**
   * For a chained context, whether it may match a word of `usable` glyphs only: false when each
   * of its rules needs a glyph that is not (Roboto's ccmp: "i" or "j" before a mark).
   */
  readonly canMatch?: (usable: (glyph: number) => boolean) => boolean;
}

/** Whether `coverage` holds a glyph for which `usable` holds. */
function coversSome(coverage: Coverage, usable: (glyph: number) => boolean): boolean {
  if (coverage.version === 1) return coverage.glyphs.some(usable);
  return coverage.rangeRecords.some((range) => {
    for (let glyph = range.start; glyph <= range.end; glyph += 1) if (usable(glyph)) return true;
    return false;
  });
}

/**
 * Whether a glyph for which `usable` holds may be of class `c` in `classDef`: true for class 0
 * (every glyph not listed), else when a glyph listed with that class is usable.
 */
function classHasSome(
  classDef: ClassDef | undefined,
  c: number,
  usable: (glyph: number) => boolean,
): boolean {
  if (c === 0 || !classDef) return true;
  if (classDef.version === 1) {
    return classDef.classValueArray.some(
      (value, i) => value === c && usable(classDef.startGlyph + i),
    );
  }
  return classDef.classRangeRecord.some((range) => {
    if (range.class !== c) return false;
    for (let glyph = range.start; glyph <= range.end; glyph += 1) if (usable(glyph)) return true;
    return false;
  });
}

/**
 * What the fast path must leave to fontkit, for one font's substitutions (GSUB): glyphs on which
 * a lookup may start (`triggers`), and checks for the lookups that start on common glyphs but
 * need a sequence (ligatures, chained contexts), run on the whole word. False when the font has
 * a lookup it cannot judge.
 */
export function substitutionChecks(
  table: LayoutTable | undefined,
  indexes: Iterable<number>,
  triggers: Uint8Array,
  checks: WordCheck[],
): boolean {
  if (!table) return true;
  for (const index of indexes) {
    const lookup = table.lookupList.get(index);
    for (const { type, table: sub } of subtablesOf(lookup, 7)) {
      if (type === 4 && sub.ligatureSets && sub.coverage && !skipsGlyphs(lookup)) {
        checks.push({ ...ligatureCheck(sub), ligature: { lookup: index, table: sub } });
        continue;
      }
      if (type === 6 && !skipsGlyphs(lookup)) {
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
      canMatch: (usable) => sequence.every((coverage) => coversSome(coverage, usable)),
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
      canMatch: (usable) => {
        for (let i = 0; i < sets.length; i += 1) {
          for (const rule of sets.get(i) ?? []) {
            if ([...rule.input, ...rule.lookahead].every(usable)) return true;
          }
        }
        return false;
      },
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
    const count = 'length' in sets ? sets.length : 0;
    return {
      canMatch: (usable) => {
        for (let c = 0; c < count; c += 1) {
          for (const rule of rulesOf(c) ?? []) {
            const possible =
              rule.input.every((e) => classHasSome(sub.inputClassDef, e, usable)) &&
              rule.lookahead.every((e) => classHasSome(sub.lookaheadClassDef, e, usable));
            if (possible) return true;
          }
        }
        return false;
      },
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
