/**
 * The prediction an experiment tests: the scenario's result exactly as `nines evaluate --json`
 * reports it (status, served share, RTO and RPO with their parts, phases, notes), so a game day
 * compares what it measured with what the model said.
 */
import type { ScenarioResult } from '../engine';
import { formatDuration, formatShare } from '../text';

/** `hypothesis.json`'s text: the scenario result as JSON, 2-space indented, ending in a newline. */
export function hypothesisText(result: ScenarioResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

const STATUS = { full: 'full service', degraded: 'degraded', down: 'service down' } as const;

/**
 * The hypothesis in one line for a reader: `full service, 100 % served; RTO 30 s; RPO 1 ms`. An
 * RTO of null is "never" (the service does not come back); an RPO of null is unknown or
 * unbounded, as the engine defines them.
 */
export function predictionText(r: ScenarioResult): string {
  const status = r.status === null ? 'does not apply' : STATUS[r.status];
  return `${status}, ${formatShare(r.servedShare)} served; RTO ${formatDuration(r.rtoSeconds, { unbounded: 'never' })}; RPO ${formatDuration(r.rpoSeconds, { unbounded: 'unknown or unbounded' })}`;
}
