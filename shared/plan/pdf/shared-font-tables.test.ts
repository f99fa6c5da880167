import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installSharedFontTables } from './shared-font-tables';

const require = createRequire(import.meta.url);
// pdfkit's own fontkit, as cli/pdf-writer.ts takes it.
interface Font {
  readonly GSUB: object;
  readonly GPOS: object;
  readonly cmap: object;
  readonly hmtx: object;
  layout(text: string): {
    glyphs: { id: number }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
}
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
  create(bytes: Uint8Array): Font;
};
const ROBOTO = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
/** A fresh copy of a face's bytes, as pdfkit reads it for each document. */
const read = (face: string) => new Uint8Array(readFileSync(join(ROBOTO, `Roboto-${face}.ttf`)));

/** Words with ligatures (fi, ffl), kerning pairs (AV, To, Ty) and plain text. */
const WORDS = [
  'office',
  'waffle',
  'AVAILABILITY',
  'Today',
  'Type',
  'failover ',
  'RTO/RPO',
  '99.95 %',
];

const shaped = (font: Font) =>
  WORDS.map((word) => {
    const run = font.layout(word);
    return { ids: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => ({ ...p })) };
  });

describe('installSharedFontTables', () => {
  // Decoded before the install: this font's tables are its own.
  const own = fontkit.create(read('Regular'));
  const expected = shaped(own);
  const ownTables = [own.GSUB, own.GPOS, own.cmap, own.hmtx];
  installSharedFontTables(Object.getPrototypeOf(own) as object);

  it('gives a font the tables an earlier font of the same bytes decoded', () => {
    const first = fontkit.create(read('Regular'));
    const second = fontkit.create(read('Regular'));
    for (const tag of ['GSUB', 'GPOS', 'cmap', 'hmtx'] as const) {
      expect(second[tag]).toBe(first[tag]);
      expect(ownTables).not.toContain(first[tag]);
    }
  });

  it('shares nothing between different faces', () => {
    const regular = fontkit.create(read('Regular'));
    const medium = fontkit.create(read('Medium'));
    expect(medium.GSUB).not.toBe(regular.GSUB);
    expect(medium.hmtx).not.toBe(regular.hmtx);
  });

  it('shapes the same glyphs at the same positions as a font with its own tables', () => {
    fontkit.create(read('Regular')).layout('warm');
    const later = fontkit.create(read('Regular'));
    expect(shaped(later)).toEqual(expected);
  });
});
