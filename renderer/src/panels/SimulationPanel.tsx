import { Play, Square } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { DowntimeBin, SimulatedVariant } from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import {
  formatAvailability,
  formatCount,
  formatMinutesPerYear,
  formatNumber,
  formatShare,
} from '../../../shared/text';
import { usePlanner } from '../store/context';
import { selectIsEmptyDesign } from '../store/selectors';
import { isSameTopology } from '../store/results';
import type { SimulationMessage, SimulationRequest } from '../store/simulation.worker';
import { WideChartSlot } from '../layout';
import { ChartTable } from './ChartTable';
import '../styles/compare.css';

/** Years a run can simulate; the CLI's default (10,000) first. */
const YEAR_CHOICES = [10_000, 100_000, 1_000_000] as const;
/** The CLI's default seed, so that a run here equals `nines simulate --years N`. */
const SEED = 1;

type Run =
  | { readonly status: 'idle' }
  | {
      readonly status: 'running';
      readonly runId: number;
      readonly years: number;
      readonly fraction: number;
    }
  | {
      readonly status: 'done';
      readonly document: NinesDocument;
      readonly variantId: string;
      readonly years: number;
      readonly isCancelled: boolean;
      readonly result: SimulatedVariant | undefined;
    };

/** Minutes as a short axis label: `1m`, `15m`, `4h`, `1d`. */
function shortMinutes(minutes: number): string {
  if (minutes >= 1440) return `${formatNumber(minutes / 1440)}d`;
  if (minutes >= 60) return `${formatNumber(minutes / 60)}h`;
  return `${formatNumber(minutes)}m`;
}

/** A bin as its axis label: `0`, `≤5m`, `≤4h`, `>1d`. */
function binLabel(bins: readonly DowntimeBin[], i: number): string {
  const bound = bins[i]?.upToMinutes;
  if (bound === 0) return '0';
  if (bound === null || bound === undefined) {
    return `>${shortMinutes(bins[i - 1]?.upToMinutes ?? 0)}`;
  }
  return `≤${shortMinutes(bound)}`;
}

/** The histogram's numbers, one row per bar: its bin, the years in it and their share. */
export function histogramRows(bins: readonly DowntimeBin[], years: number): string[][] {
  return bins.map((bin, i) => [
    binLabel(bins, i),
    formatCount(bin.years, 'year'),
    formatShare(bin.years / years),
  ]);
}

/**
 * The yearly-downtime histogram: one bar per bin, heights as shares of the simulated years;
 * `width` px wide (drawn at its own size in the wide area), 280 units scaled to the column else.
 */
export function Histogram({
  bins,
  years,
  width = 280,
}: {
  bins: readonly DowntimeBin[];
  years: number;
  width?: number | undefined;
}) {
  const height = width > 280 ? Math.min(240, Math.round(width * 0.25)) : 90;
  const barWidth = width / bins.length;
  const top = Math.max(...bins.map((b) => b.years), 1);
  const rows = histogramRows(bins, years);
  return (
    <>
      <svg
        className="chart histogram"
        data-testid="simulation-histogram"
        viewBox={`0 0 ${width} ${height + 28}`}
        role="img"
        aria-label="Simulated years by downtime, minutes per year"
      >
        {bins.map((bin, i) => {
          const h = (bin.years / top) * height;
          return (
            <g key={binLabel(bins, i)}>
              <title>{`${rows[i]?.[0] ?? ''}: ${rows[i]?.[1] ?? ''} (${rows[i]?.[2] ?? ''})`}</title>
              <rect
                className="histogram__bar"
                x={i * barWidth + 3}
                y={height - h}
                width={barWidth - 6}
                height={h}
              />
              <text
                x={(i + 0.5) * barWidth}
                y={height + 12}
                textAnchor="middle"
                className="chart__tick"
              >
                {binLabel(bins, i)}
              </text>
            </g>
          );
        })}
        <text x={width / 2} y={height + 26} textAnchor="middle" className="chart__label">
          downtime in a year
        </text>
      </svg>
      <ChartTable
        caption="Simulated years by downtime in a year"
        headers={['Downtime in a year', 'Years', 'Share of the years']}
        rows={rows}
        testId="simulation-histogram-table"
      />
    </>
  );
}

/**
 * The Monte Carlo simulation of the active variant, run in a Web Worker (`simulation.worker.ts`)
 * with a progress bar and Cancel: the mean availability with its 95 % interval beside the exact
 * figure, and a histogram of yearly downtime. A result is shown only while the topology it was
 * run on is unchanged.
 */
export function SimulationPanel() {
  const document = usePlanner((s) => s.document);
  const variantId = usePlanner((s) => s.activeVariantId);
  const isEmpty = usePlanner(selectIsEmptyDesign);
  const [years, setYears] = useState<number>(YEAR_CHOICES[0]);
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);
  const nextRunId = useRef(0);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  if (!document || !variantId) return null;

  const start = () => {
    if (!worker.current) {
      worker.current = new Worker(new URL('../store/simulation.worker.ts', import.meta.url), {
        type: 'module',
      });
    }
    nextRunId.current += 1;
    const runId = nextRunId.current;
    const ranOn = { document, variantId, years };
    worker.current.onmessage = (event: MessageEvent<SimulationMessage>) => {
      const message = event.data;
      if (message.runId !== runId) return;
      if (message.type === 'progress') {
        setRun((r) => (r.status === 'running' ? { ...r, fraction: message.fraction } : r));
      } else {
        setRun({
          status: 'done',
          ...ranOn,
          isCancelled: message.report.cancelled,
          result: message.report.variants[0],
        });
      }
    };
    const request: SimulationRequest = {
      type: 'run',
      runId,
      document,
      variantId,
      years,
      seed: SEED,
    };
    worker.current.postMessage(request);
    setRun({ status: 'running', runId, years, fraction: 0 });
  };

  const cancel = () => {
    if (run.status !== 'running' || !worker.current) return;
    const request: SimulationRequest = { type: 'cancel', runId: run.runId };
    worker.current.postMessage(request);
  };

  const isCurrent =
    run.status === 'done' && run.variantId === variantId && isSameTopology(run.document, document);
  const result = isCurrent ? run.result : undefined;
  return (
    <div className="field-group simulation" data-testid="simulation">
      <h3 className="field-group__title">Monte Carlo</h3>
      <WideChartSlot chart="simulation">
        {(wideWidth) => (
          <div
            className={wideWidth === undefined ? undefined : 'is-wide'}
            data-testid={wideWidth === undefined ? undefined : 'simulation-wide'}
          >
            <div className="simulation__controls">
              <select
                value={years}
                onChange={(e) => setYears(Number(e.target.value))}
                disabled={run.status === 'running'}
                aria-label="Simulated years"
              >
                {YEAR_CHOICES.map((y) => (
                  <option key={y} value={y}>
                    {formatCount(y, 'year')}
                  </option>
                ))}
              </select>
              {run.status === 'running' ? (
                <button type="button" className="tool" onClick={cancel}>
                  <Square size={13} aria-hidden /> Cancel
                </button>
              ) : (
                <button
                  type="button"
                  className="tool"
                  onClick={start}
                  disabled={isEmpty}
                  aria-describedby={isEmpty ? 'simulate-reason' : undefined}
                >
                  <Play size={13} aria-hidden /> Simulate
                </button>
              )}
            </div>
            {isEmpty && (
              <p className="panel__empty" id="simulate-reason" data-testid="simulate-reason">
                Nothing to simulate until the design has a component.
              </p>
            )}
            {run.status === 'running' && (
              <progress
                className="simulation__progress"
                data-testid="simulation-progress"
                max={1}
                value={run.fraction}
                aria-label={`Simulating ${formatCount(run.years, 'year')}`}
              />
            )}
            {run.status === 'done' && !isCurrent && (
              <p className="panel__empty">The design changed since the last run.</p>
            )}
            {isCurrent && run.isCancelled && (
              <p className="panel__empty" data-testid="simulation-cancelled">
                Cancelled after {formatNumber(result?.years ?? 0)} of{' '}
                {formatCount(run.years, 'year')}.
              </p>
            )}
            {isCurrent && result && result.mean !== null && result.ci95 && (
              <div data-testid="simulation-result">
                <div className="metric">
                  <span className="metric__label">Simulated</span>
                  <span className="metric__value num" data-testid="simulation-mean">
                    {formatAvailability(result.mean)}
                  </span>
                  <span className="metric__detail num">
                    {formatShare(0.95)} {formatAvailability(result.ci95[0])} –{' '}
                    {formatAvailability(result.ci95[1])}
                    {result.exact !== null && ` · exact ${formatAvailability(result.exact)}`}
                  </span>
                </div>
                {result.downtimeMinutesPerYear && (
                  <div className="metric">
                    <span className="metric__label">Downtime</span>
                    <span className="metric__detail num">
                      mean {formatMinutesPerYear(result.downtimeMinutesPerYear.mean)} · median{' '}
                      {formatMinutesPerYear(result.downtimeMinutesPerYear.p50)} · p99{' '}
                      {formatMinutesPerYear(result.downtimeMinutesPerYear.p99)}
                    </span>
                  </div>
                )}
                <Histogram bins={result.histogram} years={result.years} width={wideWidth} />
                <p className="simulation__note">
                  {formatCount(result.years, 'year')}, seed {SEED} (as `nines simulate`)
                </p>
              </div>
            )}
          </div>
        )}
      </WideChartSlot>
    </div>
  );
}
