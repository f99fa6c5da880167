/**
 * A scenario's RTO, RPO or time to full capacity as a person reads it. The engine gives a null
 * figure with a reason; it is null for one of two reasons, told apart by its parts: a part of
 * the chain has no time in the model (`unknown`: e.g. a restore with no data size, a component
 * with only an availability), or nothing in the model ends it (`never` for a time to recover:
 * the service does not come back; `unbounded` for an RPO: data loss has no bound). Never `∞`
 * for an unknown.
 */
import { formatDuration } from './quantities';

/** What the text needs of the engine's decomposition of a scenario time. */
export interface TimeFigure {
  readonly seconds: number | null;
  readonly parts: readonly { readonly seconds: number | null }[];
  readonly reason?: string;
}

/**
 * The figure's text and, for a null figure, why (for a tooltip and the accessible name).
 * @example scenarioTime({ seconds: 300, parts: [] }, 'rto') // { text: '5 min' }
 * @example scenarioTime({ seconds: null, parts: [{ seconds: null }], reason: 'the restore time of db is unknown' }, 'rpo') // { text: 'unknown', reason: 'the restore time of db is unknown' }
 * @example scenarioTime({ seconds: null, parts: [], reason: 'nothing failed that can be repaired' }, 'rto') // { text: 'never', reason: 'nothing failed that can be repaired' }
 */
export function scenarioTime(
  figure: TimeFigure,
  kind: 'rto' | 'rpo' | 'full',
): { readonly text: string; readonly reason?: string } {
  if (figure.seconds !== null) return { text: formatDuration(figure.seconds) };
  const isUnknown = figure.parts.some((p) => p.seconds === null);
  const text = isUnknown ? 'unknown' : kind === 'rpo' ? 'unbounded' : 'never';
  return figure.reason ? { text, reason: figure.reason } : { text };
}
