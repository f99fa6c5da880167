/**
 * Guard rails every export keeps: stop conditions only from the person's alarms (none is said
 * out loud), the role only as given (never a made-up ARN), names within the services' limits,
 * and nothing secret ever written.
 */
import type { ChaosOptions } from './types';

/**
 * Written where `--role-arn` was not given: not an ARN, so `aws fis create-experiment-template`
 * refuses it until a person puts the experiment role there (the README says which permissions).
 */
export const ROLE_PLACEHOLDER = 'REPLACE_WITH_FIS_EXPERIMENT_ROLE_ARN';
/** Written where `--subscription` was not given (Azure queries search these subscriptions). */
export const SUBSCRIPTION_PLACEHOLDER = 'REPLACE_WITH_AZURE_SUBSCRIPTION_ID';

/** A FIS stop condition (CreateExperimentTemplate `stopConditions[]`). */
export interface FisStopCondition {
  readonly source: 'aws:cloudwatch:alarm' | 'none';
  readonly value?: string;
}

/** One stop condition per `--stop-alarm`; FIS's explicit `{"source":"none"}` when there is none. */
export function fisStopConditions(options: ChaosOptions): FisStopCondition[] {
  return options.stopAlarms.length > 0
    ? options.stopAlarms.map((value) => ({ source: 'aws:cloudwatch:alarm', value }))
    : [{ source: 'none' }];
}

/** Warnings about the guard rails the options leave out, one line each. */
export function guardRailWarnings(options: ChaosOptions): string[] {
  const warnings: string[] = [];
  if (options.target === 'fis' && options.stopAlarms.length === 0) {
    warnings.push(
      'no --stop-alarm: the FIS templates have no stop condition ({"source":"none"}); an experiment that goes wrong runs to its end',
    );
  }
  if (options.target !== 'fis' && options.stopAlarms.length > 0) {
    warnings.push(`--stop-alarm applies to FIS only; ignored for --target ${options.target}`);
  }
  if (options.target === 'fis' && options.roleArn === undefined) {
    warnings.push(
      `no --role-arn: the templates hold ${ROLE_PLACEHOLDER}; put the experiment role's ARN there before creating them`,
    );
  }
  if (options.target === 'azure' && options.subscriptions.length === 0) {
    warnings.push(
      `no --subscription: the experiments' target queries hold ${SUBSCRIPTION_PLACEHOLDER}; put your subscription id there`,
    );
  }
  return warnings;
}

/** Longest FIS action or target name (CreateExperimentTemplate: 64 characters). */
export const FIS_NAME_MAX = 64;
/** Longest FIS template description (CreateExperimentTemplate: 512 characters). */
export const FIS_DESCRIPTION_MAX = 512;

/**
 * A name of at most `max` characters built from `parts`: joined by `-`, and when too long cut
 * and ended by a short digest of the whole so that two long names stay different.
 */
export function boundedName(parts: readonly string[], max = FIS_NAME_MAX): string {
  const whole = parts.join('-');
  if (whole.length <= max) return whole;
  const digest = fnv1a(whole).toString(16).padStart(8, '0');
  return `${whole.slice(0, max - digest.length - 1)}-${digest}`;
}

/** 32-bit FNV-1a of a string's UTF-16 units: a short, stable digest for names. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
