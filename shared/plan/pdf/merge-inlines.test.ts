import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipWithoutPoppler } from '../../testing/poppler';
import { nodePdfMake } from '../../../cli/plan-io';
import type { NinesDocument } from '../../model/types';
import { samplePlan } from '../sample-plan';
import { installInlineMerging, mergeInlines, type RenderedInline } from './merge-inlines';
import { writePdf } from './write-pdf';

const font = { name: 'Roboto-Regular' };
const word = (text: string, x: number, more: Partial<RenderedInline> = {}): RenderedInline => ({
  text,
  x,
  width: 10,
  height: 12,
  font,
  fontSize: 10,
  color: '#1f2933',
  ...more,
});

describe('mergeInlines', () => {
  it('merges adjacent words drawn alike, and leaves its input as it was', () => {
    const line = [word('The ', 0), word('plan ', 10), word('covers', 20)];
    const merged = mergeInlines(line);
    expect(merged).toEqual([{ ...word('The plan covers', 0), width: 30 }]);
    expect(line.map((i) => i.text)).toEqual(['The ', 'plan ', 'covers']);
  });

  it('starts a new run at a change of font, size, colour or height, or a gap', () => {
    const medium = { name: 'Roboto-Medium' };
    const line = [
      word('a ', 0),
      word('b ', 10, { font: medium }),
      word('c ', 20, { font: medium }),
      word('d ', 30, { fontSize: 8.5 }),
      word('e ', 40, { color: '#616e7c' }),
      word('f ', 50, { height: 11 }),
      word('g ', 61),
    ];
    expect(mergeInlines(line).map((i) => i.text)).toEqual(['a ', 'b c ', 'd ', 'e ', 'f ', 'g ']);
  });

  it('leaves links, decorations, backgrounds, scripts and page references alone', () => {
    const special: Partial<RenderedInline>[] = [
      { link: 'https://example.org' },
      { linkToDestination: 'x' },
      { decoration: 'underline' },
      { background: '#eef4fb' },
      { sup: true },
      { characterSpacing: 1.2 },
      { _pageNodeRef: {} },
    ];
    for (const more of special) {
      const line = [word('a ', 0), word('b ', 10, more), word('c ', 20)];
      expect(mergeInlines(line).map((i) => i.text)).toEqual(['a ', 'b ', 'c ']);
    }
  });
});

const skip = skipWithoutPoppler('pdftotext');

/** Every word of the PDF with its box, points, read by poppler. */
function wordBoxes(bytes: Uint8Array): { text: string; box: number[] }[] {
  const dir = mkdtempSync(join(tmpdir(), 'nines-merge-'));
  try {
    const file = join(dir, 'plan.pdf');
    writeFileSync(file, bytes);
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return [
      ...html.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((m) => ({ text: m[5] ?? '', box: [1, 2, 3, 4].map((i) => Number(m[i])) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(skip)(
  `merged text objects, read back by poppler's pdftotext${skip ? ' (skipped: pdftotext is not installed)' : ''}`,
  () => {
    it('put every word of the plan where pdfmake put it, in a smaller file', async () => {
      const url = new URL(
        '../../../assets/templates/active-active-3-regions.nines.json',
        import.meta.url,
      );
      const model = JSON.parse(readFileSync(url, 'utf8')) as NinesDocument;
      const doc = samplePlan(model, '2026-12-07');
      const perWord = await writePdf(doc, nodePdfMake());
      const require = createRequire(import.meta.url);
      const renderer = require('pdfmake/js/Renderer') as { default: { prototype: object } };
      installInlineMerging(renderer.default.prototype);
      const merged = await writePdf(doc, nodePdfMake());
      expect(merged.length).toBeLessThan(perWord.length);
      const before = wordBoxes(perWord);
      const after = wordBoxes(merged);
      expect(after.map((w) => w.text)).toEqual(before.map((w) => w.text));
      expect(before.length).toBeGreaterThan(500);
      const moved = after.filter((w, i) =>
        w.box.some((v, k) => Math.abs(v - (before[i]?.box[k] ?? NaN)) > 0.01),
      );
      expect(moved).toEqual([]);
    }, 120_000);
  },
);
