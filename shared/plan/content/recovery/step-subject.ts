/**
 * What every runbook step's words are made of (`step-content.ts`, `data-tier-steps.ts`): the words
 * themselves, what a step is about, and how a provider check verifies it.
 */
import type { ScenarioResult } from '../../../engine';
import type { Scenario } from '../../../model/types';
import { inline, type Inline } from '../../document';
import type { PlanBasis } from '../context';
import type { RoleName } from '../roles';
import type { ProviderCommand } from './provider-actions';

/** A step's words: who, what, how to tell it worked, and when to stop or roll back. */
export interface StepContent {
  readonly role: RoleName;
  readonly action: Inline;
  readonly verify: Inline;
  readonly goNoGo: Inline;
}

/** What a step is about, besides the engine's part. */
export interface StepSubject {
  readonly ctx: PlanBasis;
  readonly s: ScenarioResult;
  readonly scenario: Scenario;
}

/** The verification of a check: what its output shows when all is well, else `fallback`. */
export function shows(check: ProviderCommand | undefined, fallback: string): Inline {
  return inline(check?.expect === undefined ? fallback : `The check shows ${check.expect}.`);
}
