import { useRef, useState } from 'react';
import { exportFileStem } from '../../app/file-names';
import { displayName } from '../../canvas/describe';
import { useResults } from '../../hooks/useResults';
import { WideChartSlot } from '../../layout';
import { usePlanner } from '../../store/context';
import { isSameTopology } from '../../store/results';
import { selectActiveVariant } from '../../store/selectors';
import { formatMinutesPerYear, formatNumber } from '../../../../shared/text';
import { ChartExport } from '../ChartExport';
import { ImprovementList } from './ImprovementList';
import { TornadoChart } from './TornadoChart';
import { costSpec, downtimeSpec, formatUsdPerYear } from './tornado-spec';
import { useSensitivity } from './useSensitivity';

/**
 * Sensitivity of the active variant, opened on demand and computed in a Web Worker (each bar end
 * is a full evaluation) with progress and Cancel: the tornado of downtime per year or of yearly
 * cost (a toggle), and the importance ranking as "improve this first".
 */
export function SensitivityPanel() {
  const document = usePlanner((s) => s.document);
  const variant = usePlanner(selectActiveVariant);
  const results = useResults();
  const [isOpen, setOpen] = useState(false);
  const [figure, setFigure] = useState<'downtime' | 'cost'>('downtime');
  const run = useSensitivity(isOpen);
  const chartRef = useRef<HTMLDivElement>(null);
  if (!document || !variant) return null;
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const name = (id: string) => {
    const node = byId.get(id);
    return node ? displayName(node) : id;
  };
  const isSameVariant = run.variantId === variant.id && run.document !== null;
  const isCurrent =
    isSameVariant && run.document !== null && isSameTopology(run.document, document);
  const { running } = run;
  return (
    <details
      className="field-group sensitivity"
      data-testid="sensitivity"
      open={isOpen}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="field-group__title">Sensitivity · improve this first</summary>
      {isOpen && (
        <WideChartSlot chart="sensitivity">
          {(wideWidth) => (
            <div
              className={wideWidth === undefined ? undefined : 'sensitivity is-wide'}
              data-testid={wideWidth === undefined ? undefined : 'sensitivity-wide'}
            >
              <div className="sensitivity__figure" role="group" aria-label="Tornado of">
                {(
                  [
                    ['downtime', 'Downtime / yr'],
                    ['cost', 'Yearly cost'],
                  ] as const
                ).map(([value, label]) => (
                  <button
                    key={value}
                    type="button"
                    className="button"
                    aria-pressed={figure === value}
                    onClick={() => setFigure(value)}
                  >
                    {label}
                  </button>
                ))}
              </div>
              {running && (
                <div className="sensitivity__progress" data-testid="sensitivity-progress">
                  <progress
                    className="simulation__progress"
                    max={running.total || 1}
                    value={running.done}
                    aria-label="Sensitivity: evaluations done"
                  />
                  <span className="num">
                    {running.total > 0
                      ? `${formatNumber(running.done)} of ${formatNumber(running.total)} evaluations`
                      : 'Starting…'}
                  </span>
                  <button type="button" className="button" onClick={run.cancel}>
                    Cancel
                  </button>
                </div>
              )}
              {!running && run.isCancelled && (
                <p className="panel__empty" data-testid="sensitivity-cancelled">
                  Cancelled.{' '}
                  <button type="button" className="button" onClick={run.rerun}>
                    Run again
                  </button>
                </p>
              )}
              {isSameVariant && run.result ? (
                <div className={isCurrent ? undefined : 'is-pending'}>
                  {figure === 'cost' && (
                    <p className="sensitivity__note">
                      Yearly cost = 12 × monthly + expected downtime cost; bars for each price the
                      design uses and each failure parameter.
                    </p>
                  )}
                  <p className="sensitivity__note">
                    <span className="tornado__swatch tornado__low-swatch" /> parameter × 0.5
                    (unavailability ÷ 1.5) <span className="tornado__swatch tornado__high-swatch" />{' '}
                    × 1.5; the line is the design as it is (
                    {figure === 'cost' && run.result.baseYearlyCost !== null
                      ? formatUsdPerYear(run.result.baseYearlyCost)
                      : formatMinutesPerYear(run.result.baseDowntime)}
                    ).
                  </p>
                  <div ref={chartRef}>
                    <TornadoChart
                      spec={figure === 'cost' ? costSpec(run.result) : downtimeSpec(run.result)}
                      name={name}
                      width={wideWidth}
                    />
                  </div>
                  <ChartExport
                    chartRef={chartRef}
                    fileStem={exportFileStem(
                      document,
                      `sensitivity ${figure === 'cost' ? 'yearly cost' : 'downtime'}`,
                      variant.id,
                    )}
                  />
                </div>
              ) : (
                isCurrent &&
                !running && <p className="panel__empty">The variant cannot be evaluated.</p>
              )}
              {results && (
                <ImprovementList importance={results.importance} name={name} variant={variant} />
              )}
            </div>
          )}
        </WideChartSlot>
      )}
    </details>
  );
}
