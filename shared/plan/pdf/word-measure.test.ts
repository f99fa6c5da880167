import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { nodePdfMake } from '../../../cli/plan-io';
import type { NinesDocument } from '../../model/types';
import { samplePlan } from '../sample-plan';
import { installFastWordMeasure, measureWords } from './word-measure';
import { writePdf } from './write-pdf';

const require = createRequire(import.meta.url);
type Measure = (this: unknown, words: Record<string, unknown>[], stack: unknown) => unknown;
const TextInlines = (
  require('pdfmake/js/TextInlines') as { default: { prototype: { measure: Measure } } }
).default;
// pdfmake's own measuring, with its own style look-ups (nothing else is installed here).
const pdfmakeMeasure = TextInlines.prototype.measure;

const model = JSON.parse(
  readFileSync(
    new URL('../../../assets/templates/active-active-3-regions.nines.json', import.meta.url),
    'utf8',
  ),
) as NinesDocument;
const plan = samplePlan(model, '2026-12-07');

describe('measureWords', () => {
  it("measures every word of a plan as pdfmake's measure does, field by field", async () => {
    const differences: string[] = [];
    let words = 0;
    let styled = 0;
    TextInlines.prototype.measure = function both(this: unknown, text, stack) {
      const copies = text.map((word) => ({ ...word }));
      pdfmakeMeasure.call(this, copies, stack);
      const measured = measureWords.call(this as never, text as never, stack as never);
      copies.forEach((expected, i) => {
        const actual = text[i] as Record<string, unknown>;
        words += 1;
        if (expected.style || expected.bold || expected.italics) styled += 1;
        if (JSON.stringify(Object.keys(actual)) !== JSON.stringify(Object.keys(expected))) {
          differences.push(`${String(expected.text)}: fields ${Object.keys(actual).join()}`);
        }
        for (const key of Object.keys(expected)) {
          if (!Object.is(actual[key], expected[key])) {
            differences.push(`${String(expected.text)}: ${key}`);
          }
        }
      });
      return measured;
    };
    try {
      await writePdf(plan, nodePdfMake());
    } finally {
      TextInlines.prototype.measure = pdfmakeMeasure;
    }
    expect(differences.slice(0, 20)).toEqual([]);
    expect(words).toBeGreaterThan(2000);
    expect(styled).toBeGreaterThan(50);
  }, 120_000);
});

describe('installFastWordMeasure', () => {
  it('leaves the PDF of a plan the same byte for byte', async () => {
    const before = await writePdf(plan, nodePdfMake());
    installFastWordMeasure(TextInlines.prototype);
    expect(TextInlines.prototype.measure).toBe(measureWords);
    const after = await writePdf(plan, nodePdfMake());
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  }, 120_000);
});
