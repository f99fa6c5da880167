/**
 * How long a fault lasts: the model's repair time of what fails (MTTR) when it has one, else a
 * default from AWS's scenario library, kept within what the fault services accept and written
 * as ISO-8601 (`PT30M`).
 *
 * Limits: FIS action durations run from 1 minute to 12 hours ("duration – The duration, from one
 * minute to 12 hours", FIS actions reference; Cross-Region: Connectivity "maximum 12 Hour
 * duration"); Chaos Studio caps an experiment at 12 hours as well, so one cap serves all targets.
 */
import type { Fault, FaultDuration } from './types';

/** Shortest fault FIS accepts, seconds. */
export const MIN_DURATION_SECONDS = 60;
/** Longest fault FIS and Chaos Studio accept, seconds (12 h). */
export const MAX_DURATION_SECONDS = 12 * 3600;
/** Default for zone, region and component faults: the AZ Power Interruption scenario's 30 min. */
const DEFAULT_OUTAGE_SECONDS = 30 * 60;
/** Default for a partition: the Cross-Region: Connectivity scenario's 3 h. */
const DEFAULT_PARTITION_SECONDS = 3 * 3600;

/** The repair time the model gives the fault's element, hours, with that element's id. */
function mttrOf(fault: Fault, linkMttr: (a: string, b: string) => number | undefined) {
  switch (fault.kind) {
    case 'zone':
      return { id: fault.zone.id, hours: fault.zone.mttrHours };
    case 'region':
      return { id: fault.region.id, hours: fault.region.mttrHours };
    case 'component':
    case 'instance':
      return { id: fault.node.id, hours: fault.node.mttrHours };
    case 'partition':
      return {
        id: `link ${fault.a.id}–${fault.b.id}`,
        hours: linkMttr(fault.a.id, fault.b.id),
      };
  }
}

/**
 * The duration of a scenario's faults: the longest MTTR among the failed elements, else the
 * default of its kind (a partition's 3 h when the scenario is only partitions), rounded up to
 * whole minutes and kept within [1 min, 12 h].
 */
export function faultDuration(
  faults: readonly Fault[],
  linkMttr: (a: string, b: string) => number | undefined,
): FaultDuration {
  let best: { id: string; hours: number } | undefined;
  for (const fault of faults) {
    const { id, hours } = mttrOf(fault, linkMttr);
    if (hours !== undefined && (best === undefined || hours > best.hours)) best = { id, hours };
  }
  const onlyPartitions = faults.every((f) => f.kind === 'partition');
  const wanted = best
    ? Math.ceil((best.hours * 3600) / 60) * 60
    : onlyPartitions
      ? DEFAULT_PARTITION_SECONDS
      : DEFAULT_OUTAGE_SECONDS;
  const source = best
    ? `the MTTR of ${best.id} in the model`
    : onlyPartitions
      ? 'the Cross-Region: Connectivity default (no MTTR in the model)'
      : 'the AZ Power Interruption default (no MTTR in the model)';
  const seconds = Math.min(MAX_DURATION_SECONDS, Math.max(MIN_DURATION_SECONDS, wanted));
  return { seconds, source, capped: wanted > MAX_DURATION_SECONDS };
}

/** ISO-8601 duration of whole seconds: `PT30M`, `PT1H30M`, `PT12H`. */
export function isoDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${rest > 0 ? `${rest}S` : ''}`;
  return `PT${parts === '' ? '0S' : parts}`;
}

/** Go-style duration Chaos Mesh reads: `30m`, `1h30m`. */
export function goDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = `${hours > 0 ? `${hours}h` : ''}${minutes > 0 ? `${minutes}m` : ''}${rest > 0 ? `${rest}s` : ''}`;
  return parts === '' ? '0s' : parts;
}
