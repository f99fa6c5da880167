/**
 * Text for people, pure: numbers with their units (one precision rule, docs/conventions.md),
 * English lists, and telling the encoding of a file.
 */
export { NBSP, MINUS, grouped, fixed } from './digits';
export {
  withUnit,
  formatNumber,
  formatAvailability,
  formatNines,
  formatMinutesPerYear,
  formatDuration,
  formatInterval,
  formatUsd,
  formatSignedUsd,
  formatUnitPrice,
  formatShare,
  plural,
  formatCount,
  formatRate,
  formatGiB,
  formatBytes,
} from './quantities';
export { capitalise, ellipsized, listOf } from './words';
export * from './encoding';
export { printable } from './terminal';
export { scenarioTime, type TimeFigure } from './scenario-time';
