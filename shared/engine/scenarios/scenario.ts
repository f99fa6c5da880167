/**
 * `runScenario`: what one failure scenario does to one variant — what stops, whether the service
 * survives and at what capacity, the interruption users see (achieved RTO), the data lost
 * (achieved RPO), the latency change for rerouted users, and pass / fail against the targets.
 * Semantics: DESIGN.md "Scenarios, RTO and RPO"; the formulas are in `timing.ts`.
 *
 * The scenario's events are forced down and every other basic event is taken as working; the
 * structure of the availability engine then says what works.
 */
import { tierSize } from '../../model/nodes';
import type { BackupNode, RegionLink, Scenario } from '../../model/types';
import { evaluateExprs, type ResolvedGraph, type Structure } from '../structure';
import type { EngineIssue } from '../types';
import { corruptionRpo, lossRpo } from './data-loss';
import type { Decomposition } from './decomposition';
import { partitionNotes, shiftNotes, syncNotes } from './notes';
import { repairRto, restoreRto, takeoverRto } from './recovery-time';
import { backupPolicy } from './timing';
import { normalEdgeShares, routeScenarioTraffic, type ScenarioTraffic } from './traffic';
import type { EdgeTraffic, ScenarioContext, ScenarioResult, ScenarioState } from './types';

/** Runs `scenario` on the variant of `context`. Pure and deterministic. */
export function runScenario(context: ScenarioContext, scenario: Scenario): ScenarioResult {
  return new ScenarioRun(context, scenario).result();
}

class ScenarioRun implements ScenarioState {
  readonly graph: ResolvedGraph;
  readonly structure: Structure;
  private readonly eventIndex: Map<string, number>;
  readonly down = new Set<number>();
  private readonly forcedNodes = new Set<string>();
  readonly notes: string[] = [];
  private readonly issues: EngineIssue[] = [];
  private values: boolean[] = [];

  constructor(
    readonly context: ScenarioContext,
    readonly scenario: Scenario,
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
        ? restoreRto(this, corrupted)
        : structurallyUp
          ? takeoverRto(this)
          : repairRto(this);
    const rpo = corrupted.length > 0 ? corruptionRpo(this, corrupted) : lossRpo(this);
    partitionNotes(this);
    shiftNotes(this, traffic);
    syncNotes(this);

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

  isUp(expr: number): boolean {
    return this.values[expr] === true;
  }

  nodeWorks(id: string): boolean {
    const expr = this.structure.nodeExprs.get(id);
    return expr === undefined || this.isUp(expr);
  }

  /** Instances of `tierId` that stop (own event, zone or region down). */
  stoppedInstances(tierId: string): number[] {
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

  addNote(note: string): void {
    if (!this.notes.includes(note)) this.notes.push(note);
  }

  // ---- lookups -------------------------------------------------------------------------------

  linkBetween(a: string, b: string): RegionLink | undefined {
    return (this.graph.variant.links ?? []).find(
      (l) => (l.a === a && l.b === b) || (l.a === b && l.b === a),
    );
  }

  /** The backup protecting `datastoreId` with the shortest interval, if any. */
  backupOf(datastoreId: string): BackupNode | undefined {
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

function linkName(a: string, b: string): string {
  const [x, y] = [a, b].sort();
  return `link:${x}|${y}`;
}

function formatSeconds(seconds: number | null): string {
  if (seconds === null) return 'unbounded';
  if (seconds < 120) return `${Math.round(seconds * 10) / 10} s`;
  if (seconds < 7200) return `${Math.round(seconds / 6) / 10} min`;
  return `${Math.round(seconds / 360) / 10} h`;
}
