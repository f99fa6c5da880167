/**
 * What the canvas marks on each node besides its own fields: the instances each zone holds
 * (the round-robin spread of shared/plan/diagram's `zoneMembers`), dimmed when a what-if stops
 * their zone or their tier; a region's share of the traffic and whether it is on standby; a
 * standby component, how it is promoted and how far it runs scaled down. Computed once per
 * change of the model or the scenario, never while a card is dragged.
 */
import {
  displayName,
  zoneMembers,
  type DiagramRoles,
  type RegionRole,
  type ScaledDown,
} from '../../../../shared/plan/diagram';
import { tierSize } from '../../../../shared/model/nodes';
import type { NodeKind, Variant } from '../../../../shared/model/types';
import type { CardFigures } from './card-figures';

/** The instances of one tier that the spread puts in one zone. */
export interface ZonePip {
  /** The tier's node id. */
  readonly tier: string;
  readonly name: string;
  readonly kind: NodeKind;
  /** Instances of the tier in this zone. */
  readonly count: number;
  /** All instances of the tier. */
  readonly total: number;
  /** The what-if on show stops this zone (or its region) or the tier itself. */
  readonly isDown: boolean;
}

/** A standby component: how a person or the system promotes it, when it is a replica. */
export interface StandbyMark {
  /** `manual`: a person promotes it; `automatic`: it takes over by itself; absent: not a replica. */
  readonly promotion?: 'manual' | 'automatic';
}

/** Everything the canvas marks on one node. */
export interface NodeMarks {
  /** A zone: the tiers with instances in it, in file order. */
  readonly pips?: readonly ZonePip[];
  /** A region of a design of several regions: its traffic share and standby. */
  readonly region?: RegionRole;
  /** A datastore on standby: a passive member, or one in a standby region. */
  readonly standby?: StandbyMark;
  /** A standby tier that runs fewer instances than it will after taking over. */
  readonly scaledDown?: ScaledDown;
  /** A component's monthly cost and share of the downtime, while the toolbar shows them. */
  readonly figures?: CardFigures;
}

/** The marks of a node with a key that changes exactly when they do (for React Flow's reuse). */
export interface KeyedMarks {
  readonly marks: NodeMarks;
  readonly key: string;
}

/**
 * The marks of every node of `variant` that has some, by id. `stopped` holds the nodes the
 * what-if or scenario on show stops (a zone or region outage stops the zone; a tier outage the
 * tier). `figures` holds the per-card figures while the toolbar shows them.
 */
export function nodeMarks(
  variant: Variant,
  roles: DiagramRoles,
  stopped: ReadonlySet<string>,
  figures?: ReadonlyMap<string, CardFigures>,
): Map<string, KeyedMarks> {
  const out = new Map<string, KeyedMarks>();
  for (const node of variant.nodes) {
    let marks: NodeMarks = {};
    if (node.kind === 'zone') {
      const isZoneDown =
        stopped.has(node.id) || (node.parent !== undefined && stopped.has(node.parent));
      const pips = zoneMembers(variant, node).map((m): ZonePip => ({
        tier: m.node.id,
        name: displayName(m.node),
        kind: m.node.kind,
        count: m.count,
        total: tierSize(m.node).instances,
        isDown: isZoneDown || stopped.has(m.node.id),
      }));
      if (pips.length > 0) marks = { pips };
    } else if (node.kind === 'region') {
      const region = roles.regions.get(node.id);
      if (region) marks = { region };
    } else {
      // A passive (or standby region's) datastore is badged standby; any standby tier that
      // runs scaled down shows by how much. The region's hatching marks the rest.
      const isStandby = node.kind === 'datastore' && roles.standby.has(node.id);
      const how = isStandby ? roles.promotion.get(node.id) : undefined;
      const scaledDown = roles.scaledDown.get(node.id);
      const figure = figures?.get(node.id);
      marks = {
        ...(isStandby ? { standby: how ? { promotion: how } : {} } : {}),
        ...(scaledDown ? { scaledDown } : {}),
        ...(figure ? { figures: figure } : {}),
      };
    }
    if (Object.keys(marks).length > 0) out.set(node.id, { marks, key: JSON.stringify(marks) });
  }
  return out;
}
