import { useEffect, useRef, useState } from 'react';
import {
  priceLabel,
  sensitivityKey,
  type CostSensitivityBar,
  type EventImportance,
  type FailureParameter,
  type PriceParameter,
  type Sensitivity,
  type SensitivityBar,
  type SensitivityParameter,
} from '../../../shared/engine';
import { exportFileStem } from '../app/file-names';
import { derivedEventLabel } from '../../../shared/model/nodes';
import type { Variant } from '../../../shared/model/types';
import { displayName } from '../canvas/describe';
import { useResults } from '../hooks/useResults';
import { usePlanner, usePlannerStore } from '../store/context';
import { isSameTopology } from '../store/results';
import { sensitivityWorkerOf, type SensitivityState } from '../store/sensitivity';
import { selectActiveVariant } from '../store/selectors';
import '../styles/compare.css';
import { WideChartSlot } from '../layout';
import { ChartExport } from './ChartExport';
import { ChartTable } from './ChartTable';
import {
  formatAvailability,
  formatMinutesPerYear,
  formatNumber,
  formatShare,
  formatUnitPrice,
  formatUsd,
  withUnit,
} from '../../../shared/text';

/** Bars shown: the widest swings; the rest move the figure less. */
const MAX_BARS = 10;
/** Events listed under "improve this first". */
const MAX_IMPORTANT = 5;

type AnyParameter = SensitivityParameter<FailureParameter | PriceParameter>;

const PARAMETER_LABELS: Record<FailureParameter | PriceParameter, string> = {
  mtbfHours: 'MTBF',
  mttrHours: 'MTTR',
  availability: 'availability',
  usd: 'price',
  hourlyUsd: 'hourly price',
  monthlyUsd: 'monthly price',
  licenseMonthlyUsd: 'licence',
};

/** How a chart names a node (its display name) by id; regions name links. */
type NameOf = (nodeId: string) => string;

/** A bar's parameter for a person: `app · MTBF`, `link us-east-1 ↔ eu-west-1 · MTTR`,
 * `m7i.large us-east-1 hourly price`. */
export function parameterLabel(bar: AnyParameter, name: NameOf): string {
  const { subject } = bar;
  if (subject.kind === 'price') return priceLabel(subject.key, subject.unit);
  const what =
    subject.kind === 'link' ? `link ${name(subject.a)} ↔ ${name(subject.b)}` : name(subject.nodeId);
  return `${what} · ${PARAMETER_LABELS[bar.parameter]}`;
}

function formatValue(bar: AnyParameter, value: number): string {
  switch (bar.parameter) {
    case 'availability':
      return formatAvailability(value);
    case 'mtbfHours':
    case 'mttrHours':
      return withUnit(formatNumber(value), 'h');
    default:
      // Prices per hour or per GB are fractions of a cent apart: up to four decimals.
      return value >= 100 ? formatUsd(value) : formatUnitPrice(value);
  }
}

/** Average width of a character of the chart's 11 px labels, in viewBox units. */
const CHAR_WIDTH = 6.2;

/** `text` cut to fit `width` viewBox units; the full text is in the bar's tooltip. */
function fit(text: string, width: number): string {
  const chars = Math.floor(width / CHAR_WIDTH);
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}

/** A yearly cost as the cost tornado shows it: `$12,345/yr`. */
function formatUsdPerYear(usd: number): string {
  return `${formatUsd(usd)}/yr`;
}

/** One tornado: its bars (widest first), the figure's base value and how to print it. */
export interface TornadoSpec {
  readonly kind: 'downtime' | 'cost';
  readonly base: number;
  readonly bars: readonly { bar: AnyParameter; atLow: number; atHigh: number }[];
  readonly format: (value: number) => string;
  readonly label: string;
}

function downtimeSpec(result: Sensitivity): TornadoSpec {
  return {
    kind: 'downtime',
    base: result.baseDowntime,
    bars: result.bars.map((b: SensitivityBar) => ({
      bar: b,
      atLow: b.downtimeAtLow,
      atHigh: b.downtimeAtHigh,
    })),
    format: formatMinutesPerYear,
    label: 'Downtime per year for each failure parameter at ±50 %',
  };
}

function costSpec(result: Sensitivity): TornadoSpec {
  return {
    kind: 'cost',
    base: result.baseYearlyCost ?? 0,
    bars: result.costBars.map((b: CostSensitivityBar) => ({
      bar: b,
      atLow: b.yearlyCostAtLow,
      atHigh: b.yearlyCostAtHigh,
    })),
    format: formatUsdPerYear,
    label:
      'Yearly cost (12 × monthly + expected downtime cost) for each failure and price parameter at ±50 %',
  };
}

/**
 * The tornado's numbers, one row per bar drawn (widest swing first): the parameter and its value
 * in the design, the figure with the parameter scaled down and up (each with the value it takes),
 * and the swing between them.
 */
export function tornadoRows(spec: TornadoSpec, name: NameOf): string[][] {
  return spec.bars
    .slice(0, MAX_BARS)
    .map(({ bar, atLow, atHigh }) => [
      `${parameterLabel(bar, name)} (${formatValue(bar, bar.baseValue)})`,
      `${formatValue(bar, bar.lowValue)}: ${spec.format(atLow)}`,
      `${formatValue(bar, bar.highValue)}: ${spec.format(atHigh)}`,
      spec.format(Math.abs(atHigh - atLow)),
    ]);
}

/**
 * A tornado: one row per parameter, widest swing first, its full name above a bar spanning the
 * figure at the parameter's two ends around the design's own (the vertical line). Darker end: the
 * parameter scaled down; lighter: scaled up. Labels longer than the width allows are cut, whole in
 * the bar's tooltip.
 */
export function TornadoChart({
  spec,
  name,
  width = 330,
}: {
  spec: TornadoSpec;
  name: NameOf;
  /** Width in viewBox units: 330 scaled to the column, the area's px in the wide area. */
  width?: number | undefined;
}) {
  const bars = spec.bars.slice(0, MAX_BARS);
  if (bars.length === 0) {
    return (
      <p className="panel__empty">
        {spec.kind === 'downtime'
          ? 'No failure parameter moves the downtime.'
          : 'No price or failure parameter moves the yearly cost.'}
      </p>
    );
  }
  const rowHeight = 30;
  const pad = 6;
  const height = bars.length * rowHeight + 20;
  const lo = Math.min(spec.base, ...bars.map((b) => Math.min(b.atLow, b.atHigh)));
  const hi = Math.max(spec.base, ...bars.map((b) => Math.max(b.atLow, b.atHigh)));
  const span = hi - lo || 1;
  const x = (value: number) => pad + ((value - lo) / span) * (width - 2 * pad);
  const base = x(spec.base);
  const baseText = spec.format(spec.base);
  return (
    <>
      <svg
        className="chart tornado"
        data-testid="tornado-chart"
        data-kind={spec.kind}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={spec.label}
      >
        {bars.map(({ bar, atLow, atHigh }, i) => {
          const y = i * rowHeight;
          const label = parameterLabel(bar, name);
          const delta = `Δ ${spec.format(Math.abs(atHigh - atLow))}`;
          return (
            <g key={sensitivityKey(bar)} data-testid={`tornado-bar-${sensitivityKey(bar)}`}>
              <title>
                {`${label} ${formatValue(bar, bar.baseValue)}: ` +
                  `${formatValue(bar, bar.lowValue)} → ${spec.format(atLow)}, ` +
                  `${formatValue(bar, bar.highValue)} → ${spec.format(atHigh)}`}
              </title>
              <text x={pad} y={y + 11} className="chart__tick tornado__label">
                {fit(label, width - 2 * pad - CHAR_WIDTH * (delta.length + 2))}
              </text>
              <text x={width - pad} y={y + 11} textAnchor="end" className="chart__tick">
                {delta}
              </text>
              <rect
                className="tornado__low"
                x={Math.min(base, x(atLow))}
                y={y + 15}
                width={Math.max(1, Math.abs(x(atLow) - base))}
                height={11}
              />
              <rect
                className="tornado__high"
                x={Math.min(base, x(atHigh))}
                y={y + 15}
                width={Math.max(1, Math.abs(x(atHigh) - base))}
                height={11}
              />
            </g>
          );
        })}
        <line className="chart__axis" x1={base} x2={base} y1={12} y2={bars.length * rowHeight} />
        <text x={pad} y={height - 4} className="chart__tick">
          {spec.format(lo)}
        </text>
        {/* The design's own figure, unless it would run into an end's label. */}
        {base - pad > CHAR_WIDTH * (spec.format(lo).length + baseText.length / 2 + 2) &&
          width - pad - base > CHAR_WIDTH * (spec.format(hi).length + baseText.length / 2 + 2) && (
            <text x={base} y={height - 4} textAnchor="middle" className="chart__tick">
              {baseText}
            </text>
          )}
        <text x={width - pad} y={height - 4} textAnchor="end" className="chart__tick">
          {spec.format(hi)}
        </text>
      </svg>
      <ChartTable
        caption={`${spec.label}; the design as it is: ${baseText}`}
        headers={['Parameter (its value)', 'Scaled down 50 %', 'Scaled up 50 %', 'Swing']}
        rows={tornadoRows(spec, name)}
        testId={`tornado-table-${spec.kind}`}
      />
    </>
  );
}

/** An event (`app#2`, `link:a|b`, `cause:deploy`, `app#ccf`) by the names of its nodes. */
function eventLabel(event: string, name: NameOf, variant: Variant): string {
  const common = derivedEventLabel(variant, event, name);
  if (common !== undefined) return common;
  if (event.startsWith('link:')) {
    const [a = '', b = ''] = event.slice(5).split('|');
    return `link ${name(a)} ↔ ${name(b)}`;
  }
  const [nodeId = event, instance] = event.split('#');
  return instance === undefined ? name(nodeId) : `${name(nodeId)} #${instance}`;
}

function ImprovementList({
  importance,
  name,
  variant,
}: {
  importance: readonly EventImportance[];
  name: NameOf;
  variant: Variant;
}) {
  const top = importance.filter((e) => e.fussellVesely > 0).slice(0, MAX_IMPORTANT);
  if (top.length === 0) return null;
  return (
    <ol className="improve-first" data-testid="improve-first">
      {top.map((e) => (
        <li key={e.event}>
          <span>{eventLabel(e.event, name, variant)}</span>
          <span
            className="num"
            title="Fussell–Vesely: share of the structural unavailability it takes part in; Birnbaum: how much availability depends on it"
          >
            FV {formatShare(e.fussellVesely)} · B {e.birnbaum.toPrecision(2)}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** The sensitivity worker's state for this window, requested while the panel is open and ended when it closes. */
function useSensitivity(
  isOpen: boolean,
): SensitivityState & { cancel: () => void; rerun: () => void } {
  const store = usePlannerStore();
  const document = usePlanner((s) => s.document);
  const variantId = usePlanner((s) => s.activeVariantId);
  const [state, setState] = useState<SensitivityState>({
    document: null,
    variantId: null,
    result: null,
    running: null,
    isCancelled: false,
  });
  useEffect(() => sensitivityWorkerOf(store).subscribe(setState), [store]);
  useEffect(() => {
    if (isOpen && document && variantId) sensitivityWorkerOf(store).request(document, variantId);
  }, [store, isOpen, document, variantId]);
  // Closing the panel (or leaving the window's design view) ends a run nobody will look at.
  useEffect(() => {
    if (!isOpen) return undefined;
    return () => sensitivityWorkerOf(store).cancel();
  }, [store, isOpen]);
  return {
    ...state,
    cancel: () => sensitivityWorkerOf(store).cancel(),
    rerun: () => {
      if (document && variantId) sensitivityWorkerOf(store).request(document, variantId);
    },
  };
}

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
