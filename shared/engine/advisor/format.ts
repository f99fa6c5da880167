/** How the advisor writes numbers in its messages (and the CLI in its list). */
import type { Finding } from './types';

/** 0.9999851 → "99.99851 %": enough digits to tell the figures of a fix apart. */
export function percent(availability: number): string {
  return `${(availability * 100).toFixed(5)} %`;
}

/** Minutes per year with two decimals: "6.21 min/yr". */
export function minutesPerYear(minutes: number): string {
  return `${minutes.toFixed(2)} min/yr`;
}

/** A duration in s, min or h; "unbounded" for null. */
export function duration(seconds: number | null): string {
  if (seconds === null) return 'unbounded';
  if (seconds < 120) return `${+seconds.toFixed(3)} s`;
  if (seconds < 7200) return `${+(seconds / 60).toFixed(1)} min`;
  return `${+(seconds / 3600).toFixed(1)} h`;
}

/** A share of requests: 0.4 → "40 %", 0.99951 → "99.95 %". */
function share(x: number): string {
  return `${+(x * 100).toFixed(2)} %`;
}

/** USD with thousands separators and no cents: "$1,234". */
export function usd(amount: number): string {
  return `$${amount.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
}

/** A signed USD amount: "+$420", "−$35". */
export function signedUsd(amount: number): string {
  const rounded = Math.round(amount);
  return `${rounded < 0 ? '−' : '+'}${usd(Math.abs(rounded))}`;
}

/**
 * One line for a fix's effect, the same in the CLI, the app and the plan:
 * "99.99882 % → 99.99901 % (−1.02 min/yr), +$420/month; Corruption: RPO 24 h → 5 s". The cost
 * part is left out without a price book and says "priced items only" when something is
 * unpriced. A fix that is not a model operation is "not measured", with the ceiling of a single
 * point of failure that no model change removes: "not measured; at most 99.99900 % while it
 * stays".
 */
export function effectSummary(finding: Pick<Finding, 'effect' | 'availabilityCeiling'>): string {
  const { effect, availabilityCeiling } = finding;
  if (effect === null) {
    return availabilityCeiling === null
      ? 'not measured'
      : `not measured; at most ${percent(availabilityCeiling)} while it stays`;
  }
  const minutes = effect.downtimeMinutesAfter - effect.downtimeMinutesBefore;
  const sign = minutes < 0 ? '−' : '+';
  const availability =
    minutes !== 0
      ? `${percent(effect.availabilityBefore)} → ${percent(effect.availabilityAfter)} (${sign}${Math.abs(minutes).toFixed(2)} min/yr)`
      : `availability unchanged (${percent(effect.availabilityBefore)})`;
  const bound = effect.isCostComplete ? '' : ' (priced items only)';
  const cost =
    effect.monthlyCostDelta === null || (effect.monthlyCostDelta === 0 && minutes === 0)
      ? ''
      : `, ${signedUsd(effect.monthlyCostDelta)}/month${bound}`;
  const scenarios = effect.scenarios.map((s) => {
    const parts = [
      s.survivesBefore === s.survivesAfter
        ? ''
        : s.survivesAfter
          ? 'survives'
          : 'no longer survives',
      s.capacityShareBefore === s.capacityShareAfter || !s.survivesAfter
        ? ''
        : `${share(s.capacityShareBefore)} → ${share(s.capacityShareAfter)} of requests served`,
      s.rtoSecondsBefore === s.rtoSecondsAfter
        ? ''
        : `RTO ${duration(s.rtoSecondsBefore)} → ${duration(s.rtoSecondsAfter)}`,
      s.rpoSecondsBefore === s.rpoSecondsAfter
        ? ''
        : `RPO ${duration(s.rpoSecondsBefore)} → ${duration(s.rpoSecondsAfter)}`,
      s.meetsTargetsAfter && !s.meetsTargetsBefore ? 'meets the targets' : '',
    ].filter((p) => p !== '');
    return `; ${s.name}: ${parts.join(', ')}`;
  });
  return `${availability}${cost}${scenarios.join('')}`;
}
