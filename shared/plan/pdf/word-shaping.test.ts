import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../../catalog/price-book';
import type { NinesDocument } from '../../model/types';
import { buildPlan } from '../content/build-plan';
import { toSvg } from '../drawing';
import { toPdfDefinition, type PdfNode } from './pdf-definition';
import type { GlyphRun, ShapedFont } from './opentype-tables';
import { wordShaper } from './word-shaping';

const require = createRequire(import.meta.url);
// pdfkit's own fontkit, as cli/plan-io.ts takes it. This file never installs the fast path, so
// `font.layout` below is fontkit's full layout.
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
  create(bytes: Uint8Array): ShapedFont;
};
const ROBOTO = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const FACES = ['Regular', 'Medium', 'Italic', 'MediumItalic'];

const TEMPLATES = new URL('../../../assets/templates/', import.meta.url);
const priceBook = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);

/** Every string of a pdfmake definition's `text` (and the figures' SVG labels). */
function texts(node: PdfNode | undefined, out: string[]): void {
  if (node === undefined || node === null) return;
  if (typeof node === 'string') {
    out.push(node);
  } else if (Array.isArray(node)) {
    for (const child of node) texts(child, out);
  } else {
    for (const value of Object.values(node)) {
      if (typeof value === 'string' && !value.startsWith('<svg')) out.push(value);
      else if (typeof value === 'object') texts(value as PdfNode, out);
    }
  }
}

/**
 * The strings pdfkit shapes for a text: it cuts after each space or tab and shapes each piece
 * (`EmbeddedFont.layout`); pdfmake has cut the text into words with their trailing spaces first.
 */
function pieces(text: string): string[] {
  return text.match(/[^ \t]*[ \t]|[^ \t]+$/g) ?? [];
}

/** The words of every template's plan, as pdfkit shapes them. */
function planWords(): Set<string> {
  const words = new Set<string>();
  const names = readdirSync(TEMPLATES).filter((n) => n.endsWith('.nines.json'));
  for (const name of names) {
    const doc = JSON.parse(readFileSync(new URL(name, TEMPLATES), 'utf8')) as NinesDocument;
    const result = buildPlan(doc, { priceBook, date: '2026-11-26' });
    if (!result.ok) throw new Error(`${name}: no plan`);
    const strings: string[] = [];
    const definition = toPdfDefinition(result.plan);
    texts(definition.content, strings);
    for (const block of result.plan.blocks) {
      if (block.kind === 'figure') {
        for (const m of toSvg(block.drawing).matchAll(/>([^<>]+)</g)) strings.push(m[1] ?? '');
      }
    }
    for (const text of strings) for (const piece of pieces(text)) words.add(piece);
  }
  return words;
}

function plain(run: GlyphRun) {
  return {
    glyphs: run.glyphs.map((g) => [g.id, g.advanceWidth, [...g.codePoints]]),
    // Every field of each position, in order: pdfkit scales them with a for…in loop.
    positions: run.positions.map((p) => Object.entries(p)),
    features: Object.entries(run.features),
    advanceWidth: (run as GlyphRun & { advanceWidth: number }).advanceWidth,
  };
}

describe('fast word shaping against fontkit', () => {
  const words = [...planWords()];

  it.each(FACES)(
    'Roboto %s: every word of every template plan shaped as fontkit does',
    (face) => {
      const font = fontkit.create(readFileSync(join(ROBOTO, `Roboto-${face}.ttf`)));
      const shape = wordShaper(font, font.layout(''));
      if (!shape) throw new Error('the fast path does not read Roboto');
      const slow: string[] = [];
      const mismatches: string[] = [];
      for (const word of words) {
        const run = shape(word);
        if (!run) {
          slow.push(word);
          continue;
        }
        if (JSON.stringify(plain(run)) !== JSON.stringify(plain(font.layout(word)))) {
          mismatches.push(word);
        }
      }
      expect(mismatches).toEqual([]);
      // The plans' text is Latin: every word takes the fast path, ligatures ("fi", "ffi") too,
      // but for a line break (which pdfmake never draws).
      expect(words.length).toBeGreaterThan(3000);
      expect(slow).toEqual(['\n']);
    },
    60_000,
  );

  it('leaves marks, fractions and other scripts to fontkit, and kerns and ligates the rest', () => {
    const font = fontkit.create(readFileSync(join(ROBOTO, 'Roboto-Regular.ttf')));
    const shape = wordShaper(font, font.layout(''));
    if (!shape) throw new Error('the fast path does not read Roboto');
    for (const word of [
      // A ligature in a word with a code point whose script the fast path does not judge.
      'fi\u2102',
      'e\u0301',
      '1\u20442',
      'Ωμέγα',
      'soft\u00adhyphen',
      '',
    ]) {
      expect(shape(word), word).toBeUndefined();
    }
    // "AV" and "To" are kerned pairs in Roboto: the fast run has the kerning, equal to fontkit's.
    for (const word of [
      'AV',
      'To ',
      'Wave.',
      'T.',
      '99.9988 %',
      'office ',
      'file',
      'fiffiflffl',
      'Affix',
    ]) {
      const run = shape(word);
      expect(run, word).toBeDefined();
      expect(plain(run as GlyphRun)).toEqual(plain(font.layout(word)));
    }
    // "office" is four glyphs: o, the "ffi" ligature (its three code points), c, e.
    expect((shape('office') as GlyphRun).glyphs.map((g) => g.codePoints)).toEqual([
      [111],
      [102, 102, 105],
      [99],
      [101],
    ]);
    const av = shape('AV') as GlyphRun;
    const unkerned = av.glyphs.reduce((sum, g) => sum + g.advanceWidth, 0);
    expect(av.positions.reduce((sum, p) => sum + p.xAdvance, 0)).toBeLessThan(unkerned);
  });
});
