/**
 * FIS experiment templates as data: the action ids the export writes, targets and actions
 * gathered per template (a draft), and the CreateExperimentTemplate bodies a draft becomes, kept
 * within FIS's quotas (20 actions a template; the network actions' targets per action) by
 * splitting into parts. What each fault adds to a draft is in ./fis.
 */
import {
  boundedName,
  fisStopConditions,
  FIS_DESCRIPTION_MAX,
  ROLE_PLACEHOLDER,
  type FisStopCondition,
} from './guard-rails';
import type { ChaosOptions, ExperimentPlan } from './types';

/** Every FIS action id the export may write (checked against `aws fis list-actions`). */
export const FIS_ACTION_IDS = [
  'aws:ec2:stop-instances',
  'aws:ec2:asg-insufficient-instance-capacity-error',
  'aws:network:disrupt-connectivity',
  'aws:elasticache:replicationgroup-interrupt-az-power',
  'aws:network:route-table-disrupt-cross-region-connectivity',
  'aws:network:transit-gateway-disrupt-cross-region-connectivity',
] as const;
export type FisActionId = (typeof FIS_ACTION_IDS)[number];

/**
 * Most actions one template holds (FIS quota "Actions per experiment template", L-0BFE6B67, 20,
 * not adjustable): more are split over several templates, run together.
 */
export const FIS_MAX_ACTIONS = 20;

/**
 * Most resources one FIS network-disruption action targets, by default: the Service Quotas
 * "Target Subnets for aws:network:disrupt-connectivity" (L-1F59732D, 5), "Target Subnets for
 * aws:network:route-table-disrupt-cross-region-connectivity" (L-100E963F, 6) and "Target
 * TransitGateways for aws:network:transit-gateway-disrupt-cross-region-connectivity"
 * (L-2CF2B517, 5); adjustable, so the export splits rather than refuses. Only ARN lists (from a
 * state) can be counted: a tag selects what it finds when the experiment starts.
 */
export const FIS_TARGET_QUOTAS: Readonly<Partial<Record<FisActionId, number>>> = {
  'aws:network:disrupt-connectivity': 5,
  'aws:network:route-table-disrupt-cross-region-connectivity': 6,
  'aws:network:transit-gateway-disrupt-cross-region-connectivity': 5,
};

/** How a target finds its resources: a tag, or the ARNs of a Terraform state. */
export type Selection =
  { readonly resourceTags: Record<string, string> } | { readonly resourceArns: readonly string[] };

export type FisTarget = Selection & {
  readonly resourceType: string;
  readonly filters?: readonly { readonly path: string; readonly values: readonly string[] }[];
  readonly selectionMode: string;
  readonly parameters?: Record<string, string>;
};

export interface FisAction {
  readonly actionId: FisActionId;
  readonly description: string;
  readonly parameters: Record<string, string>;
  readonly targets: Record<string, string>;
}

/** A CreateExperimentTemplate request body (without `clientToken`, which the CLI adds). */
export interface FisTemplate {
  readonly description: string;
  readonly roleArn: string;
  readonly targets: Record<string, FisTarget>;
  readonly actions: Record<string, FisAction>;
  readonly stopConditions: readonly FisStopCondition[];
  readonly experimentOptions: {
    readonly accountTargeting: 'single-account';
    readonly emptyTargetResolutionMode: 'skip';
  };
  readonly tags: Record<string, string>;
}

/** Targets and actions gathered for one template, before it is written. */
export interface Draft {
  readonly targets: Map<string, FisTarget>;
  readonly actions: Map<string, FisAction>;
}

export const newDraft = (): Draft => ({ targets: new Map(), actions: new Map() });

/**
 * Adds an action on its own target; an ARN list longer than the action's quota
 * ({@link FIS_TARGET_QUOTAS}) becomes several actions (`NAME-1`, `NAME-2`, …) on targets of at
 * most that many ARNs each, which {@link templates} then keeps in separate templates.
 */
export function addAction(
  draft: Draft,
  name: string,
  action: Omit<FisAction, 'targets'>,
  role: string,
  targetName: string,
  target: FisTarget,
): void {
  const quota = FIS_TARGET_QUOTAS[action.actionId];
  const arns = 'resourceArns' in target ? target.resourceArns : [];
  if (quota === undefined || arns.length <= quota) {
    draft.targets.set(targetName, target);
    draft.actions.set(name, { ...action, targets: { [role]: targetName } });
    return;
  }
  for (let i = 0; i * quota < arns.length; i += 1) {
    const chunkTarget = boundedName([targetName, String(i + 1)]);
    draft.targets.set(chunkTarget, {
      ...target,
      resourceArns: arns.slice(i * quota, (i + 1) * quota),
    });
    draft.actions.set(boundedName([name, String(i + 1)]), {
      ...action,
      targets: { [role]: chunkTarget },
    });
  }
}

/** How many resources an action targets by ARN (0 for a tag: not known before the run). */
function arnCount(draft: Draft, action: FisAction): number {
  return Object.values(action.targets).reduce((sum, name) => {
    const target = draft.targets.get(name);
    return sum + (target && 'resourceArns' in target ? target.resourceArns.length : 0);
  }, 0);
}

/**
 * The draft's actions in parts of at most {@link FIS_MAX_ACTIONS}, each part holding at most an
 * action id's quota of ARNs ({@link FIS_TARGET_QUOTAS}); first fit, in order.
 */
function parts(draft: Draft): string[][] {
  const packed: { names: string[]; arns: Map<string, number> }[] = [];
  for (const [name, action] of draft.actions) {
    const quota = FIS_TARGET_QUOTAS[action.actionId];
    const count = arnCount(draft, action);
    const fits = (p: (typeof packed)[number]) =>
      p.names.length < FIS_MAX_ACTIONS &&
      (quota === undefined || (p.arns.get(action.actionId) ?? 0) + count <= quota);
    let part = packed.find(fits);
    if (!part) {
      part = { names: [], arns: new Map() };
      packed.push(part);
    }
    part.names.push(name);
    part.arns.set(action.actionId, (part.arns.get(action.actionId) ?? 0) + count);
  }
  return packed.map((p) => p.names);
}

/** The template a draft becomes, split into parts of at most {@link FIS_MAX_ACTIONS} actions. */
export function templates(
  plan: ExperimentPlan,
  draft: Draft,
  what: string,
  tags: Record<string, string>,
  options: ChaosOptions,
): FisTemplate[] {
  const split = parts(draft);
  return split.map((part, index) => {
    const actions = Object.fromEntries(
      part.map((name) => [name, draft.actions.get(name) as FisAction]),
    );
    const used = new Set(part.flatMap((name) => Object.values(actions[name]?.targets ?? {})));
    const targets = Object.fromEntries([...draft.targets].filter(([name]) => used.has(name)));
    const partText = split.length > 1 ? ` (part ${index + 1} of ${split.length})` : '';
    const description = `nines ${plan.scenario.id} on ${plan.variant.id}: ${what}${partText}`;
    return {
      description: description.slice(0, FIS_DESCRIPTION_MAX),
      roleArn: options.roleArn ?? ROLE_PLACEHOLDER,
      targets,
      actions,
      stopConditions: fisStopConditions(options),
      experimentOptions: { accountTargeting: 'single-account', emptyTargetResolutionMode: 'skip' },
      tags: { 'nines:scenario': plan.scenario.id, 'nines:variant': plan.variant.id, ...tags },
    };
  });
}
