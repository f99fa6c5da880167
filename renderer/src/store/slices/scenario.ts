import type { StateCreator } from 'zustand';
import type { PlannerState } from '../create-store';

/** What the window shows in its middle: the design (canvas) or the comparison of variants. */
export type WindowView = 'design' | 'compare';

/** How the window looks at the results: the comparison view, and scenario mode on the canvas. */
export interface ScenarioSlice {
  view: WindowView;
  /** The scenario shown on the canvas (scenario mode), or null. */
  activeScenarioId: string | null;
  setView: (view: WindowView) => void;
  /** Enters scenario mode for `scenarioId`, or leaves it with null. */
  setActiveScenario: (scenarioId: string | null) => void;
}

export const createScenarioSlice: StateCreator<PlannerState, [], [], ScenarioSlice> = (set) => ({
  view: 'design',
  activeScenarioId: null,
  setView: (view) => set({ view }),
  setActiveScenario: (scenarioId) => set({ activeScenarioId: scenarioId }),
});
