/**
 * How long a basic event stays up and down in the simulation: its mean times from its
 * unavailability and failure frequency, and the changes of state a structure goes through per
 * hour (the simulation's work).
 */

/**
 * Mean repair time assumed for an event given only as an availability A, hours: such an event
 * alternates between down periods of mean 1 h and up periods of mean 1 h × A / (1 − A), so that
 * its steady-state availability is A. The figure only shapes the spread of yearly downtime (one
 * 5-minute-a-year SLA becomes one 1-hour outage every 12 years), not the mean.
 */
export const ASSUMED_REPAIR_HOURS = 1;

/**
 * Mean time up and down of a basic event, hours: MTBF and MTTR from q = MTTR / (MTBF + MTTR)
 * and w = 1 / (MTBF + MTTR); for an event given only as an availability, a repair of
 * {@link ASSUMED_REPAIR_HOURS}; infinite for an event always up (q = 0) or down (q = 1).
 */
export function meanTimes(event: {
  readonly unavailability: number;
  readonly failuresPerHour: number;
}): { readonly up: number; readonly down: number } {
  const q = event.unavailability;
  const w = event.failuresPerHour;
  if (w > 0) return { up: (1 - q) / w, down: q / w };
  if (q > 0 && q < 1)
    return { up: (ASSUMED_REPAIR_HOURS * (1 - q)) / q, down: ASSUMED_REPAIR_HOURS };
  return { up: Number.POSITIVE_INFINITY, down: Number.POSITIVE_INFINITY };
}

/** Expected changes of state (failures and repairs) of the basic events per hour, together. */
export function changesPerHour(
  events: readonly { readonly unavailability: number; readonly failuresPerHour: number }[],
): number {
  let rate = 0;
  for (const event of events) {
    const { up, down } = meanTimes(event);
    if (Number.isFinite(up + down)) rate += 2 / (up + down);
  }
  return rate;
}
