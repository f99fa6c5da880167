import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PlannerState, PlannerStore } from './create-store';

const PlannerStoreContext = createContext<PlannerStore | null>(null);

/** Makes one window's store available to the components below it. */
export function PlannerStoreProvider({
  store,
  children,
}: {
  store: PlannerStore;
  children: ReactNode;
}) {
  return <PlannerStoreContext.Provider value={store}>{children}</PlannerStoreContext.Provider>;
}

/** The store itself, for event handlers that read or act without subscribing. */
export function usePlannerStore(): PlannerStore {
  const store = useContext(PlannerStoreContext);
  if (!store) throw new Error('usePlannerStore needs a PlannerStoreProvider above it');
  return store;
}

/** Subscribes to one slice of the planner state; re-renders only when it changes. */
export function usePlanner<T>(selector: (state: PlannerState) => T): T {
  return useStore(usePlannerStore(), selector);
}
