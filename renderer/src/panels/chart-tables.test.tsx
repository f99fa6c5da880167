// @vitest-environment jsdom
// The table behind a chart says what the chart draws: one row per bar, the same numbers.
import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DowntimeBin } from '../../../shared/engine';
import type { ComparedVariant } from '../../../shared/engine';
import { ParetoChart } from './ParetoChart';
import { Histogram } from './SimulationPanel';
import { TornadoChart, tornadoRows, type TornadoSpec } from './sensitivity';

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

/** The table's body rows, each as its cells' texts. */
function bodyRows(table: HTMLElement): (string | null)[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].map((cell) => cell.textContent));
}

function compared(
  id: string,
  rank: number,
  nines: number | null,
  yearlyUsd: number,
  isComplete = true,
): ComparedVariant {
  return {
    id,
    name: `Variant ${id}`,
    rank,
    nines,
    yearlyInfrastructureUsd: yearlyUsd,
    isComplete,
  } as ComparedVariant;
}

describe('the Pareto chart’s table', () => {
  it('has one row per point with its rank, name, nines, cost and place on the frontier', () => {
    const variants = [
      compared('aa3', 1, 4.5, 120_000),
      compared('warm', 2, 3.8, 60_000, false),
      compared('worse', 3, 3.5, 90_000),
      compared('broken', 4, null, 10_000),
    ];
    const { container, getByTestId } = render(
      <ParetoChart variants={variants} recommendedId="aa3" targetNines={4} />,
    );
    const rows = bodyRows(getByTestId('pareto-table'));
    const points = [...container.querySelectorAll('[data-testid^="pareto-point-"]')];
    expect(rows).toHaveLength(points.length);
    expect(rows.map((r) => r[0])).toEqual([
      '1. Variant aa3 (recommended)',
      '2. Variant warm',
      '3. Variant worse',
    ]);
    expect(rows.map((r) => r[3])).toEqual(['yes', 'yes', 'no']);
    expect(rows[1]?.[2]).toMatch(/\(at least\)$/);
    // Each point's tooltip says the same nines and cost as its row.
    for (const [i, point] of points.entries()) {
      const title = point.querySelector('title')?.textContent ?? '';
      expect(title).toContain(rows[i]?.[1] ?? '?');
      expect(title).toContain((rows[i]?.[2] ?? '?').replace(' (at least)', ''));
      expect(point.classList.contains('is-frontier')).toBe(rows[i]?.[3] === 'yes');
    }
  });
});

describe('the tornado’s table', () => {
  it('has one row per bar with the parameter, both ends and the swing', () => {
    const bar = (nodeId: string, atLow: number, atHigh: number) => ({
      bar: {
        subject: { kind: 'node', nodeId },
        parameter: 'mttrHours',
        baseValue: 2,
        lowValue: 1,
        highValue: 3,
      } as TornadoSpec['bars'][number]['bar'],
      atLow,
      atHigh,
    });
    const spec: TornadoSpec = {
      kind: 'downtime',
      base: 20,
      bars: [bar('app', 10, 40), bar('db', 15, 25)],
      format: (minutes) => `${minutes} min/yr`,
      label: 'Downtime per year',
    };
    const name = (id: string) => id.toUpperCase();
    const { container, getByTestId } = render(<TornadoChart spec={spec} name={name} />);
    const rows = bodyRows(getByTestId('tornado-table-downtime'));
    expect(rows).toEqual(tornadoRows(spec, name));
    expect(rows.map((r) => r[3])).toEqual(['30 min/yr', '10 min/yr']);
    expect(rows.map((r) => r[1]?.endsWith('10 min/yr'))).toEqual([true, false]);
    // As many rows as bars, each bar's tooltip naming its row's parameter and ends.
    const bars = [...container.querySelectorAll('[data-testid^="tornado-bar-"]')];
    expect(bars).toHaveLength(rows.length);
    for (const [i, g] of bars.entries()) {
      const title = g.querySelector('title')?.textContent ?? '';
      expect(title.startsWith((rows[i]?.[0] ?? '?').replace(/ \(.*\)$/, ''))).toBe(true);
      expect(title).toContain(`→ ${spec.format(spec.bars[i]?.atLow ?? NaN)}`);
      expect(title).toContain(`→ ${spec.format(spec.bars[i]?.atHigh ?? NaN)}`);
    }
  });
});
