/** The time one failover costs in the transition term. */
import type { FailoverInfo } from './types';

/**
 * The d of the transition term of `failover`, seconds: its `transitionSeconds`, plus the people's
 * decision (`operations.decisionSeconds`) when a person promotes the standby.
 */
export function failoverTransitionSeconds(failover: FailoverInfo, decisionSeconds: number): number {
  return failover.transitionSeconds + (failover.manual ? decisionSeconds : 0);
}
