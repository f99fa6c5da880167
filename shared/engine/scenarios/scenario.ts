/**
 * `runScenario`: what one failure scenario does to one variant — what stops, whether the service
 * survives and at what capacity, the interruption users see (achieved RTO), the data lost
 * (achieved RPO), the latency change for rerouted users, and pass / fail against the targets.
 * Semantics: DESIGN.md "Scenarios, RTO and RPO"; the formulas are in `timing.ts`.
 *
 * The scenario's events are forced down and every other basic event is taken as working; the
 * structure of the availability engine then says what works.
 */
import { LINK_DEFAULTS, NODE_DEFAULTS } from '../../model/defaults';
import { linkFailureFigure, nodeFailureFigure, tierSize, warmupSeconds } from '../../model/nodes';
import type {
  BackupNode,
  DatastoreNode,
  NinesDocument,
  RegionLink,
  Scenario,
} from '../../model/types';
import type { ResolvedGraph } from '../structure';
import { routeScenarioTraffic, type ScenarioTraffic } from './traffic';
import {
  backupPolicy,
  linkBandwidthMbps,
  persistenceWindowSeconds,
  replicationLagSeconds,
  replicationMbps,
  restoreSeconds,
  routerDetection,
} from './timing';
import type { Structure } from '../structure';
import type { TrafficShares } from '../structure';
import type { EngineIssue } from '../types';

/** One part of an RTO or RPO decomposition. */
export interface TimePart {
  /** What the time is spent on. */
  readonly kind:
    | 'detection'
    | 'dns-ttl'
    | 'promotion'
    | 'warm-up'
    | 'restore'
    | 'repair'
    | 'replication-lag'
    | 'persistence-window'
    | 'backup-interval'
    | 'partition';
  /** The node (or `link:a|b`) the part belongs to. */
  readonly nodeId: string;
  /** Seconds; null when unbounded (no backup, lag that grows without limit). */
  readonly seconds: number | null;
}

/** How a time part is named to a person, in the app and in the plan. */
export const TIME_PART_LABELS: Readonly<Record<TimePart['kind'], string>> = {
  detection: 'detection',
  'dns-ttl': 'DNS TTL',
  promotion: 'promotion',
  'warm-up': 'warm-up',
  restore: 'restore',
  repair: 'repair',
  'replication-lag': 'replication lag',
  'persistence-window': 'persistence window',
  'backup-interval': 'backup interval',
  partition: 'partition',
};

/** A time with the parts it is made of: the parts of the longest chain add up to `seconds`. */
export interface Decomposition {
  /** Seconds; null when unbounded. */
  readonly seconds: number | null;
  /** The parts on the critical chain, in the order they happen. */
  readonly parts: readonly TimePart[];
}

/** The requests on one `depends` edge during a scenario and with nothing failed. */
export interface EdgeTraffic {
  readonly from: string;
  readonly to: string;
  /** Share of all requests that travel the edge during the scenario, in [0, 1]. */
  readonly share: number;
  /** Share of all requests that travel it when nothing has failed, in [0, 1]. */
  readonly normalShare: number;
}

/** Result of one scenario on one variant (the `scenarios[]` of `nines evaluate --json`). */
export interface ScenarioResult {
  readonly id: string;
  readonly name: string;
  /** False when the scenario names nothing in this variant (then every other field is neutral). */
  readonly applies: boolean;
  readonly survives: boolean;
  /** Share of the requests still served once traffic has moved, in [0, 1]. */
  readonly capacityShare: number;
  /** Achieved RTO, seconds; null when unbounded. */
  readonly rtoSeconds: number | null;
  /** Achieved RPO, seconds; null when unbounded. */
  readonly rpoSeconds: number | null;
  readonly rto: Decomposition;
  readonly rpo: Decomposition;
  /** True when the RTO is within `targets.rtoSeconds` (true when no target is set). */
  readonly meetsRto: boolean;
  readonly meetsRpo: boolean;
  /** Extra round trip for rerouted users, milliseconds (0 when nobody is rerouted). */
  readonly latencyChangeMs: number;
  /**
   * Where requests go: every `depends` edge that carries requests during the scenario or when
   * nothing has failed, in the variant's edge order. A shift or a failover shows as shares that
   * moved from one edge to another.
   */
  readonly edgeTraffic: readonly EdgeTraffic[];
  /** Components that stop working, and the zones, regions and links forced down, file order. */
  readonly stops: readonly string[];
  /** Plain-language notes: split-brain risk, unbounded lag, conflict resolution. */
  readonly notes: readonly string[];
  readonly issues: readonly EngineIssue[];
}

/** What runScenario needs of an evaluated variant. */
export interface ScenarioContext {
  readonly doc: NinesDocument;
  readonly graph: ResolvedGraph;
  readonly structure: Structure;
  /** Where requests go when nothing has failed. */
  readonly traffic: TrafficShares;
}

const SECONDS_PER_HOUR = 3600;

/** Runs `scenario` on the variant of `context`. Pure and deterministic. */
export function runScenario(context: ScenarioContext, scenario: Scenario): ScenarioResult {
  return new ScenarioRun(context, scenario).result();
}

class ScenarioRun {
  private readonly graph: ResolvedGraph;
  private readonly structure: Structure;
  private readonly eventIndex: Map<string, number>;
  private readonly down = new Set<number>();
  private readonly forcedNodes = new Set<string>();
  private readonly notes: string[] = [];
  private readonly issues: EngineIssue[] = [];
  private values: boolean[] = [];

  constructor(
    private readonly context: ScenarioContext,
    private readonly scenario: Scenario,
  ) {
    this.graph = context.graph;
    this.structure = context.structure;
    this.eventIndex = new Map(this.structure.events.map((e, i) => [e.name, i]));
  }

  result(): ScenarioResult {
    const applies = this.forceEvents();
    if (!applies) return this.neutral();
    this.values = evaluateExprs(this.structure, this.down);
    const corrupted = (this.scenario.corrupt ?? []).filter((id) => this.graph.byId.has(id));
    const structurallyUp = this.values[this.structure.top] === true;
    const survives = structurallyUp && corrupted.length === 0;
    const traffic = routeScenarioTraffic(this.context, this.scenario, this.values, this.down);
    const stops = this.stoppedNodes();

    const rto =
      corrupted.length > 0
        ? this.restoreRto(corrupted)
        : structurallyUp
          ? this.takeoverRto()
          : this.repairRto();
    const rpo = corrupted.length > 0 ? this.corruptionRpo(corrupted) : this.lossRpo();
    this.partitionNotes();
    this.shiftNotes(traffic);
    this.syncNotes();

    const targets = this.context.doc.targets ?? {};
    const meets = (value: number | null, target: number | undefined): boolean =>
      target === undefined || (value !== null && value <= target);
    if (
      targets.mtdSeconds !== undefined &&
      (rto.seconds === null || rto.seconds > targets.mtdSeconds)
    ) {
      this.issues.push({
        code: 'rto-exceeds-mtd',
        severity: 'error',
        nodeIds: stops,
        message: `${this.scenario.name}: the recovery time (${formatSeconds(rto.seconds)}) exceeds the maximum tolerable downtime (${formatSeconds(targets.mtdSeconds)}); NIST SP 800-34 Rev. 1 (3.2.1): the RTO must normally be shorter than the MTD`,
      });
    }
    return {
      id: this.scenario.id,
      name: this.scenario.name,
      applies: true,
      survives,
      capacityShare: survives ? traffic.servedShare : 0,
      rtoSeconds: rto.seconds,
      rpoSeconds: rpo.seconds,
      rto,
      rpo,
      meetsRto: meets(rto.seconds, targets.rtoSeconds),
      meetsRpo: meets(rpo.seconds, targets.rpoSeconds),
      latencyChangeMs: traffic.latencyChangeMs,
      edgeTraffic: this.edgeTraffic(traffic),
      stops,
      notes: this.notes,
      issues: this.issues,
    };
  }

  // ---- forcing events ------------------------------------------------------------------------

  /** Forces the scenario's events down; false when it names nothing of this variant. */
  private forceEvents(): boolean {
    let applies = false;
    for (const target of this.scenario.fail ?? []) {
      const [id = '', instance] = target.split('#');
      const node = this.graph.byId.get(id);
      if (!node) continue;
      applies = true;
      if (instance !== undefined) {
        this.forceEvent(tierSize(node).instances > 1 ? target : id);
      } else if (node.kind === 'region' || node.kind === 'zone') {
        this.forceEvent(id);
        this.forcedNodes.add(id);
      } else {
        const { instances } = tierSize(node);
        if (instances === 1) this.forceEvent(id);
        else for (let i = 0; i < instances; i += 1) this.forceEvent(`${id}#${i}`);
        this.forcedNodes.add(id);
      }
    }
    for (const [a, b] of this.scenario.partition ?? []) {
      if (!this.graph.byId.has(a) || !this.graph.byId.has(b)) continue;
      applies = true;
      const name = linkName(a, b);
      this.forceEvent(name);
      this.forcedNodes.add(name);
    }
    const shift = this.scenario.shift;
    if (shift && this.graph.byId.has(shift.from)) applies = true;
    if ((this.scenario.corrupt ?? []).some((id) => this.graph.byId.get(id)?.kind === 'datastore')) {
      applies = true;
    }
    return applies;
  }

  private forceEvent(name: string): void {
    const index = this.eventIndex.get(name);
    // An event the structure does not contain (a link no dependency needs, a node outside the
    // request path) changes nothing structurally.
    if (index !== undefined) this.down.add(index);
  }

  private isUp(expr: number): boolean {
    return this.values[expr] === true;
  }

  private nodeWorks(id: string): boolean {
    const expr = this.structure.nodeExprs.get(id);
    return expr === undefined || this.isUp(expr);
  }

  /** Instances of `tierId` that stop (own event, zone or region down). */
  private stoppedInstances(tierId: string): number[] {
    const tier = this.structure.tiers.get(tierId);
    if (!tier) return [];
    const regionDown = tier.regionEvent !== undefined && this.down.has(tier.regionEvent);
    return tier.instances.flatMap((inst, i) =>
      regionDown ||
      this.down.has(inst.event) ||
      (inst.zoneEvent !== undefined && this.down.has(inst.zoneEvent))
        ? [i]
        : [],
    );
  }

  private stoppedNodes(): string[] {
    const stopped: string[] = [];
    for (const node of this.graph.variant.nodes) {
      if (this.forcedNodes.has(node.id)) stopped.push(node.id);
      else if (node.kind !== 'region' && node.kind !== 'zone' && !this.nodeWorks(node.id)) {
        stopped.push(node.id);
      }
    }
    for (const name of this.forcedNodes) if (name.startsWith('link:')) stopped.push(name);
    return stopped;
  }

  // ---- RTO -----------------------------------------------------------------------------------

  /**
   * The service survives: the longest chain of what must notice and take over. A router acts
   * when one of its targets stops, or is a tier that lost instances (it load-balances over
   * them): detection (+ DNS TTL). A data tier whose primary stopped: promotion (+ warm-up), by a
   * person when its failover is manual. The chains run in parallel, so RTO is the longest one.
   */
  private takeoverRto(): Decomposition {
    const chains: TimePart[][] = [];
    for (const router of this.structure.routers) {
      // Only a target that carried requests interrupts anyone when it stops.
      const acts = router.targets.some(
        (t) =>
          (this.context.traffic.routed.get(`${router.routerId}>${t.nodeId}`) ?? 0) > 0 &&
          (!this.isUp(t.expr) || this.stoppedInstances(t.nodeId).length > 0),
      );
      if (!acts) continue;
      const node = this.graph.byId.get(router.routerId);
      if (node?.kind !== 'router') continue;
      const { detectionSeconds, dnsTtlSeconds } = routerDetection(node);
      const chain: TimePart[] = [
        { kind: 'detection', nodeId: router.routerId, seconds: detectionSeconds },
      ];
      if (dnsTtlSeconds > 0)
        chain.push({ kind: 'dns-ttl', nodeId: router.routerId, seconds: dnsTtlSeconds });
      chains.push(chain);
    }
    const promoted = new Set<string>();
    for (const failover of this.structure.failovers) {
      if (this.isUp(failover.primaryExpr)) continue;
      const primary = failover.nodeIds[0] as string;
      promoted.add(primary);
      const member = this.promotedMember(failover.nodeIds);
      if (this.graph.groupOf.get(primary)?.isAutomatic === false && member) {
        this.addNote(
          `service returns when a person promotes the standby of ${primary} (manual failover, as the runbook says), before ${primary} itself is repaired`,
        );
      }
      const chain: TimePart[] = [
        {
          kind: 'promotion',
          nodeId: failover.nodeIds[0] as string,
          seconds: failover.failoverSeconds,
        },
      ];
      const warmup = member ? warmupSeconds(member) : 0;
      if (member && warmup > 0) chain.push({ kind: 'warm-up', nodeId: member.id, seconds: warmup });
      chains.push(chain);
    }
    // A replicated tier that lost the instance holding its primary, but still works, promotes a
    // local replica (members of a replication group and active-active members included).
    for (const node of this.graph.variant.nodes) {
      if (node.kind !== 'datastore' || promoted.has(node.id) || !this.nodeWorks(node.id)) continue;
      if ((node.replication ?? 'none') === 'none' || tierSize(node).instances < 2) continue;
      if (!this.stoppedInstances(node.id).includes(0) || node.autoFailover === false) continue;
      const seconds =
        node.failoverSeconds ?? (NODE_DEFAULTS.datastore.failoverSeconds?.value as number);
      chains.push([{ kind: 'promotion', nodeId: node.id, seconds }]);
    }
    return longest(chains);
  }

  /** The member that takes over from a failed primary: the first working standby. */
  private promotedMember(nodeIds: readonly string[]): DatastoreNode | undefined {
    const [primary, ...standbys] = nodeIds;
    if (standbys.length === 0) return this.graph.byId.get(primary as string) as DatastoreNode;
    const id = standbys.find((s) => this.nodeWorks(s));
    return id === undefined ? undefined : (this.graph.byId.get(id) as DatastoreNode);
  }

  /**
   * The service does not survive: the time until enough comes back. The repair (MTTR) of the
   * forced event whose return alone restores the service soonest; when no single one does,
   * the longest repair among them (all of them back).
   */
  private repairRto(): Decomposition {
    const repairs = [...this.down].map((index) => {
      const event = this.structure.events[index];
      return { index, name: event?.name ?? '', seconds: this.repairSeconds(event?.name ?? '') };
    });
    const restoring = repairs
      .filter((r) => {
        const without = new Set(this.down);
        without.delete(r.index);
        return evaluateExprs(this.structure, without)[this.structure.top] === true;
      })
      .sort((a, b) => (a.seconds ?? Infinity) - (b.seconds ?? Infinity));
    const chosen =
      restoring[0] ?? repairs.sort((a, b) => (b.seconds ?? Infinity) - (a.seconds ?? Infinity))[0];
    if (!chosen) return { seconds: null, parts: [] };
    if (chosen.seconds === null) {
      this.notes.push(
        `${chosen.name} has no repair time (only an availability is given): the recovery time cannot be bounded`,
      );
    }
    return {
      seconds: chosen.seconds,
      parts: [{ kind: 'repair', nodeId: chosen.name, seconds: chosen.seconds }],
    };
  }

  private repairSeconds(eventName: string): number | null {
    if (eventName.startsWith('link:')) {
      const [a = '', b = ''] = eventName.slice(5).split('|');
      const figure = linkFailureFigure(this.linkBetween(a, b));
      return figure.mttrHours === undefined ? null : figure.mttrHours * SECONDS_PER_HOUR;
    }
    const node = this.graph.byId.get(eventName.split('#')[0] ?? '');
    if (!node) return null;
    const figure = nodeFailureFigure(node);
    return figure.mttrHours === undefined ? null : figure.mttrHours * SECONDS_PER_HOUR;
  }

  /**
   * A logical corruption is copied by replication, so the data comes back only from a backup:
   * restore the data set at the backup's throughput, then warm up (REF-25, REF-26).
   */
  private restoreRto(corrupted: readonly string[]): Decomposition {
    const chains: TimePart[][] = [];
    for (const id of corrupted) {
      const store = this.graph.byId.get(id) as DatastoreNode;
      const backup = this.backupOf(id);
      if (!backup) {
        this.notes.push(
          `${id} has no backup: a corruption cannot be undone, only rebuilt from the systems of record`,
        );
        chains.push([{ kind: 'restore', nodeId: id, seconds: null }]);
        continue;
      }
      const size = store.memoryGiB ?? this.context.doc.workload?.dataSetGiB ?? 0;
      const seconds = restoreSeconds(size, backupPolicy(backup).restoreThroughputMBps);
      const chain: TimePart[] = [{ kind: 'restore', nodeId: backup.id, seconds }];
      const warmup = warmupSeconds(store);
      if (warmup > 0) chain.push({ kind: 'warm-up', nodeId: id, seconds: warmup });
      chains.push(chain);
    }
    return longest(chains);
  }

  // ---- RPO -----------------------------------------------------------------------------------

  /** Data lost to a corruption: everything since the last good backup. */
  private corruptionRpo(corrupted: readonly string[]): Decomposition {
    return longest(
      corrupted.map((id) => {
        const backup = this.backupOf(id);
        return [
          {
            kind: 'backup-interval' as const,
            nodeId: backup?.id ?? id,
            seconds: backup ? backupPolicy(backup).intervalSeconds : null,
          },
        ];
      }),
    );
  }

  /**
   * Data lost when a datastore loses the member or instance that held the latest writes:
   * the replication lag where a replica takes over (0 when synchronous), the persistence window
   * of a lone node, the backup interval when nothing else is left.
   */
  private lossRpo(): Decomposition {
    const chains: TimePart[][] = [];
    for (const node of this.graph.variant.nodes) {
      if (node.kind !== 'datastore') continue;
      const chain = this.dataLoss(node);
      if (chain) chains.push(chain);
    }
    return longest(chains, 0);
  }

  private dataLoss(store: DatastoreNode): TimePart[] | undefined {
    const { instances } = tierSize(store);
    const lost = this.stoppedInstances(store.id);
    const mode = store.replication ?? 'none';
    const peers = this.graph.replicaPeers.get(store.id) ?? [];
    const group = this.graph.groupOf.get(store.id);
    const lag = (from: DatastoreNode, to: string): TimePart[] => {
      const region = this.graph.regionOf.get(from.id);
      const peerRegion = this.graph.regionOf.get(to);
      const link =
        region !== undefined && peerRegion !== undefined && region !== peerRegion
          ? (this.linkBetween(region, peerRegion) ??
            ({ a: region, b: peerRegion } satisfies RegionLink))
          : undefined;
      if (from.sync === true) return [{ kind: 'replication-lag', nodeId: from.id, seconds: 0 }];
      if (link && this.replicationOverflows(from, link, peers.length)) {
        return [{ kind: 'replication-lag', nodeId: from.id, seconds: null }];
      }
      return [
        { kind: 'replication-lag', nodeId: from.id, seconds: replicationLagSeconds(from, link) },
      ];
    };

    if (lost.length === instances) {
      // The whole node is gone: its latest writes survive only where they were replicated.
      if (group && group.members[0] !== store.id) return undefined; // a standby held no new writes
      const survivor = peers.find((p) => this.nodeWorks(p));
      if (survivor !== undefined) return lag(store, survivor);
      if (peers.length > 0 && mode === 'active-active') return lag(store, peers[0] as string);
      return this.loneNodeLoss(store);
    }
    // Some instances are gone: a replicated tier that lost its primary instance promotes a local
    // replica and loses what the primary had not sent it yet.
    if (mode !== 'none' && lost.includes(0)) {
      return [
        {
          kind: 'replication-lag',
          nodeId: store.id,
          seconds: store.sync === true ? 0 : replicationLagSeconds(store, undefined),
        },
      ];
    }
    if (mode === 'none' && lost.length > 0) return this.loneNodeLoss(store);
    return undefined;
  }

  /** A node without a surviving replica: its persistence window, else its last backup. */
  private loneNodeLoss(store: DatastoreNode): TimePart[] {
    const window = persistenceWindowSeconds(store);
    if (window !== undefined)
      return [{ kind: 'persistence-window', nodeId: store.id, seconds: window }];
    const backup = this.backupOf(store.id);
    if (backup)
      return [
        {
          kind: 'backup-interval',
          nodeId: backup.id,
          seconds: backupPolicy(backup).intervalSeconds,
        },
      ];
    this.notes.push(`${store.id} has no persistence, replica or backup: its data is lost`);
    return [{ kind: 'persistence-window', nodeId: store.id, seconds: null }];
  }

  /** True (with a note) when the replicated write volume exceeds the link's bandwidth. */
  private replicationOverflows(store: DatastoreNode, link: RegionLink, peers: number): boolean {
    const mbps = replicationMbps(this.context.doc.workload, peers);
    const bandwidth = linkBandwidthMbps(link);
    if (mbps <= bandwidth) return false;
    const note = `replication from ${store.id} needs ${mbps.toFixed(1)} Mbit/s but the ${link.a}–${link.b} link carries ${bandwidth} Mbit/s: the lag grows without bound`;
    if (!this.notes.includes(note)) this.notes.push(note);
    return true;
  }

  // ---- notes ---------------------------------------------------------------------------------

  private partitionNotes(): void {
    for (const [a, b] of this.scenario.partition ?? []) {
      for (const node of this.graph.variant.nodes) {
        if (node.kind !== 'datastore') continue;
        const region = this.graph.regionOf.get(node.id);
        if (region !== a && region !== b) continue;
        const other = region === a ? b : a;
        const crossing = (this.graph.replicaPeers.get(node.id) ?? []).filter(
          (p) => this.graph.regionOf.get(p) === other,
        );
        if (crossing.length === 0) continue;
        if ((node.replication ?? 'none') === 'active-active') {
          this.addNote(
            `Active-Active members on both sides of the ${a}–${b} partition keep serving reads and writes; when it heals they converge (CRDT merge: last-write-wins for strings, tombstones of deleted keys grow while the partition lasts)`,
          );
        } else if (this.graph.groupOf.get(node.id)?.members[0] === node.id) {
          const group = this.graph.groupOf.get(node.id);
          const witness = node.witness ?? (NODE_DEFAULTS.datastore.witness?.value as boolean);
          if (group?.isAutomatic && !witness) {
            this.addNote(
              `risk of two primaries: ${node.id} and its standby in ${other} cannot see each other and nothing in a third location decides, so automatic failover can promote the standby while the primary keeps taking writes; writes on one side are lost when the partition heals`,
            );
          } else if (group?.isAutomatic && witness) {
            this.addNote(
              `the side of the ${a}–${b} partition without the quorum stops taking writes (witness in a third location)`,
            );
          }
        }
        if (node.sync === true) {
          this.addNote(
            `synchronous replication from ${node.id} needs the ${a}–${b} link: writes stop while it is down`,
          );
        }
      }
    }
  }

  /** Synchronous replication across regions costs every write one round trip of the link. */
  private syncNotes(): void {
    for (const node of this.graph.variant.nodes) {
      if (node.kind !== 'datastore' || node.sync !== true || !this.nodeWorks(node.id)) continue;
      const region = this.graph.regionOf.get(node.id);
      for (const peer of this.graph.replicaPeers.get(node.id) ?? []) {
        const peerRegion = this.graph.regionOf.get(peer);
        if (region === undefined || peerRegion === undefined || region === peerRegion) continue;
        const rtt =
          this.linkBetween(region, peerRegion)?.rttMs ?? (LINK_DEFAULTS.rttMs?.value as number);
        this.addNote(
          `writes to ${node.id} wait for ${peer} in ${peerRegion}: one ${rtt} ms round trip each (synchronous replication)`,
        );
      }
    }
  }

  private shiftNotes(traffic: ScenarioTraffic): void {
    if (!this.scenario.shift) return;
    if (traffic.servedShare < 1) {
      this.addNote(
        `after the shift, ${((1 - traffic.servedShare) * 100).toFixed(1)} % of requests exceed the capacity left to serve them`,
      );
    }
  }

  private addNote(note: string): void {
    if (!this.notes.includes(note)) this.notes.push(note);
  }

  // ---- lookups -------------------------------------------------------------------------------

  private linkBetween(a: string, b: string): RegionLink | undefined {
    return (this.graph.variant.links ?? []).find(
      (l) => (l.a === a && l.b === b) || (l.a === b && l.b === a),
    );
  }

  /** The backup protecting `datastoreId` with the shortest interval, if any. */
  private backupOf(datastoreId: string): BackupNode | undefined {
    const backups = this.graph.variant.edges
      .filter((e) => e.kind === 'backs-up' && e.to === datastoreId)
      .map((e) => this.graph.byId.get(e.from))
      .filter((n): n is BackupNode => n?.kind === 'backup');
    return backups.sort(
      (x, y) => backupPolicy(x).intervalSeconds - backupPolicy(y).intervalSeconds,
    )[0];
  }

  /** The scenario's requests per edge beside the requests with nothing failed. */
  private edgeTraffic(traffic: ScenarioTraffic): EdgeTraffic[] {
    const normal = normalEdgeShares(this.context);
    const out: EdgeTraffic[] = [];
    for (const edge of this.graph.variant.edges) {
      if (edge.kind !== 'depends') continue;
      const key = `${edge.from}>${edge.to}`;
      const share = traffic.edgeShares.get(key) ?? 0;
      const normalShare = normal.get(key) ?? 0;
      if (share > 0 || normalShare > 0)
        out.push({ from: edge.from, to: edge.to, share, normalShare });
    }
    return out;
  }

  private neutral(): ScenarioResult {
    const none: Decomposition = { seconds: 0, parts: [] };
    return {
      id: this.scenario.id,
      name: this.scenario.name,
      applies: false,
      survives: true,
      capacityShare: 1,
      rtoSeconds: 0,
      rpoSeconds: 0,
      rto: none,
      rpo: none,
      meetsRto: true,
      meetsRpo: true,
      latencyChangeMs: 0,
      edgeTraffic: [],
      stops: [],
      notes: ['names nothing in this variant'],
      issues: [],
    };
  }
}

/** The requests per edge with nothing failed, by structure: every scenario of a variant shares them. */
const normalShares = new WeakMap<
  Structure,
  { readonly doc: NinesDocument; readonly shares: ReadonlyMap<string, number> }
>();

function normalEdgeShares(context: ScenarioContext): ReadonlyMap<string, number> {
  const cached = normalShares.get(context.structure);
  if (cached && cached.doc === context.doc) return cached.shares;
  const nothingDown = new Set<number>();
  const shares = routeScenarioTraffic(
    context,
    { id: '', name: '' },
    evaluateExprs(context.structure, nothingDown),
    nothingDown,
  ).edgeShares;
  normalShares.set(context.structure, { doc: context.doc, shares });
  return shares;
}

/** Value of every expression with the events in `down` failed and all others working. */
export function evaluateExprs(structure: Structure, down: ReadonlySet<number>): boolean[] {
  const values = new Array<boolean>(structure.exprs.length);
  structure.exprs.forEach((expr, id) => {
    switch (expr.op) {
      case 'const':
        values[id] = expr.value;
        break;
      case 'event':
        values[id] = !down.has(expr.event);
        break;
      case 'and':
        values[id] = expr.args.every((a) => values[a]);
        break;
      case 'or':
        values[id] = expr.args.some((a) => values[a]);
        break;
      case 'atLeast':
        values[id] = expr.args.filter((a) => values[a]).length >= expr.k;
        break;
    }
  });
  return values;
}

function linkName(a: string, b: string): string {
  const [x, y] = [a, b].sort();
  return `link:${x}|${y}`;
}

/** The chain whose parts add up to the most (an unbounded part makes a chain unbounded). */
function longest(chains: readonly TimePart[][], empty = 0): Decomposition {
  let best: Decomposition = { seconds: empty, parts: [] };
  for (const parts of chains) {
    if (best.seconds === null) break;
    const seconds = parts.some((p) => p.seconds === null)
      ? null
      : parts.reduce((sum, p) => sum + (p.seconds as number), 0);
    if (
      seconds === null ||
      seconds > best.seconds ||
      (best.parts.length === 0 && seconds === best.seconds)
    ) {
      best = { seconds, parts };
    }
  }
  return best;
}

function formatSeconds(seconds: number | null): string {
  if (seconds === null) return 'unbounded';
  if (seconds < 120) return `${Math.round(seconds * 10) / 10} s`;
  if (seconds < 7200) return `${Math.round(seconds / 6) / 10} min`;
  return `${Math.round(seconds / 360) / 10} h`;
}
