/**
 * The structure as failure functions on one BDD: variable i is "basic event i has failed", with
 * probability q_i (its unavailability). By duality a working AND becomes a failure OR, a working
 * OR a failure AND, and "at least k of n work" becomes "at least n − k + 1 of n fail"; the
 * failure functions are monotone, which the cut set algorithm relies on. Unavailability is
 * computed directly (not as 1 − A) so that 1e-26 stays 1e-26.
 */
import { Bdd } from './bdd';
import type { Structure } from '../structure';

/** Failure functions of a structure's expressions on a shared BDD. */
export class FailureModel {
  /** The BDD manager; variables are the structure's events in order. */
  readonly bdd: Bdd;
  /** Unavailability q_i of every event, in variable order. */
  readonly q: Float64Array;
  private readonly memo: Map<number, number>;
  private readonly unavailabilityMemo = new Map<number, number>();

  /**
   * Prepares a failure model for `structure` (BDDs are built on demand by `failure`). With
   * `sameShape`, a model of a structure with the same expressions and other figures for its
   * events (e.g. without planned downtime), its diagrams are shared, not built again.
   */
  constructor(
    private readonly structure: Structure,
    sameShape?: FailureModel,
  ) {
    this.bdd = sameShape?.bdd ?? new Bdd(structure.events.length);
    this.memo = sameShape?.memo ?? new Map<number, number>();
    const q = new Float64Array(structure.events.length);
    structure.events.forEach((e, i) => {
      q[i] = e.unavailability;
    });
    this.q = q;
  }

  /** BDD of "expression `expr` does not work". */
  failure(expr: number): number {
    const memo = this.memo.get(expr);
    if (memo !== undefined) return memo;
    const e = this.structure.exprs[expr];
    if (!e) throw new Error(`unknown expression ${expr}`);
    let f: number;
    switch (e.op) {
      case 'const':
        f = e.value ? 0 : 1;
        break;
      case 'event':
        f = this.bdd.variable(e.event);
        break;
      case 'and':
        f = this.bdd.orAll(e.args.map((a) => this.failure(a)));
        break;
      case 'or':
        f = this.bdd.andAll(e.args.map((a) => this.failure(a)));
        break;
      case 'atLeast':
        f =
          this.zonedThreshold(e.args.length - e.k + 1, e.args) ??
          this.bdd.atLeast(
            e.args.length - e.k + 1,
            e.args.map((a) => this.failure(a)),
          );
        break;
    }
    this.memo.set(expr, f);
    return f;
  }

  /**
   * A tier's "at least m of its instances fail" when every instance is an event, or an event
   * AND a zone event, and each zone comes just before the instances in it in the variable order
   * (as `buildStructure` orders them): a zone down counts all of its instances as failed, so
   * the threshold is a count carried from zone group to zone group. Built with O(n · m) nodes
   * and no apply, however many zones; undefined when the shape does not fit.
   */
  private zonedThreshold(m: number, args: readonly number[]): number | undefined {
    const instances: { v: number; zone?: number }[] = [];
    for (const a of args) {
      const e = this.structure.exprs[a];
      if (e?.op === 'event') instances.push({ v: e.event });
      else if (e?.op === 'and' && e.args.length === 2) {
        const [x, y] = e.args.map((b) => this.structure.exprs[b]);
        if (x?.op !== 'event' || y?.op !== 'event') return undefined;
        const zoneFirst = x.event < y.event;
        instances.push({ v: zoneFirst ? y.event : x.event, zone: zoneFirst ? x.event : y.event });
      } else return undefined;
    }
    instances.sort((a, b) => a.v - b.v);
    const groups: { zone?: number; vars: number[] }[] = [];
    for (const inst of instances) {
      const last = groups[groups.length - 1];
      if (last && last.zone === inst.zone) last.vars.push(inst.v);
      else
        groups.push(
          inst.zone === undefined ? { vars: [inst.v] } : { zone: inst.zone, vars: [inst.v] },
        );
    }
    // Each zone once, after everything of the group before it and before its own instances.
    const seen = new Set<number>();
    let previous = -1;
    for (const g of groups) {
      if (g.zone !== undefined) {
        if (seen.has(g.zone) || g.zone <= previous || g.zone >= (g.vars[0] as number))
          return undefined;
        seen.add(g.zone);
      }
      if (new Set(g.vars).size !== g.vars.length) return undefined;
      previous = g.vars[g.vars.length - 1] as number;
    }
    return this.bdd.groupedThreshold(m, groups);
  }

  /** Probability that `expr` does not work. */
  unavailability(expr: number): number {
    const memo = this.unavailabilityMemo.get(expr);
    if (memo !== undefined) return memo;
    const u = this.bdd.probability(this.failure(expr), this.q);
    this.unavailabilityMemo.set(expr, u);
    return u;
  }

  /** Birnbaum importance of every event for `expr`: ∂U/∂q_i = P(up | i up) − P(up | i down). */
  birnbaum(expr: number): Float64Array {
    return this.bdd.derivatives(this.failure(expr), this.q);
  }

  /**
   * Failure frequency of `expr`, per hour: w = Σ_i I_B(i) · w_i with w_i = 1 / (MTBF_i + MTTR_i)
   * (the steady-state frequency of failures of a coherent system of independent repairable
   * components: Barlow & Proschan, Statistical Theory of Reliability and Life Testing, 1975;
   * Rausand & Høyland, System Reliability Theory). Events given only as an
   * availability have no frequency and add nothing.
   */
  failuresPerHour(expr: number): number {
    const ib = this.birnbaum(expr);
    let w = 0;
    this.structure.events.forEach((event, i) => {
      w += (ib[i] as number) * event.failuresPerHour;
    });
    return w;
  }
}
