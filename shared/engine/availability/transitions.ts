/**
 * U_transition of DESIGN.md: time lost while traffic moves after a failure the structure
 * tolerates, to first order (terms with two overlapping failures are left out).
 *
 *   U_transition = Σ_routers ρ Σ_targets t  w_t · d_ρ · s_t  +  Σ_data tiers  w_p · f · s_p
 *
 * - w_t: failure frequency of the sub-system "t works as seen from ρ", w = Σ_i I_B(i) · w_i
 *   (`FailureModel.failuresPerHour`), per hour.
 * - d_ρ = healthCheckSeconds × failureThreshold + dnsTtlSeconds (Azure Traffic Manager
 *   monitoring timeline, REF-23), converted to hours.
 * - s_t: share of all requests ρ sends to t (`trafficShares`).
 * - data tiers that fail over: w_p of the primary, f the time one failover costs
 *   (`FailoverInfo.transitionSeconds`), s_p the share of requests that need the tier (RDS
 *   Multi-AZ: downtime = failover rate × duration, REF-19). With automatic failover
 *   f = failoverSeconds; with a manual one (`autoFailover: false`: a person decides and promotes
 *   the standby) f = failoverSeconds + the standby's warmupSeconds. First order: the primary's
 *   repair is taken to be slower than the promotion; when it is faster, the term overstates.
 *
 * Example (DESIGN.md worked example): each region's stack fails 0.50207 times a year, the DNS
 * router takes 10 s × 3 + 30 s = 60 s and sends each region half the requests:
 * U = 2 × 0.50207 / 8760 h × (60 / 3600) h × 0.5 = 9.5524e-7.
 *
 * Example (manual failover): a primary that fails 1 / (17,520 h + 4 h) per hour with all the
 * requests, promoted by a person in 1,800 s onto a standby that warms up for 600 s:
 * U = 1 / 17,524 × (2,400 / 3600) × 1 = 3.8043e-5 (20.0 min/yr).
 */
import type { FailureModel } from './probability';
import { failoverTransitionSeconds, type Structure, type TrafficShares } from '../structure';
import type { TransitionTerm } from './types';

/** Hours in a year of 365 days. */
export const HOURS_PER_YEAR = 8760;

/** Every transition term of the structure, largest first (ties in structure order). */
export function transitionTerms(
  structure: Structure,
  model: FailureModel,
  traffic: TrafficShares,
  decisionSeconds: number,
): TransitionTerm[] {
  const terms: TransitionTerm[] = [];
  const add = (
    kind: TransitionTerm['kind'],
    nodeIds: readonly string[],
    expr: number,
    seconds: number,
    share: number,
  ): void => {
    const perHour = model.failuresPerHour(expr);
    terms.push({
      kind,
      nodeIds,
      failuresPerYear: perHour * HOURS_PER_YEAR,
      seconds,
      trafficShare: share,
      unavailability: perHour * (seconds / 3600) * share,
    });
  };
  for (const router of structure.routers) {
    for (const target of router.targets) {
      const share = traffic.routed.get(`${router.routerId}>${target.nodeId}`) ?? 0;
      if (share > 0 && router.detectionSeconds > 0) {
        add(
          'router',
          [router.routerId, target.nodeId],
          target.expr,
          router.detectionSeconds,
          share,
        );
      }
    }
  }
  for (const failover of structure.failovers) {
    const share = traffic.node.get(failover.nodeIds[0] as string) ?? 0;
    const seconds = failoverTransitionSeconds(failover, decisionSeconds);
    if (share > 0 && seconds > 0) {
      add('failover', failover.nodeIds, failover.primaryExpr, seconds, share);
    }
  }
  return terms
    .map((term, i) => ({ term, i }))
    .sort((a, b) => b.term.unavailability - a.term.unavailability || a.i - b.i)
    .map(({ term }) => term);
}
