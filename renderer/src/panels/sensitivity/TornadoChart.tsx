/** The tornado chart: its bars drawn as SVG, with the table of its numbers under it. */
import { sensitivityKey } from '../../../../shared/engine';
import '../../styles/compare.css';
import { ChartTable } from '../ChartTable';
import {
  MAX_BARS,
  type NameOf,
  type TornadoSpec,
  formatValue,
  parameterLabel,
  tornadoRows,
} from './tornado-spec';

/** Average width of a character of the chart's 11 px labels, in viewBox units. */
const CHAR_WIDTH = 6.2;

/** `text` cut to fit `width` viewBox units; the full text is in the bar's tooltip. */
function fit(text: string, width: number): string {
  const chars = Math.floor(width / CHAR_WIDTH);
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
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
