/**
 * `nines diff`: what a change to a design does to every figure (docs/diff.md). Two documents →
 * the `nines-diff/1` document as data ({@link diffDesigns}), then its outputs: text for a
 * terminal, Markdown for a pull-request comment, and the lines the app's diff view shows.
 * Exports only, no code.
 */
export { diffDesigns } from './diff';
export type { DiffInputSide, DiffOptions, DiffResult } from './diff';
export { DEFAULT_MAX_DOWNTIME_INCREASE_PCT } from './regressions';
export { RENAME_SHARE } from './topology';
export { renderText } from './text';
export { renderMarkdown, MARKER_PREFIX } from './markdown';
export {
  costChangeText,
  costText,
  downtimeText,
  headlineParts,
  pricesLine,
  ninesText,
  scenarioChangeText,
  spofText,
  topologyLines,
  topologySummary,
  KEY_LINE,
} from './lines';
export { arrow, minutesArrow, SHOW } from './display';
export { DIFF_FORMAT } from './types';
export type {
  CostPair,
  DesignDiff,
  DiffSide,
  DocumentChanges,
  EdgeRef,
  FieldChange,
  FiguresDiff,
  Finding,
  FindingRule,
  LinkRef,
  NodeChange,
  NodeRef,
  NodeRename,
  NumberPair,
  PercentPair,
  ScenarioDiff,
  ScenarioOutcome,
  TopologyDiff,
  VariantDiff,
} from './types';
