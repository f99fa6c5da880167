/**
 * The sensitivity panel (the Results column's "Sensitivity · improve this first"): the tornado of
 * downtime per year or of yearly cost, computed in a Web Worker (useSensitivity), its table, and
 * the events to improve first. tornado-spec (what a tornado shows), TornadoChart (how it is drawn),
 * ImprovementList, useSensitivity, SensitivityPanel.
 */
export { SensitivityPanel } from './SensitivityPanel';
export { TornadoChart } from './TornadoChart';
export { parameterLabel, tornadoRows } from './tornado-spec';
export type { TornadoSpec } from './tornado-spec';
