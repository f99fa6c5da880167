// @vitest-environment jsdom
// The table behind a chart says what the chart draws: one row per bar, the same numbers.
import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DowntimeBin } from '../../../shared/engine';
import { Histogram } from './SimulationPanel';

afterEach(cleanup);

const BINS: DowntimeBin[] = [
  { upToMinutes: 0, years: 9_000 },
  { upToMinutes: 5, years: 700 },
  { upToMinutes: 60, years: 250 },
  { upToMinutes: 240, years: 40 },
  { upToMinutes: null, years: 10 },
];
const YEARS = 10_000;

describe('the Monte Carlo histogram’s table', () => {
  it('has one row per bar with its bin, its years and their share', () => {
    const { container, getByTestId } = render(<Histogram bins={BINS} years={YEARS} />);
    const table = getByTestId('simulation-histogram-table');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((cell) => cell.textContent));
    const bars = [...container.querySelectorAll('rect.histogram__bar')];
    expect(rows).toHaveLength(bars.length);
    // Each bar's own tooltip says the same bin, years and share as its row.
    const titles = [...container.querySelectorAll('svg g > title')].map((t) => t.textContent);
    expect(titles).toEqual(rows.map(([bin, years, share]) => `${bin}: ${years} (${share})`));
    // And the numbers are the data's: the years read back, shares of the whole run.
    const count = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
    expect(rows.map((r) => count(r[1] ?? null))).toEqual(BINS.map((b) => b.years));
    expect(rows.map((r) => r[0])).toEqual(['0', '≤5m', '≤1h', '≤4h', '>4h']);
    expect(rows[0]?.[2]).toMatch(/^90(\.0+)?\s?%$/);
    // The tallest bar is the fullest bin.
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    expect(heights.indexOf(Math.max(...heights))).toBe(0);
  });
});
