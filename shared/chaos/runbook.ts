/**
 * Runbook steps for scenarios that are not injectable faults. A traffic shift is an operator's
 * lever (Global Accelerator's traffic dial, Route 53 weights, ARC zonal shift, Traffic Manager);
 * a logical corruption has no safe fault, so the drill is the restore the contingency plan
 * describes.
 */
import type { NinesDocument, Scenario, Variant } from '../model/types';
import { formatNumber, formatShare, listOf } from '../text';

type Shift = NonNullable<Scenario['shift']>;

/** A node's name for a person: its provider location when it has one, with its id. */
function placeName(variant: Variant, id: string): string {
  const node = variant.nodes.find((n) => n.id === id);
  const location = node && 'location' in node ? node.location : undefined;
  return location ? `${id} (${location})` : id;
}

/** Steps that move `share` of one region's traffic away, then back. */
export function shiftSteps(variant: Variant, shift: Shift): string[] {
  const from = placeName(variant, shift.from);
  const to = shift.to ? placeName(variant, shift.to) : 'the other regions';
  const dial = formatNumber(100 * (1 - shift.share), 2);
  return [
    `Move ${formatShare(shift.share)} of the traffic of ${from} to ${to}: on AWS Global Accelerator set the traffic dial of ${from}'s endpoint group to ${dial} (\`traffic_dial_percentage\`); with Route 53 weighted records or Azure Traffic Manager, lower ${from}'s weight by the same share.`,
    'Hold it while you measure the served share, the error rate and the latency of the users moved; compare them with hypothesis.json.',
    `Set ${from}'s traffic dial (or weight) back to its previous value and watch the traffic return.`,
  ];
}

/** The restore drill for a corrupted datastore: from its backups, into a fresh copy. */
export function restoreSteps(doc: NinesDocument, variant: Variant, datastoreId: string): string[] {
  const backups = variant.edges
    .filter((e) => e.kind === 'backs-up' && e.to === datastoreId)
    .map((e) => e.from);
  const source = backups.length > 0 ? `its backup ${listOf(backups)}` : 'its latest backup';
  return [
    `Restore drill for ${datastoreId}: restore ${source} into a fresh, isolated copy (never over the live data), as the contingency plan's restore procedure for ${doc.name} describes.`,
    'Time it from the decision to restore until the copy serves, and note the age of the newest restored write; compare them with rtoSeconds and rpoSeconds in hypothesis.json.',
  ];
}
