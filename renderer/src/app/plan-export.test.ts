import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import { PRICE_BOOK } from '../store/results';
import template from '../../../assets/templates/warm-standby-2-regions.nines.json?raw';
import { appPlan, planFileName, renderPlan, todayIso } from './plan-export';

const model = JSON.parse(template) as NinesDocument;

describe('the plan in the app', () => {
  it('is built with the price book of the results panel, so the figures are the same', async () => {
    const result = appPlan(model, 'warm-standby', '2026-11-26');
    if (!result.ok) throw new Error('the template does not build');
    expect(result.context.evaluation).toEqual(
      evaluate(model, 'warm-standby', { priceBook: PRICE_BOOK }).variants[0],
    );
    const markdown = await renderPlan(result.plan, 'md');
    expect(markdown).toContain('## 4  Business impact analysis');
  });

  it('names the file after the document and the variant, and dates it from the clock', () => {
    expect(planFileName(model, 'warm-standby', 'docx')).toBe(
      `${model.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-warm-standby-contingency-plan.docx`,
    );
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
