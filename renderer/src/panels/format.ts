/**
 * How the results panels print availability and yearly downtime (ResultsPanel, SimulationPanel,
 * TornadoChart, CompareView). Moved out of ResultsPanel.tsx, which the others imported while it
 * imported them (an import cycle); unchanged otherwise.
 */
import { formatNumber } from '../app/format';

/** Availability as the results show it: four decimals of a percent, `99.9990 %`. */
export function formatAvailability(probability: number): string {
  return `${(probability * 100).toFixed(4)} %`;
}

/** Minutes a year as the results show them: `5.2 min/yr`, `0.04 min/yr`, `3.1 h/yr`. */
export function formatMinutesPerYear(minutes: number): string {
  if (minutes >= 120) return `${formatNumber(minutes / 60)} h/yr`;
  const digits = minutes >= 10 ? 0 : minutes >= 1 ? 1 : 2;
  return `${minutes.toFixed(digits)} min/yr`;
}
