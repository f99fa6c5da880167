/** One line for a fix's effect, the same in the CLI and the app (numbers through shared/text). */
import {
  formatAvailability,
  formatDuration,
  formatMinutesPerYear,
  formatShare,
  formatSignedUsd,
  MINUS,
} from '../../text';
import type { Finding } from './types';

/** The most decimals of availability a before → after pair is given to tell its figures apart. */
const MAX_PAIR_DIGITS = 6;

/**
 * A before → after pair of availabilities with the rule's 4 decimals, or more (up to 6) when 4
 * would print the two figures the same: "99.9988 % → 99.99885 %" never reads as no change
 * (docs/conventions.md).
 */
function availabilityPair(before: number, after: number): string {
  let digits = 4;
  while (
    digits < MAX_PAIR_DIGITS &&
    formatAvailability(before, { digits }) === formatAvailability(after, { digits })
  ) {
    digits += 1;
  }
  return `${formatAvailability(before, { digits })} → ${formatAvailability(after, { digits })}`;
}

/**
 * One line for a fix's effect, the same in the CLI and the app:
 * "99.9988 % → 99.9990 % (−1.02 min/yr), +$420/month; Corruption: RPO 24 h → 5 s". The cost
 * part is left out without a price book and says "priced items only" when something is
 * unpriced. A fix that is not a model operation is "not measured", with the ceiling of a single
 * point of failure that no model change removes: "not measured; at most 99.9990 % while it
 * stays".
 */
export function effectSummary(finding: Pick<Finding, 'effect' | 'availabilityCeiling'>): string {
  const { effect, availabilityCeiling } = finding;
  if (effect === null) {
    return availabilityCeiling === null
      ? 'not measured'
      : `not measured; at most ${formatAvailability(availabilityCeiling)} while it stays`;
  }
  const minutes = effect.downtimeMinutesAfter - effect.downtimeMinutesBefore;
  const sign = minutes < 0 ? MINUS : '+';
  const availability =
    minutes !== 0
      ? `${availabilityPair(effect.availabilityBefore, effect.availabilityAfter)} (${sign}${formatMinutesPerYear(Math.abs(minutes), { digits: 2 })})`
      : `availability unchanged (${formatAvailability(effect.availabilityBefore)})`;
  const bound = effect.isCostComplete ? '' : ' (priced items only)';
  const cost =
    effect.monthlyCostDelta === null || (effect.monthlyCostDelta === 0 && minutes === 0)
      ? ''
      : `, ${formatSignedUsd(effect.monthlyCostDelta)}/month${bound}`;
  const scenarios = effect.scenarios.map((s) => {
    const parts = [
      s.survivesBefore === s.survivesAfter
        ? ''
        : s.survivesAfter
          ? 'survives'
          : 'no longer survives',
      s.capacityShareBefore === s.capacityShareAfter || !s.survivesAfter
        ? ''
        : `${formatShare(s.capacityShareBefore)} → ${formatShare(s.capacityShareAfter)} of requests served`,
      s.rtoSecondsBefore === s.rtoSecondsAfter
        ? ''
        : `RTO ${formatDuration(s.rtoSecondsBefore)} → ${formatDuration(s.rtoSecondsAfter)}`,
      s.rpoSecondsBefore === s.rpoSecondsAfter
        ? ''
        : `RPO ${formatDuration(s.rpoSecondsBefore)} → ${formatDuration(s.rpoSecondsAfter)}`,
      s.meetsTargetsAfter && !s.meetsTargetsBefore ? 'meets the targets' : '',
    ].filter((p) => p !== '');
    return `; ${s.name}: ${parts.join(', ')}`;
  });
  return `${availability}${cost}${scenarios.join('')}`;
}
