import type { ComparedVariant } from '../../../shared/engine';
import { ChartTable } from './ChartTable';
import { formatNines, formatNumber, formatUsd } from '../../../shared/text';

/** A variant with the two figures the chart plots. */
type Point = ComparedVariant & { readonly nines: number };

/**
 * The Pareto frontier of availability against cost: the variants no other variant beats on both
 * (at most the same yearly infrastructure cost and at least the same nines, one of them strictly),
 * cheapest first. Variants without a finite number of nines are left out.
 */
export function paretoFrontier(variants: readonly ComparedVariant[]): Point[] {
  const points = variants.filter((v): v is Point => v.nines !== null);
  return points
    .filter(
      (p) =>
        !points.some(
          (q) =>
            q !== p &&
            q.yearlyInfrastructureUsd <= p.yearlyInfrastructureUsd &&
            q.nines >= p.nines &&
            (q.yearlyInfrastructureUsd < p.yearlyInfrastructureUsd || q.nines > p.nines),
        ),
    )
    .sort((a, b) => a.yearlyInfrastructureUsd - b.yearlyInfrastructureUsd);
}

const WIDTH = 560;
const HEIGHT = 300;
const PAD = { left: 56, right: 24, top: 16, bottom: 44 };

/** The step of round ticks between `lo` and `hi`: about `count` of them, 1, 2 or 5 × 10ⁿ. */
function tickStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

/** Round ticks between `lo` and `hi`: about `count` of them, at 1, 2 or 5 × a power of ten. */
function ticks(lo: number, hi: number, count: number): number[] {
  const step = tickStep(lo, hi, count);
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step / 1e6; t += step) out.push(t);
  return out;
}

/**
 * A cost tick's label, as fine as the step between ticks needs so that two ticks never read the
 * same: `$40k`, `$40.2k` (a step under $1,000), `$740`, `$2.50` (a step under $1).
 */
function costTickLabel(value: number, step: number): string {
  if (value >= 1000) {
    const decimals = step >= 1000 ? 0 : Math.ceil(-Math.log10(step / 1000) - 1e-9);
    return `$${formatNumber(value / 1000, decimals)}k`;
  }
  return formatUsd(value, { cents: step < 1 });
}

/**
 * Availability (nines) against yearly infrastructure cost, one dot per evaluated variant labelled
 * with its rank in the table, the Pareto frontier as a line and the recommended variant (first in
 * the ranking, when it meets the targets) ringed. A hand-written SVG: one scatter plot did not justify a chart library.
 */
/**
 * The chart's numbers, one row per point in the chart's order: the variant (rank, name, and
 * whether it is the recommended one), its nines, its yearly cost and whether it is on the
 * frontier.
 */
export function paretoRows(points: readonly Point[], recommendedId: string | null): string[][] {
  const onFrontier = new Set(paretoFrontier(points).map((p) => p.id));
  return points.map((p) => [
    `${p.rank}. ${p.name}${p.id === recommendedId ? ' (recommended)' : ''}`,
    formatNines(p.nines),
    `${formatUsd(p.yearlyInfrastructureUsd)}${p.isComplete ? '' : ' (at least)'}`,
    onFrontier.has(p.id) ? 'yes' : 'no',
  ]);
}

export function ParetoChart({
  variants,
  recommendedId,
  targetNines,
}: {
  variants: readonly ComparedVariant[];
  recommendedId: string | null;
  targetNines: number | null;
}) {
  const points = variants.filter((v): v is Point => v.nines !== null);
  if (points.length === 0) {
    return (
      <p className="panel__empty">No variant could be evaluated, so there is nothing to plot.</p>
    );
  }
  const costs = points.map((p) => p.yearlyInfrastructureUsd);
  const nines = points.map((p) => p.nines).concat(targetNines === null ? [] : [targetNines]);
  const xLo = Math.min(...costs);
  const xHi = Math.max(...costs);
  const xPad = Math.max((xHi - xLo) * 0.08, xHi * 0.05, 1);
  const x0 = Math.max(0, xLo - xPad);
  const x1 = xHi + xPad;
  const y0 = Math.max(0, Math.floor(Math.min(...nines) * 2) / 2 - 0.5);
  const y1 = Math.ceil(Math.max(...nines) * 2) / 2 + 0.5;
  const sx = (v: number) => PAD.left + ((v - x0) / (x1 - x0)) * (WIDTH - PAD.left - PAD.right);
  const sy = (v: number) =>
    HEIGHT - PAD.bottom - ((v - y0) / (y1 - y0)) * (HEIGHT - PAD.top - PAD.bottom);
  const xStep = tickStep(x0, x1, 5);
  const frontier = paretoFrontier(points);
  const onFrontier = new Set(frontier.map((p) => p.id));
  return (
    <>
      <svg
        className="chart pareto-chart"
        data-testid="pareto-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label="Availability in nines against yearly infrastructure cost, with the Pareto frontier"
      >
        {ticks(y0, y1, 5).map((t) => (
          <g key={`y${t}`} className="chart__grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={sy(t)} y2={sy(t)} />
            <text x={PAD.left - 6} y={sy(t) + 4} textAnchor="end" className="chart__tick">
              {t.toFixed(1)}
            </text>
          </g>
        ))}
        {ticks(x0, x1, 5).map((t) => (
          <text
            key={`x${t}`}
            x={sx(t)}
            y={HEIGHT - PAD.bottom + 16}
            textAnchor="middle"
            className="chart__tick"
            data-testid="pareto-cost-tick"
          >
            {costTickLabel(t, xStep)}
          </text>
        ))}
        <line
          className="chart__axis"
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
        />
        <line
          className="chart__axis"
          x1={PAD.left}
          x2={PAD.left}
          y1={PAD.top}
          y2={HEIGHT - PAD.bottom}
        />
        <text
          x={(PAD.left + WIDTH - PAD.right) / 2}
          y={HEIGHT - 8}
          textAnchor="middle"
          className="chart__label"
        >
          Yearly infrastructure cost (USD)
        </text>
        <text
          transform={`translate(14 ${(PAD.top + HEIGHT - PAD.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="chart__label"
        >
          Nines
        </text>
        {targetNines !== null && (
          <g className="chart__target">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={sy(targetNines)} y2={sy(targetNines)} />
            <text x={WIDTH - PAD.right} y={sy(targetNines) - 4} textAnchor="end">
              target {formatNines(targetNines, { bare: true })}
            </text>
          </g>
        )}
        <polyline
          className="chart__frontier"
          data-testid="pareto-frontier"
          points={frontier.map((p) => `${sx(p.yearlyInfrastructureUsd)},${sy(p.nines)}`).join(' ')}
        />
        {points.map((p) => (
          <g
            key={p.id}
            className={`chart__point${onFrontier.has(p.id) ? ' is-frontier' : ''}${p.id === recommendedId ? ' is-recommended' : ''}`}
            data-testid={`pareto-point-${p.id}`}
          >
            <title>{`${p.name}: ${formatNines(p.nines)}, ${formatUsd(p.yearlyInfrastructureUsd)} a year${p.isComplete ? '' : ' (at least)'}`}</title>
            {p.id === recommendedId && (
              <circle
                cx={sx(p.yearlyInfrastructureUsd)}
                cy={sy(p.nines)}
                r={9}
                className="chart__ring"
              />
            )}
            <circle cx={sx(p.yearlyInfrastructureUsd)} cy={sy(p.nines)} r={4.5} />
            <text
              x={sx(p.yearlyInfrastructureUsd)}
              y={sy(p.nines) - 13}
              textAnchor="middle"
              className="chart__point-label"
            >
              {p.rank}
            </text>
          </g>
        ))}
      </svg>
      <ChartTable
        caption="Availability in nines against yearly infrastructure cost, by variant"
        headers={[
          'Variant',
          'Availability',
          'Yearly infrastructure cost',
          'On the Pareto frontier',
        ]}
        rows={paretoRows(points, recommendedId)}
        testId="pareto-table"
      />
    </>
  );
}
