/** How numbers read in the planner: units spelled out, thin separators, tabular figures in CSS. */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A plain number with thousands separators and at most two decimals: `17,520`, `0.25`. */
export function formatNumber(value: number): string {
  return grouped.format(value);
}

/**
 * A probability as a percentage with every significant nine kept: 0.9999 → `99.99 %`,
 * 0.99999 → `99.999 %`, 0.5 → `50 %`.
 */
export function formatPercent(probability: number): string {
  const percent = probability * 100;
  const text = percent.toFixed(6).replace(/\.?0+$/, '');
  return `${text} %`;
}

/** A duration in seconds in the unit a person would use: `45 s`, `5 min`, `4 h`, `7 d`. */
export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${formatNumber(seconds)} s`;
  if (seconds < 3600) return `${formatNumber(seconds / 60)} min`;
  if (seconds < 2 * 86400) return `${formatNumber(seconds / 3600)} h`;
  return `${formatNumber(seconds / 86400)} d`;
}

/** US dollars: `$50,000`, `$0.12`. */
export function formatUsd(value: number): string {
  return `$${formatNumber(value)}`;
}
