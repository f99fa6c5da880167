/**
 * The discrete-event machine behind `simulate`: one variant's structure run through time, year
 * by year. Every basic event alternates between up and down with exponential durations; after
 * each change the expression DAG is updated incrementally (a count of working arguments per AND,
 * OR and at-least-k node, propagated only while values change), and the three parts of
 * request-weighted unavailability (DESIGN.md) are accumulated with the rules of the exact engine,
 * so that the simulated mean converges to `evaluate`'s figure:
 *
 * - structural: time during which the top expression is false (`availability/probability.ts`);
 * - transition: each time a router target that carries traffic in normal operation stops working,
 *   detectionSeconds × its baseline traffic share; each time the primary of a data tier that fails
 *   over stops, its transitionSeconds (failoverSeconds, plus the standby's warm-up when a person
 *   promotes it) × the share of requests that need the tier
 *   (`availability/transitions.ts`: w_t there is exactly the rate of these working → failed changes). Like the
 *   exact engine, a change caused by an event given only as an availability costs no transition
 *   time, and a target's failure is charged whether or not the service as a whole stays up;
 * - capacity: while a tier's request path works and at least minHealthy instances run, the share
 *   of requests refused, max(0, L − capacityRps × working instances) / R, with L following the
 *   working targets of the router that sends the tier its requests (`availability/capacity.ts`). The
 *   simulation uses the true joint state of the router's other targets, where the exact engine
 *   takes them as independent for routers with more than `EXACT_MAX_OTHERS` other targets.
 *
 * - planned maintenance: a maintenance window is a basic event like any other (exponential
 *   durations of the same means, so the same steady state); a rolling window under way takes one
 *   working instance out of the capacity count (`refusedShare` in watches.ts).
 *
 * Data-loss events follow the RPO rules of `runScenario` (`scenarios/scenario.ts`): a datastore is in a
 * losing state when, with the instances that stopped (own event, zone or region down), the
 * scenario engine would report a data loss above 0 s (or unbounded): an asynchronous replicated
 * tier whose primary instance (#0) stopped; a whole member that stopped, with asynchronous
 * replication to the peer that takes over (a standby member never counts); a tier without
 * replication, or a whole node without a peer, whose persistence window is not 0 (AOF every second,
 * snapshots, or no persistence at all). One event is counted each time a failure moves a datastore
 * from a state without loss into a losing state.
 */
import { operationsTime } from '../../model/operations';
import type { NinesDocument } from '../../model/types';
import {
  failoverTransitionSeconds,
  type ResolvedGraph,
  type Structure,
  type TrafficShares,
} from '../structure';
import type { Random } from './random';
import { HOURS_PER_YEAR } from '../availability';
import { meanTimes } from './durations';
import {
  capacityTiers,
  dataStores,
  isLosing,
  refusedShare,
  type CapacityTier,
  type DataStoreWatch,
} from './watches';

/** What one simulated year adds up to (hours are per year of 8,760 h). */
export interface YearTally {
  /** Hours during which the service did not work. */
  structuralHours: number;
  /** Hours lost to detection and promotion, each weighted by its traffic share. */
  transitionHours: number;
  /** Hours of refused requests for lack of capacity, weighted by the share refused. */
  capacityHours: number;
  /** Failures that lost data (see the module comment). */
  dataLossEvents: number;
}

const OP_CONST = 0;
const OP_EVENT = 1;
const OP_GATE = 2;

/** The simulation state of one variant; `runYear` advances it by one year. */
export class Machine {
  private readonly eventCount: number;
  private readonly exprCount: number;
  private readonly top: number;
  /** Per expression: number of working arguments needed (AND: all, OR: 1, at least k: k). */
  private readonly need: Int32Array;
  private readonly count: Int32Array;
  private readonly value: Uint8Array;
  private readonly parentStart: Int32Array;
  private readonly parents: Int32Array;
  private readonly eventExpr: Int32Array;
  /** 1 when a change of the expression costs transition time or changes a capacity term. */
  private readonly watched: Uint8Array;
  /** Transition hours (× share) charged when the expression goes from working to failed. */
  private readonly transitionLoss: Float64Array;
  private readonly capacityByExpr: Int32Array[];
  private readonly capacityByEvent: Int32Array[];
  private readonly storesByEvent: Int32Array[];

  private readonly up: Uint8Array;
  private readonly hasFrequency: Uint8Array;
  private readonly meanUp: Float64Array;
  private readonly meanDown: Float64Array;
  private readonly time: Float64Array;
  private readonly heap: Int32Array;

  private readonly tiers: readonly CapacityTier[];
  private readonly tierRate: Float64Array;
  private capacityRate = 0;
  private readonly stores: readonly DataStoreWatch[];
  private readonly storeLosing: Uint8Array;

  private readonly stack: Int32Array;
  private readonly changed: Int32Array;
  private readonly tierStamp: Int32Array;
  private stamp = 0;
  private readonly tally: YearTally = {
    structuralHours: 0,
    transitionHours: 0,
    capacityHours: 0,
    dataLossEvents: 0,
  };

  /**
   * Compiles `structure` and draws the initial state from the steady state with `random`, or
   * starts with exactly the events of `startDown` down (e.g. the empty set: everything works).
   */
  constructor(
    doc: NinesDocument,
    graph: ResolvedGraph,
    structure: Structure,
    traffic: TrafficShares,
    private readonly random: Random,
    startDown?: ReadonlySet<number>,
  ) {
    const exprs = structure.exprs;
    const { decisionSeconds } = operationsTime(doc);
    this.eventCount = structure.events.length;
    this.exprCount = exprs.length;
    this.top = structure.top;

    // ---- the expression DAG as arrays ----
    const op = new Uint8Array(this.exprCount);
    this.need = new Int32Array(this.exprCount);
    this.count = new Int32Array(this.exprCount);
    this.value = new Uint8Array(this.exprCount);
    this.eventExpr = new Int32Array(this.eventCount);
    const parentLists: number[][] = exprs.map(() => []);
    exprs.forEach((expr, id) => {
      switch (expr.op) {
        case 'const':
          op[id] = OP_CONST;
          this.value[id] = expr.value ? 1 : 0;
          break;
        case 'event':
          op[id] = OP_EVENT;
          this.eventExpr[expr.event] = id;
          break;
        default:
          op[id] = OP_GATE;
          this.need[id] = expr.op === 'atLeast' ? expr.k : expr.op === 'and' ? expr.args.length : 1;
          // One entry per occurrence: an at-least node may list an argument twice.
          for (const a of expr.args) (parentLists[a] as number[]).push(id);
      }
    });
    this.parentStart = new Int32Array(this.exprCount + 1);
    parentLists.forEach((list, id) => {
      this.parentStart[id + 1] = (this.parentStart[id] as number) + list.length;
    });
    this.parents = Int32Array.from(parentLists.flat());
    this.stack = new Int32Array(this.exprCount);
    this.changed = new Int32Array(this.exprCount);

    // ---- events ----
    this.up = new Uint8Array(this.eventCount);
    this.hasFrequency = new Uint8Array(this.eventCount);
    this.meanUp = new Float64Array(this.eventCount);
    this.meanDown = new Float64Array(this.eventCount);
    this.time = new Float64Array(this.eventCount);
    structure.events.forEach((event, e) => {
      const q = event.unavailability;
      const times = meanTimes(event);
      this.hasFrequency[e] = event.failuresPerHour > 0 ? 1 : 0;
      this.meanUp[e] = times.up;
      this.meanDown[e] = times.down;
      const isUp = startDown ? !startDown.has(e) : random.nextFloat() >= q;
      this.up[e] = isUp ? 1 : 0;
    });

    // ---- what is watched ----
    this.watched = new Uint8Array(this.exprCount);
    this.transitionLoss = new Float64Array(this.exprCount);
    for (const router of structure.routers) {
      for (const target of router.targets) {
        const share = traffic.routed.get(`${router.routerId}>${target.nodeId}`) ?? 0;
        if (share > 0 && router.detectionSeconds > 0) {
          this.transitionLoss[target.expr] =
            (this.transitionLoss[target.expr] as number) + (router.detectionSeconds / 3600) * share;
          this.watched[target.expr] = 1;
        }
      }
    }
    for (const failover of structure.failovers) {
      const share = traffic.node.get(failover.nodeIds[0] as string) ?? 0;
      const seconds = failoverTransitionSeconds(failover, decisionSeconds);
      if (share > 0 && seconds > 0) {
        this.transitionLoss[failover.primaryExpr] =
          (this.transitionLoss[failover.primaryExpr] as number) + (seconds / 3600) * share;
        this.watched[failover.primaryExpr] = 1;
      }
    }

    this.tiers = capacityTiers(doc, graph, structure, traffic);
    this.tierRate = new Float64Array(this.tiers.length);
    this.tierStamp = new Int32Array(this.tiers.length);
    const byExpr: number[][] = exprs.map(() => []);
    const byEvent: number[][] = structure.events.map(() => []);
    this.tiers.forEach((tier, i) => {
      const exprsOfTier = [tier.pathExpr, ...(tier.routed?.otherExprs ?? [])];
      for (const x of new Set(exprsOfTier)) {
        (byExpr[x] as number[]).push(i);
        this.watched[x] = 1;
      }
      const events = [
        tier.regionEvent,
        tier.rollingEvent,
        ...tier.instanceEvents,
        ...tier.zoneEvents,
      ];
      for (const e of new Set(events)) if (e >= 0) (byEvent[e] as number[]).push(i);
    });
    this.capacityByExpr = byExpr.map((l) => Int32Array.from(l));
    this.capacityByEvent = byEvent.map((l) => Int32Array.from(l));

    this.stores = dataStores(doc, graph, structure);
    this.storeLosing = new Uint8Array(this.stores.length);
    const storesByEvent: number[][] = structure.events.map(() => []);
    this.stores.forEach((store, i) => {
      const events = [store.regionEvent, ...store.instanceEvents, ...store.zoneEvents];
      for (const e of new Set(events)) if (e >= 0) (storesByEvent[e] as number[]).push(i);
    });
    this.storesByEvent = storesByEvent.map((l) => Int32Array.from(l));

    // ---- initial values, rates and clock ----
    for (let id = 0; id < this.exprCount; id++) {
      if (op[id] === OP_EVENT) {
        const event = (exprs[id] as { event: number }).event;
        this.value[id] = this.up[event] as number;
      } else if (op[id] === OP_GATE) {
        const args = (exprs[id] as { args: readonly number[] }).args;
        let working = 0;
        for (const a of args) working += this.value[a] as number;
        this.count[id] = working;
        this.value[id] = working >= (this.need[id] as number) ? 1 : 0;
      }
    }
    this.tiers.forEach((_, i) => (this.tierRate[i] = this.rateOfTier(i)));
    this.capacityRate = this.tierRate.reduce((sum, r) => sum + r, 0);
    this.stores.forEach((_, i) => (this.storeLosing[i] = this.isStoreLosing(i) ? 1 : 0));
    this.heap = new Int32Array(this.eventCount);
    for (let e = 0; e < this.eventCount; e++) {
      this.time[e] = this.duration(e);
      this.heap[e] = e;
    }
    for (let i = (this.eventCount >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** Runs one year of 8,760 h from the current state; the tally is reused between calls. */
  runYear(): Readonly<YearTally> {
    const tally = this.tally;
    tally.structuralHours = 0;
    tally.transitionHours = 0;
    tally.capacityHours = 0;
    tally.dataLossEvents = 0;
    let now = 0;
    const heap = this.heap;
    const time = this.time;
    while (this.eventCount > 0) {
      const e = heap[0] as number;
      const at = time[e] as number;
      if (at >= HOURS_PER_YEAR) break;
      const dt = at - now;
      if (this.value[this.top] === 0) tally.structuralHours += dt;
      tally.capacityHours += this.capacityRate * dt;
      now = at;
      this.toggle(e);
      time[e] = at + this.duration(e);
      this.siftDown(0);
    }
    const dt = HOURS_PER_YEAR - now;
    if (this.value[this.top] === 0) tally.structuralHours += dt;
    tally.capacityHours += this.capacityRate * dt;
    // Keep the clock small so that short durations keep their digits over millions of years.
    for (let e = 0; e < this.eventCount; e++) time[e] = (time[e] as number) - HOURS_PER_YEAR;
    return tally;
  }

  /**
   * Fails (or repairs) event `e` at once, as a scenario forces it, outside the clock; returns the
   * data-loss events and the transition hours (× traffic share) the change counts.
   */
  flip(e: number): { readonly dataLossEvents: number; readonly transitionHours: number } {
    const { dataLossEvents, transitionHours } = this.tally;
    this.toggle(e);
    return {
      dataLossEvents: this.tally.dataLossEvents - dataLossEvents,
      transitionHours: this.tally.transitionHours - transitionHours,
    };
  }

  /** Share of all requests refused for lack of capacity in the current state, in [0, 1]. */
  refusedShare(): number {
    return this.capacityRate;
  }

  /** Basic events that are down now, in index order. */
  downEvents(): number[] {
    const down: number[] = [];
    for (let e = 0; e < this.eventCount; e++) if (!this.up[e]) down.push(e);
    return down;
  }

  /** Whether expression `expr` works now (kept up to date incrementally). */
  isWorking(expr: number): boolean {
    return this.value[expr] === 1;
  }

  /** How long event `e` stays in its current state, hours (infinite for a constant event). */
  private duration(e: number): number {
    const mean = this.up[e] ? (this.meanUp[e] as number) : (this.meanDown[e] as number);
    return mean === Number.POSITIVE_INFINITY ? mean : this.random.nextExponential(mean);
  }

  /** Flips event `e` and updates every expression, transition, capacity and data-loss state. */
  private toggle(e: number): void {
    const isUp = this.up[e] ? 0 : 1;
    this.up[e] = isUp;
    const value = this.value;
    const count = this.count;
    const need = this.need;
    const parentStart = this.parentStart;
    const parents = this.parents;
    const stack = this.stack;
    const changed = this.changed;
    let changes = 0;
    let depth = 0;
    const start = this.eventExpr[e] as number;
    value[start] = isUp;
    if (this.watched[start]) changed[changes++] = start;
    stack[depth++] = start;
    const delta = isUp ? 1 : -1;
    // In a coherent structure one event's change moves every expression the same way, so each
    // changes at most once and the order of propagation does not matter.
    while (depth > 0) {
      const x = stack[--depth] as number;
      const end = parentStart[x + 1] as number;
      for (let i = parentStart[x] as number; i < end; i++) {
        const p = parents[i] as number;
        const c = (count[p] as number) + delta;
        count[p] = c;
        const v = c >= (need[p] as number) ? 1 : 0;
        if (v !== value[p]) {
          value[p] = v;
          stack[depth++] = p;
          if (this.watched[p]) changed[changes++] = p;
        }
      }
    }

    let stamp = 0;
    if (changes > 0 || (this.capacityByEvent[e] as Int32Array).length > 0) stamp = ++this.stamp;
    let tiersChanged = false;
    for (let i = 0; i < changes; i++) {
      const x = changed[i] as number;
      if (!isUp && this.hasFrequency[e])
        this.tally.transitionHours += this.transitionLoss[x] as number;
      for (const t of this.capacityByExpr[x] as Int32Array) {
        if (this.tierStamp[t] !== stamp) {
          this.tierStamp[t] = stamp;
          tiersChanged = true;
        }
      }
    }
    for (const t of this.capacityByEvent[e] as Int32Array) {
      if (this.tierStamp[t] !== stamp) {
        this.tierStamp[t] = stamp;
        tiersChanged = true;
      }
    }
    if (tiersChanged) {
      let rate = 0;
      for (let t = 0; t < this.tiers.length; t++) {
        if (this.tierStamp[t] === stamp) this.tierRate[t] = this.rateOfTier(t);
        rate += this.tierRate[t] as number;
      }
      this.capacityRate = rate;
    }

    for (const s of this.storesByEvent[e] as Int32Array) {
      const losing = this.isStoreLosing(s) ? 1 : 0;
      if (losing && !this.storeLosing[s] && !isUp) this.tally.dataLossEvents++;
      this.storeLosing[s] = losing;
    }
  }

  /** Share of all requests tier `t` refuses in the current state (capacity.ts). */
  private rateOfTier(t: number): number {
    return refusedShare(this.tiers[t] as CapacityTier, this.up, this.value);
  }

  /** Whether datastore `s` is, in the current state, in a state that lost data (scenario.ts). */
  private isStoreLosing(s: number): boolean {
    return isLosing(this.stores[s] as DataStoreWatch, this.up, this.value);
  }

  private siftDown(from: number): void {
    const heap = this.heap;
    const time = this.time;
    const n = this.eventCount;
    let i = from;
    const item = heap[i] as number;
    const t = time[item] as number;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (
        right < n &&
        (time[heap[right] as number] as number) < (time[heap[child] as number] as number)
      ) {
        child = right;
      }
      if ((time[heap[child] as number] as number) >= t) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = item;
  }
}
