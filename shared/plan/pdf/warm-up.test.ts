import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writePdfHere } from '../../../cli/pdf-writer';
import type { NinesDocument } from '../../model/types';
import type { Block } from '../document';
import { samplePlan } from '../sample-plan';
import { warmUpPlans } from './warm-up';

const model = JSON.parse(
  readFileSync(
    new URL('../../../assets/templates/single-region-3az.nines.json', import.meta.url),
    'utf8',
  ),
) as NinesDocument;

describe('the warm-up plans', () => {
  it('holds every kind of block and every kind of run, so each path of the writer runs once', () => {
    const blocks = warmUpPlans().flatMap((plan) => plan.blocks);
    const kinds = new Set(blocks.map((b) => b.kind));
    const every: Record<Block['kind'], true> = {
      heading: true,
      paragraph: true,
      list: true,
      table: true,
      keyValue: true,
      callout: true,
      pageBreak: true,
      figure: true,
    };
    expect([...kinds].sort()).toEqual(Object.keys(every).sort());
    const levels = new Set(blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : [])));
    expect([...levels].sort()).toEqual([1, 2, 3]);
    const tones = new Set(blocks.flatMap((b) => (b.kind === 'callout' ? [b.tone] : [])));
    expect([...tones].sort()).toEqual(['note', 'placeholder', 'warning']);
    const runs = blocks.flatMap((b) => (b.kind === 'paragraph' ? b.runs : []));
    for (const style of ['bold', 'italic', 'code', 'blank'] as const) {
      expect(
        runs.some((run) => run[style]),
        style,
      ).toBe(true);
    }
  });

  it('leaves no trace in the next PDF: a plan written after it has the same bytes', async () => {
    const plan = samplePlan(model, '1 December 2026');
    const before = await writePdfHere(plan);
    for (const warmUp of warmUpPlans()) await writePdfHere(warmUp);
    const after = await writePdfHere(plan);
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });
});
