import type { StateCreator } from 'zustand';
import type { ScenarioResult } from '../../../../shared/engine';
import type { Variant } from '../../../../shared/model/types';
import { nodesOfEvents } from '../results';
import type { PlannerState, ScenarioSlice } from '../state';

export const createScenarioSlice: StateCreator<PlannerState, [], [], ScenarioSlice> = (set) => ({
  view: 'design',
  activeScenarioId: null,
  whatIf: null,
  setView: (view) => set({ view }),
  setActiveScenario: (scenarioId) =>
    set((state) => ({
      activeScenarioId: scenarioId,
      whatIf: state.whatIf?.scenario.id === scenarioId ? state.whatIf : null,
    })),
  askWhatIf: (whatIf) => set({ activeScenarioId: whatIf.scenario.id, whatIf }),
});

/**
 * How scenario mode marks the canvas: the nodes the scenario stops (what it lists in `stops`,
 * and everything inside a stopped zone or region) and the components that keep working.
 */
export function scenarioMarks(
  variant: Variant,
  result: ScenarioResult,
): ReadonlyMap<string, 'stopped' | 'survivor'> {
  const stopped = nodesOfEvents(result.stops);
  const parentOf = new Map(variant.nodes.map((n) => [n.id, n.parent]));
  const isStopped = (id: string | undefined): boolean => {
    for (let at = id; at !== undefined; at = parentOf.get(at)) if (stopped.has(at)) return true;
    return false;
  };
  const marks = new Map<string, 'stopped' | 'survivor'>();
  for (const node of variant.nodes) {
    if (isStopped(node.id)) marks.set(node.id, 'stopped');
    else if (node.kind !== 'region' && node.kind !== 'zone') marks.set(node.id, 'survivor');
  }
  return marks;
}

export type { WindowView, ScenarioSlice } from '../state';
