/**
 * What a tornado shows, before it is drawn: its bars from the sensitivity result (downtime per
 * year, or yearly cost), how each parameter and value reads, and the rows of the table behind
 * the chart.
 */
import {
  priceLabel,
  type CostSensitivityBar,
  type FailureParameter,
  type PriceParameter,
  type Sensitivity,
  type SensitivityBar,
  type SensitivityParameter,
} from '../../../../shared/engine';
import {
  formatAvailability,
  formatMinutesPerYear,
  formatNumber,
  formatUnitPrice,
  formatUsd,
  withUnit,
} from '../../../../shared/text';

/** Bars shown: the widest swings; the rest move the figure less. */
export const MAX_BARS = 10;

/** A bar's parameter: a failure parameter or a price. */
export type AnyParameter = SensitivityParameter<FailureParameter | PriceParameter>;

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
export type NameOf = (nodeId: string) => string;

/** A bar's parameter for a person: `app · MTBF`, `link us-east-1 ↔ eu-west-1 · MTTR`,
 * `m7i.large us-east-1 hourly price`. */
export function parameterLabel(bar: AnyParameter, name: NameOf): string {
  const { subject } = bar;
  if (subject.kind === 'price') return priceLabel(subject.key, subject.unit);
  const what =
    subject.kind === 'link' ? `link ${name(subject.a)} ↔ ${name(subject.b)}` : name(subject.nodeId);
  return `${what} · ${PARAMETER_LABELS[bar.parameter]}`;
}

/** A parameter's value as the chart prints it. */
export function formatValue(bar: AnyParameter, value: number): string {
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

/** A yearly cost as the cost tornado shows it: `$12,345/yr`. */
export function formatUsdPerYear(usd: number): string {
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

/** The tornado of downtime per year. */
export function downtimeSpec(result: Sensitivity): TornadoSpec {
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

/** The tornado of yearly cost. */
export function costSpec(result: Sensitivity): TornadoSpec {
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
