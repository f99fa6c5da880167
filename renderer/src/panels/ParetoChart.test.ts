// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ComparedVariant } from '../../../shared/engine';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ParetoChart, paretoFrontier } from './ParetoChart';

function variant(id: string, nines: number | null, yearlyUsd: number): ComparedVariant {
  return { id, nines, yearlyInfrastructureUsd: yearlyUsd } as ComparedVariant;
}

describe('paretoFrontier', () => {
  it('keeps the variants no other beats on both cost and nines, cheapest first', () => {
    const frontier = paretoFrontier([
      variant('dear-and-good', 5, 80_000),
      variant('cheap', 3, 20_000),
      variant('dominated', 3, 30_000),
      variant('middle', 4, 40_000),
      variant('worse-and-dearer', 3.9, 50_000),
    ]);
    expect(frontier.map((v) => v.id)).toEqual(['cheap', 'middle', 'dear-and-good']);
  });

  it('drops a variant that costs the same for fewer nines, and variants without nines', () => {
    const frontier = paretoFrontier([
      variant('a', 4, 10_000),
      variant('b', 3, 10_000),
      variant('perfect', null, 5_000),
    ]);
    expect(frontier.map((v) => v.id)).toEqual(['a']);
  });
});

describe('the chart axis', () => {
  /** The labels under the x axis of the chart drawn for `variants`. */
  function costLabels(variants: ComparedVariant[]): string[] {
    const svg = renderToStaticMarkup(
      createElement(ParetoChart, { variants, recommendedId: null, targetNines: null }),
    );
    // The chart and the table behind it: two elements, so parsed as HTML.
    const doc = new DOMParser().parseFromString(svg, 'text/html');
    return [...doc.querySelectorAll('[data-testid="pareto-cost-tick"]')].map(
      (t) => t.textContent ?? '',
    );
  }

  it('never repeats a cost label, with one variant or with close costs', () => {
    // Issue 17: one variant at $12,345 a year drew $12k, $12k, $12k, … under the axis.
    for (const variants of [
      [variant('only', 3.5, 12_345)],
      [variant('only', 2, 740)],
      [variant('only', 4, 3)],
      [variant('a', 3, 40_100), variant('b', 4, 40_900)],
      [variant('a', 3, 20_000), variant('b', 4, 80_000)],
    ]) {
      const labels = costLabels(variants);
      expect(labels.length, JSON.stringify(variants)).toBeGreaterThan(1);
      expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
    }
  });
});
