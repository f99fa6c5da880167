/**
 * Importance measures per basic event, exact from the failure BDD:
 *
 * - Birnbaum I_B(i) = ∂U/∂q_i = P(up | i up) − P(up | i down) (Birnbaum 1969).
 * - Fussell–Vesely FV(i) = (U − U|_{q_i=0}) / U = q_i · I_B(i) / U: the share of the
 *   unavailability that goes away if event i never failed (the "risk reduction" form used by
 *   SAPHIRE and RiskSpectrum; SCRAM reports the same figure as CIF). The cut-set form
 *   P(some cut set with i fails) / U agrees with it to first order.
 *
 * Example: two independent components in series with q = 1e-4 each: U ≈ 2e-4, I_B ≈ 0.9999,
 * FV ≈ 0.5 for both.
 */
import type { FailureModel } from './probability';
import type { Structure } from '../structure';
import type { EventImportance } from './types';

/** Birnbaum and Fussell–Vesely importance of every event, by FV then Birnbaum, descending. */
export function importanceMeasures(structure: Structure, model: FailureModel): EventImportance[] {
  const u = model.unavailability(structure.top);
  const ib = model.birnbaum(structure.top);
  return structure.events
    .map((event, i) => {
      // The derivative of a coherent structure is ≥ 0; clamp the −1e-33 that rounding leaves.
      const birnbaum = Math.max(0, ib[i] as number);
      return {
        i,
        importance: {
          event: event.name,
          birnbaum,
          fussellVesely: u > 0 ? (event.unavailability * birnbaum) / u : 0,
        },
      };
    })
    .sort(
      (a, b) =>
        b.importance.fussellVesely - a.importance.fussellVesely ||
        b.importance.birnbaum - a.importance.birnbaum ||
        a.i - b.i,
    )
    .map(({ importance }) => importance);
}
