/**
 * The state of one scenario run that the RTO, RPO and note rules read: the basic events forced
 * down, what works with them down, and lookups into the variant (links, backups, repair times,
 * the people's times of `operations`).
 */
import { linkFailureFigure, nodeFailureFigure } from '../../model/nodes';
import { operationsTime } from '../../model/operations';
import type { BackupNode, RegionLink, Scenario } from '../../model/types';
import { evaluateExprs, type ResolvedGraph, type Structure } from '../structure';
import type { ScenarioContext } from './result';
import { backupPolicy } from './timing';

const SECONDS_PER_HOUR = 3600;

/** A scenario's forced events and what works with them down. */
export class ScenarioState {
  readonly graph: ResolvedGraph;
  readonly structure: Structure;
  /** Indexes of the basic events forced down. */
  readonly down: ReadonlySet<number>;
  /** The value of every expression of the structure with `down` failed. */
  readonly values: readonly boolean[];
  private readonly noteList: string[] = [];

  constructor(
    readonly context: ScenarioContext,
    readonly scenario: Scenario,
    down: ReadonlySet<number>,
  ) {
    this.graph = context.graph;
    this.structure = context.structure;
    this.down = down;
    this.values = evaluateExprs(this.structure, down);
  }

  /** The notes added so far, each once, in the order they were added. */
  get notes(): readonly string[] {
    return this.noteList;
  }

  addNote(note: string): void {
    if (!this.noteList.includes(note)) this.noteList.push(note);
  }

  isUp(expr: number): boolean {
    return this.values[expr] === true;
  }

  /** Whether the service (the variant's entry) works with the forced events down. */
  get serviceUp(): boolean {
    return this.isUp(this.structure.top);
  }

  /** Whether node `id` works (nodes outside the structure count as working). */
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

  /**
   * Repair time of a basic event (a node, `node#i`, `node#ccf`, `link:a|b` or `cause:id`),
   * seconds; null when unknown.
   */
  repairSeconds(eventName: string): number | null {
    if (eventName.startsWith(CAUSE_PREFIX)) {
      const id = eventName.slice(CAUSE_PREFIX.length);
      const cause = (this.graph.variant.commonCause ?? []).find((c) => c.id === id);
      return cause ? cause.mttrHours * SECONDS_PER_HOUR : null;
    }
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

  /** `operations.decisionSeconds`, default applied. */
  get decisionSeconds(): number {
    return operationsTime(this.context.doc).decisionSeconds;
  }

  /** `operations.detectionSeconds`, default applied. */
  get detectionSeconds(): number {
    return operationsTime(this.context.doc).detectionSeconds;
  }
}

/** The prefix of a common-cause event's name: `cause:<id>`. */
export const CAUSE_PREFIX = 'cause:';

/** The event name of the link between two regions. */
export function linkName(a: string, b: string): string {
  const [x, y] = [a, b].sort();
  return `link:${x}|${y}`;
}

/** The `nodeId` of the people's time parts (decision, detection of what no check sees). */
export const OPERATIONS_NODE = 'operations';
