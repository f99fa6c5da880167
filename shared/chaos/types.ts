/** The shapes the chaos export passes between its parts and hands to its callers. */
import type { ScenarioResult } from '../engine';
import type { ModelNode, RegionNode, Scenario, Variant, ZoneNode } from '../model/types';
import type { ChaosState } from './state';

/** The fault-injection services the export writes for. */
export const CHAOS_TARGETS = ['fis', 'azure', 'chaos-mesh', 'litmus'] as const;
export type ChaosTarget = (typeof CHAOS_TARGETS)[number];

/** Each target's service as a reader knows it. */
export const CHAOS_TARGET_NAMES: Readonly<Record<ChaosTarget, string>> = {
  fis: 'AWS Fault Injection Service',
  azure: 'Azure Chaos Studio',
  'chaos-mesh': 'Chaos Mesh',
  litmus: 'LitmusChaos',
};

/** What the caller chooses; nothing here is ever a credential. */
export interface ChaosOptions {
  readonly target: ChaosTarget;
  /** Scenarios to export, by id; every scenario of the document when empty. */
  readonly scenarioIds: readonly string[];
  /** CloudWatch alarm ARNs that stop a FIS experiment (`--stop-alarm`). */
  readonly stopAlarms: readonly string[];
  /** The IAM role FIS assumes (`--role-arn`), written exactly as given. */
  readonly roleArn?: string;
  /** Azure subscription ids the Chaos Studio target queries search (`--subscription`). */
  readonly subscriptions: readonly string[];
  /**
   * A Terraform state to take FIS targets' ARNs from (`--target-by state`); targets select by
   * tag without it.
   */
  readonly state?: ChaosState;
}

/** One thing a scenario forces down, resolved against the variant's nodes. */
export type Fault =
  | { readonly kind: 'zone'; readonly zone: ZoneNode; readonly region: RegionNode }
  | { readonly kind: 'region'; readonly region: RegionNode; readonly zones: readonly ZoneNode[] }
  | { readonly kind: 'component'; readonly node: ModelNode }
  | { readonly kind: 'instance'; readonly node: ModelNode; readonly index: number }
  | { readonly kind: 'partition'; readonly a: RegionNode; readonly b: RegionNode };

/** How long each fault action lasts, and where that figure came from. */
export interface FaultDuration {
  /** Whole seconds, within [{@link MIN_DURATION_SECONDS}, the service's maximum]. */
  readonly seconds: number;
  /** In words: `the MTTR of use1-a (0.25 h)`, `the default for a zone outage`. */
  readonly source: string;
  /** True when the model's figure was longer than the service allows and was cut. */
  readonly capped: boolean;
}

/** A scenario that becomes an experiment on one variant. */
export interface ExperimentPlan {
  readonly kind: 'experiment';
  readonly variant: Variant;
  readonly scenario: Scenario;
  readonly result: ScenarioResult;
  readonly faults: readonly Fault[];
  readonly duration: FaultDuration;
}

/** A scenario that is not a fault: steps a person runs, with the reason it is not an experiment. */
export interface RunbookPlan {
  readonly kind: 'runbook';
  readonly variant: Variant;
  readonly scenario: Scenario;
  readonly result: ScenarioResult;
  readonly reason: string;
  readonly steps: readonly string[];
}

/** A scenario left out for this variant (it names nothing of it). */
export interface SkippedPlan {
  readonly kind: 'skipped';
  readonly variant: Variant;
  readonly scenario: Scenario;
  readonly reason: string;
}

export type ScenarioPlan = ExperimentPlan | RunbookPlan | SkippedPlan;

/** One file of the export: a path relative to the output folder (`/`-separated) and its text. */
export interface ChaosFile {
  readonly path: string;
  readonly text: string;
}

/** What one target writes for one experiment plan. */
export interface RenderedExperiment {
  /** File name → text, written into the scenario's folder beside `hypothesis.json`. */
  readonly files: readonly ChaosFile[];
  /** What the experiment does not reproduce of the scenario, or needs from the person. */
  readonly notes: readonly string[];
  /**
   * One line per action written, in file order: the FIS action id, the Chaos Studio fault URN,
   * `PodChaos pod-failure`, the Litmus experiment name.
   */
  readonly actions: readonly string[];
}

/**
 * What the export did with one scenario of one variant: where its experiment and hypothesis are
 * (paths relative to the output folder, `/`-separated, as `nines export-chaos` writes them), the
 * README's runbook entry that replaces it, or why it was left out. The plan's test programme
 * links each drill to its experiment with it.
 */
export type ExportedScenario =
  | {
      readonly kind: 'experiment';
      readonly variantId: string;
      readonly scenarioId: string;
      /** The experiment's files, without `hypothesis.json`. */
      readonly files: readonly string[];
      readonly hypothesis: string;
      /** Each kind of action once, with how many there are: `aws:ec2:stop-instances (× 2)`. */
      readonly actions: readonly string[];
      readonly notes: readonly string[];
    }
  | {
      readonly kind: 'runbook';
      readonly variantId: string;
      readonly scenarioId: string;
      /** The heading of the README's runbook entry for it. */
      readonly entry: string;
      readonly hypothesis: string;
      readonly reason: string;
    }
  | {
      readonly kind: 'left-out';
      readonly variantId: string;
      readonly scenarioId: string;
      readonly reason: string;
    };

/** The whole export: files to write and warnings for standard error. */
export interface ChaosExport {
  readonly files: readonly ChaosFile[];
  readonly warnings: readonly string[];
  /** Each chosen scenario of each variant, in variant then document order. */
  readonly scenarios: readonly ExportedScenario[];
}

/** Tag key on cloud resources that names the Nines node they belong to. */
export const NODE_TAG = 'nines:node';
/** Kubernetes label that names the Nines node a pod belongs to. */
export const NODE_LABEL = 'nines.io/node';
