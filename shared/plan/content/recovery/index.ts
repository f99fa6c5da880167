/**
 * Chapter: recovery — the order in which components come back (from the dependency graph) and
 * one runbook per scenario: activation, detection, decision, its RACI, the timed steps against
 * the RTO (role, provider action, budget, running total, verification, go/no-go), the work
 * alongside and after, validation and failback. The folder's door: chapter (the chapter and
 * escalation), sequence (recovery order), runbook (its fixed outline), runbook-steps (the steps
 * from the engine's RTO parts), step-content (what each step says; a data tier's steps in
 * data-tier-steps, what they share in step-subject), runbook-table and raci (the
 * tables), provider-actions (the commands per provider and product) and products (which product
 * a component is), special-steps (partition, traffic shift, capacity), steps (after service),
 * after (validation and failback), lag (steady-state replication lag), roles.
 */
export { recoveryChapter } from './chapter';
export { PROVIDER_ACTIONS, actionsOf } from './provider-actions';
export type { ProductActions, ProductKey, ProviderCommand } from './provider-actions';
export { actionsFor, commandRuns, productKeyOf, providerOf, withCommand } from './products';
export { runbookSteps, runningTotals } from './runbook-steps';
export type { RunbookStep, RunbookTimeline, StepTime } from './runbook-steps';
export { steadyLagSeconds } from './lag';
