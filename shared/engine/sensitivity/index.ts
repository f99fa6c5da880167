/**
 * The sensitivity of downtime and yearly cost to each failure and price parameter (the
 * tornado charts). The door of shared/engine/sensitivity/.
 */
export { priceLabel, sensitivity, sensitivityKey } from './sensitivity';
export type {
  CostSensitivityBar,
  FailureParameter,
  PriceParameter,
  Sensitivity,
  SensitivityBar,
  SensitivityOptions,
  SensitivityParameter,
  SensitivitySubject,
} from './sensitivity';
