/**
 * The basic events of a structure and their variable order. Events are registered as the
 * structure is built (each name once) and ordered at the end: global events, then region by
 * region the region, its links and other regional events, then each zone followed by the
 * instances in it, then the instances in no zone. A zone next to its instances keeps a k-of-n
 * over many zones polynomial (FailureModel's grouped threshold).
 */
import type { FailureFigure } from '../../model/nodes';
import type { EventInfo } from '../types';
import type { EventLeaf, Expressions } from './expressions';

/** Where an event goes in the variable order within its region: region, regional, zone, instance. */
export const EVENT_SLOT = { region: 0, regional: 1, zone: 2, instance: 3 } as const;

interface PendingEvent {
  readonly info: EventInfo;
  /** The region's index, −1 for a global event. */
  readonly block: number;
  readonly slot: number;
  /** The zone event's `seq` for a zone and the instances in it; undefined for any other event. */
  zoneSeq: number | undefined;
  readonly seq: number;
  readonly leaf: EventLeaf;
}

/** The events registered so far, each with its leaf in the expressions. */
export class Events {
  private readonly pending: PendingEvent[] = [];
  private readonly leafByName = new Map<string, number>();

  /** Events of `exprs`; `regionIndex` gives each region's place in the order. */
  constructor(
    private readonly exprs: Expressions,
    private readonly regionIndex: ReadonlyMap<string, number>,
  ) {}

  /**
   * The leaf of event `name`, registered on first use with its failure figure (`figureOf`, only
   * called then), its region (undefined: global) and its slot in the region's part of the order.
   */
  leaf(
    name: string,
    kind: EventInfo['kind'],
    figureOf: () => FailureFigure,
    region: string | undefined,
    slot: number,
  ): number {
    const known = this.leafByName.get(name);
    if (known !== undefined) return known;
    const figure = figureOf();
    const hasRates = figure.mtbfHours !== undefined && figure.mttrHours !== undefined;
    const mtbf = figure.mtbfHours ?? 0;
    const mttr = figure.mttrHours ?? 0;
    const leaf: EventLeaf = { op: 'event', event: this.pending.length };
    this.pending.push({
      info: {
        name,
        kind,
        // Computed from MTTR directly so that tiny unavailabilities keep their digits.
        unavailability: hasRates ? mttr / (mtbf + mttr) : 1 - figure.availability,
        failuresPerHour: hasRates ? 1 / (mtbf + mttr) : 0,
      },
      block: region === undefined ? -1 : (this.regionIndex.get(region) ?? -1),
      slot,
      zoneSeq: kind === 'zone' ? this.pending.length : undefined,
      seq: this.pending.length,
      leaf,
    });
    const id = this.exprs.leaf(leaf);
    this.leafByName.set(name, id);
    return id;
  }

  /** Places the instance of leaf `instance` right after its zone's leaf `zone` in the order. */
  placeInZone(instance: number, zone: number): void {
    const event = this.pending[this.exprs.eventOf(instance)] as PendingEvent;
    event.zoneSeq = this.pending[this.exprs.eventOf(zone)]?.zoneSeq;
  }

  /**
   * Fixes the variable order: renumbers every leaf to its place and returns the events in that
   * order, with the map from a registration index to its place.
   */
  order(): { events: EventInfo[]; renumber: (registered: number) => number } {
    const zoneKey = (p: PendingEvent): number => p.zoneSeq ?? Number.MAX_SAFE_INTEGER;
    const ordered = [...this.pending].sort(
      (a, b) =>
        a.block - b.block ||
        Math.min(a.slot, EVENT_SLOT.zone) - Math.min(b.slot, EVENT_SLOT.zone) ||
        zoneKey(a) - zoneKey(b) ||
        a.slot - b.slot ||
        a.seq - b.seq,
    );
    const place = new Int32Array(this.pending.length);
    ordered.forEach((p, i) => {
      place[p.seq] = i;
    });
    for (const p of this.pending) p.leaf.event = place[p.seq] as number;
    return { events: ordered.map((p) => p.info), renumber: (i) => place[i] as number };
  }
}
