import type { StateCreator } from 'zustand';
import type { ScenarioResult } from '../../../../shared/engine';
import type { Variant } from '../../../../shared/model/types';
import type { WhatIfChoice } from '../../canvas/what-if';
import { nodesOfEvents } from '../results';
import type { PlannerState } from '../create-store';

/** What the window shows in its middle: the design (canvas) or the comparison of variants. */
export type WindowView = 'design' | 'compare';

/** How the window looks at the results: the comparison view, and scenario mode on the canvas. */
export interface ScenarioSlice {
  view: WindowView;
  /** The scenario shown on the canvas (scenario mode), or null. */
  activeScenarioId: string | null;
  /** A what-if asked on the canvas and not in the document; shown while it is the active one. */
  whatIf: WhatIfChoice | null;
  setView: (view: WindowView) => void;
  /** Enters scenario mode for `scenarioId`, or leaves it with null. */
  setActiveScenario: (scenarioId: string | null) => void;
  /** Enters scenario mode for a what-if asked on the canvas. */
  askWhatIf: (whatIf: WhatIfChoice) => void;
}

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
