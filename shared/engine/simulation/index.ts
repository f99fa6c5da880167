/**
 * Monte Carlo over years of simulated time: the event-driven machine, the seeded random source
 * and the report (mean, interval, histogram). The door of shared/engine/simulation/.
 */
export { MAX_CHANGES_PER_YEAR, MAX_SIMULATED_CHANGES, simulate, simulateAsync } from './simulate';
export type { AbortFlag, DowntimeBin, SimulatedVariant, SimulationReport } from './simulate';
