/**
 * Types every capability of the engine shares: a problem in the user's model (`EngineIssue`) and
 * a basic event of the structure (`EventInfo`). The availability results (`nines evaluate
 * --json`) are in availability/types.ts. This file imports nothing from the engine, so every
 * capability folder can use it without a cycle.
 */

/** A problem in the user's model, reported as data (never thrown). */
export interface EngineIssue {
  /** Stable machine-readable code, e.g. `dependency-cycle`, `missing-entry`. */
  readonly code: string;
  /** `error` stops the evaluation of the variant; `warning` is reported alongside results. */
  readonly severity: 'error' | 'warning';
  /** Nodes concerned, in the order they help to read the message. */
  readonly nodeIds: readonly string[];
  readonly message: string;
}

/** One basic event of the structure with its figures. */
export interface EventInfo {
  readonly name: string;
  /**
   * `common-cause`: a variant's `cause:<id>` or a tier's beta-factor event `<id>#ccf`;
   * `maintenance`: a tier's planned maintenance windows `<id>#maint`.
   */
  readonly kind: 'region' | 'zone' | 'link' | 'component' | 'common-cause' | 'maintenance';
  /** Unavailability q = 1 − A = MTTR / (MTBF + MTTR), or 1 − the given availability. */
  readonly unavailability: number;
  /** Failure frequency 1 / (MTBF + MTTR), per hour; 0 when only an availability is given. */
  readonly failuresPerHour: number;
}
