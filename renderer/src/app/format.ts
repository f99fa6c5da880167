/**
 * Kept only for e2e/compare.spec.ts, which imports these names from here: the planner's numbers
 * are written by shared/text (docs/conventions.md). Delete this file once the spec imports them
 * from shared/text.
 */
export { formatDuration, formatNumber, formatUsd } from '../../../shared/text';
