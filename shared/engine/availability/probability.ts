/**
 * The structure as failure functions on one BDD: variable i is "basic event i has failed", with
 * probability q_i (its unavailability). By duality a working AND becomes a failure OR, a working
 * OR a failure AND, and "at least k of n work" becomes "at least n − k + 1 of n fail"; the
 * failure functions are monotone, which the cut set algorithm relies on. Unavailability is
 * computed directly (not as 1 − A) so that 1e-26 stays 1e-26.
 */
import { Bdd } from './bdd';
import type { Structure } from '../structure';

/** Most zones a k-of-n is expanded over (2^zones patterns); beyond, the generic programme. */
const MAX_EXPANDED_ZONES = 6;

/** Failure functions of a structure's expressions on a shared BDD. */
export class FailureModel {
  /** The BDD manager; variables are the structure's events in order. */
  readonly bdd: Bdd;
  /** Unavailability q_i of every event, in variable order. */
  readonly q: Float64Array;
  private readonly memo = new Map<number, number>();
  private readonly unavailabilityMemo = new Map<number, number>();

  /** Prepares a failure model for `structure` (BDDs are built on demand by `failure`). */
  constructor(private readonly structure: Structure) {
    this.bdd = new Bdd(structure.events.length);
    this.q = Float64Array.from(structure.events, (e) => e.unavailability);
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
   * AND a zone event, and every zone comes before every instance in the variable order: a
   * Shannon expansion over the zones, with a threshold over the instances in the zones that
   * are up below each zone pattern (m lowered by the instances in failed zones). Built with
   * O(2^zones · n · m) nodes and no apply, where the generic programme over BDDs would build
   * every partial result through the zones. Undefined when the shape does not fit.
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
    const zones = [
      ...new Set(instances.flatMap((i) => (i.zone === undefined ? [] : [i.zone]))),
    ].sort((a, b) => a - b);
    const firstInstance = Math.min(...instances.map((i) => i.v));
    const distinct = new Set(instances.map((i) => i.v)).size === instances.length;
    if (
      !distinct ||
      zones.length > MAX_EXPANDED_ZONES ||
      zones.some((z) => z >= firstInstance || instances.some((i) => i.v === z))
    ) {
      return undefined;
    }
    const expand = (index: number, down: ReadonlySet<number>): number => {
      if (index === zones.length) {
        const lost = instances.filter((i) => i.zone !== undefined && down.has(i.zone)).length;
        const alive = instances.filter((i) => i.zone === undefined || !down.has(i.zone));
        return this.bdd.thresholdOfVariables(
          m - lost,
          alive.map((i) => i.v),
        );
      }
      const zone = zones[index] as number;
      return this.bdd.ite(
        zone,
        expand(index + 1, new Set([...down, zone])),
        expand(index + 1, down),
      );
    };
    return expand(0, new Set());
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
