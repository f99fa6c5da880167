import { useRef, useState } from 'react';
import {
  sensitivity,
  type EventImportance,
  type Sensitivity,
  type SensitivityBar,
} from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import { formatNumber, formatPercent } from '../app/format';
import { displayName } from '../canvas/describe';
import { useResults, WORKER_NODE_THRESHOLD } from '../hooks/useResults';
import { usePlanner } from '../store/context';
import { isSameTopology } from '../store/results';
import { selectActiveVariant } from '../store/selectors';
import '../styles/compare.css';
import { ChartExport } from './ChartExport';
import { formatMinutesPerYear } from './ResultsPanel';

/** Bars shown: the widest swings; the rest move the downtime less. */
const MAX_BARS = 10;
/** Events listed under "improve this first". */
const MAX_IMPORTANT = 5;

const PARAMETER_LABELS: Record<SensitivityBar['parameter'], string> = {
  mtbfHours: 'MTBF',
  mttrHours: 'MTTR',
  availability: 'availability',
};

/** A name cut to fit the tornado's label column; the full name is in the bar's tooltip. */
function shorten(text: string): string {
  return text.length > 16 ? `${text.slice(0, 15)}…` : text;
}

function formatValue(bar: SensitivityBar, value: number): string {
  return bar.parameter === 'availability' ? formatPercent(value) : `${formatNumber(value)} h`;
}

/**
 * Downtime per year when each failure parameter of the variant moves ±50 % (tornado): one row per
 * parameter, widest first, the bar spanning the two downtimes around the design's own (the
 * vertical line). Darker end: the parameter scaled down; lighter: scaled up.
 */
export function TornadoChart({
  result,
  name,
}: {
  result: Sensitivity;
  name: (nodeId: string) => string;
}) {
  const bars = result.bars.filter((b) => b.swing > 0).slice(0, MAX_BARS);
  if (bars.length === 0) {
    return <p className="panel__empty">No failure parameter moves the downtime.</p>;
  }
  const rowHeight = 22;
  const labelWidth = 165;
  const width = 330;
  const height = bars.length * rowHeight + 24;
  const lo = Math.min(
    result.baseDowntime,
    ...bars.map((b) => Math.min(b.downtimeAtLow, b.downtimeAtHigh)),
  );
  const hi = Math.max(
    result.baseDowntime,
    ...bars.map((b) => Math.max(b.downtimeAtLow, b.downtimeAtHigh)),
  );
  const span = hi - lo || 1;
  const x = (minutes: number) => labelWidth + ((minutes - lo) / span) * (width - labelWidth - 8);
  return (
    <svg
      className="chart tornado"
      data-testid="tornado-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="Downtime per year for each failure parameter at ±50 %"
    >
      {bars.map((b, i) => {
        const y = i * rowHeight + 4;
        const base = x(result.baseDowntime);
        return (
          <g
            key={`${b.nodeId}-${b.parameter}`}
            data-testid={`tornado-bar-${b.nodeId}-${b.parameter}`}
          >
            <title>
              {`${name(b.nodeId)} ${PARAMETER_LABELS[b.parameter]} ${formatValue(b, b.baseValue)}: ` +
                `${formatValue(b, b.lowValue)} → ${formatMinutesPerYear(b.downtimeAtLow)}, ` +
                `${formatValue(b, b.highValue)} → ${formatMinutesPerYear(b.downtimeAtHigh)}`}
            </title>
            <text x={labelWidth - 6} y={y + 12} textAnchor="end" className="chart__tick">
              {`${shorten(name(b.nodeId))} · ${PARAMETER_LABELS[b.parameter]}`}
            </text>
            <rect
              className="tornado__low"
              x={Math.min(base, x(b.downtimeAtLow))}
              y={y}
              width={Math.abs(x(b.downtimeAtLow) - base)}
              height={rowHeight - 6}
            />
            <rect
              className="tornado__high"
              x={Math.min(base, x(b.downtimeAtHigh))}
              y={y}
              width={Math.abs(x(b.downtimeAtHigh) - base)}
              height={rowHeight - 6}
            />
          </g>
        );
      })}
      <line
        className="chart__axis"
        x1={x(result.baseDowntime)}
        x2={x(result.baseDowntime)}
        y1={0}
        y2={bars.length * rowHeight}
      />
      <text x={labelWidth} y={height - 4} className="chart__tick">
        {formatMinutesPerYear(lo)}
      </text>
      <text x={width - 8} y={height - 4} textAnchor="end" className="chart__tick">
        {formatMinutesPerYear(hi)}
      </text>
    </svg>
  );
}

/** An event (`app#2`, `link:a|b`) by the names of its nodes. */
function eventLabel(event: string, name: (nodeId: string) => string): string {
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
}: {
  importance: readonly EventImportance[];
  name: (nodeId: string) => string;
}) {
  const top = importance.filter((e) => e.fussellVesely > 0).slice(0, MAX_IMPORTANT);
  if (top.length === 0) return null;
  return (
    <ol className="improve-first" data-testid="improve-first">
      {top.map((e) => (
        <li key={e.event}>
          <span>{eventLabel(e.event, name)}</span>
          <span
            className="num"
            title="Fussell–Vesely: share of the structural unavailability it takes part in; Birnbaum: how much availability depends on it"
          >
            FV {formatNumber(e.fussellVesely * 100)} % · B {e.birnbaum.toPrecision(2)}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** `sensitivity` that reuses its last result while the topology and the variant stay the same. */
function createSensitivityMemo(): (
  document: NinesDocument,
  variantId: string,
) => Sensitivity | null {
  let last: { document: NinesDocument; variantId: string; result: Sensitivity | null } | undefined;
  return (document, variantId) => {
    if (last && last.variantId === variantId && isSameTopology(last.document, document)) {
      return last.result;
    }
    const result = sensitivity(document, variantId);
    last = { document, variantId, result };
    return result;
  };
}

/**
 * Sensitivity of the active variant, opened on demand (each bar takes two evaluations): the
 * tornado of yearly downtime and the importance ranking as "improve this first".
 */
export function SensitivityPanel() {
  const document = usePlanner((s) => s.document);
  const variant = usePlanner(selectActiveVariant);
  const results = useResults();
  const [isOpen, setOpen] = useState(false);
  const [memo] = useState(createSensitivityMemo);
  const chartRef = useRef<HTMLDivElement>(null);
  if (!document || !variant) return null;
  const isTooLarge = variant.nodes.length > WORKER_NODE_THRESHOLD;
  const result = isOpen && !isTooLarge ? memo(document, variant.id) : null;
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const name = (id: string) => {
    const node = byId.get(id);
    return node ? displayName(node) : id;
  };
  return (
    <details
      className="field-group sensitivity"
      data-testid="sensitivity"
      open={isOpen}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="field-group__title">Sensitivity · improve this first</summary>
      {isOpen && (
        <>
          {isTooLarge ? (
            <p className="panel__empty">
              Computed for designs of up to {WORKER_NODE_THRESHOLD} nodes: each bar evaluates the
              whole design twice.
            </p>
          ) : result ? (
            <>
              <div ref={chartRef}>
                <TornadoChart result={result} name={name} />
              </div>
              <ChartExport chartRef={chartRef} fileStem={`${variant.name} - sensitivity`} />
            </>
          ) : (
            <p className="panel__empty">The variant cannot be evaluated.</p>
          )}
          {results && <ImprovementList importance={results.importance} name={name} />}
        </>
      )}
    </details>
  );
}
