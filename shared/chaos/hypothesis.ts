/**
 * The prediction an experiment tests: the scenario's result exactly as `nines evaluate --json`
 * reports it (status, served share, RTO and RPO with their parts, phases, notes), so a game day
 * compares what it measured with what the model said.
 */
import type { ScenarioResult } from '../engine';

/** `hypothesis.json`'s text: the scenario result as JSON, 2-space indented, ending in a newline. */
export function hypothesisText(result: ScenarioResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
