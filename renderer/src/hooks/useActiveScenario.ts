import { useMemo } from 'react';
import { evaluateScenario, type ScenarioResult } from '../../../shared/engine';
import { usePlanner } from '../store/context';
import { useResults } from './useResults';

/**
 * The result of the scenario shown in scenario mode: one of the document's scenarios, from the
 * window's results, or a what-if asked on the canvas, run here when it is asked and when the
 * document changes (one scenario takes well under a frame on the templates). Undefined outside
 * scenario mode and while the results are pending.
 */
export function useActiveScenario(): ScenarioResult | undefined {
  const results = useResults();
  const activeScenarioId = usePlanner((s) => s.activeScenarioId);
  const whatIf = usePlanner((s) => s.whatIf);
  const document = usePlanner((s) => s.document);
  const variantId = usePlanner((s) => s.activeVariantId);
  const isWhatIf = whatIf !== null && whatIf.scenario.id === activeScenarioId;
  const whatIfResult = useMemo(
    () =>
      isWhatIf && document && variantId
        ? evaluateScenario(document, variantId, whatIf.scenario)
        : undefined,
    [isWhatIf, whatIf, document, variantId],
  );
  if (activeScenarioId === null) return undefined;
  return isWhatIf ? whatIfResult : results?.scenarios.find((r) => r.id === activeScenarioId);
}
