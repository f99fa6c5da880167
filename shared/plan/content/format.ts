/**
 * Kept only for e2e/plan.spec.ts, which imports `duration` and `usd` from here: the plan's
 * numbers are written by shared/text (docs/conventions.md). Delete this file once the spec
 * imports `formatDuration` and `formatUsd` from shared/text.
 */
export { formatDuration as duration, formatUsd as usd } from '../../text';
