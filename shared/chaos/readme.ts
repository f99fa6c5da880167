/**
 * The export's README.md: what to tag or label, the guard rails (role, stop conditions), each
 * experiment with its prediction and what it does not reproduce, the runbook for scenarios that
 * are not faults, and what was left out.
 */
import type { NinesDocument } from '../model/types';
import { isoDuration } from './duration';
import { predictionText } from './hypothesis';
import { ROLE_PLACEHOLDER, SUBSCRIPTION_PLACEHOLDER } from './guard-rails';
import { labelValue } from './kubernetes';
import { tiersIn } from './plan';
import {
  CHAOS_TARGET_NAMES,
  NODE_LABEL,
  NODE_TAG,
  type ChaosOptions,
  type ExperimentPlan,
  type RunbookPlan,
} from './types';

/** An experiment as the README lists it. */
export interface ReadmeExperiment {
  readonly plan: ExperimentPlan;
  readonly folder: string;
  readonly files: readonly string[];
  readonly notes: readonly string[];
}

/** A scenario the README lists as a runbook entry, with the folder of its hypothesis. */
export interface ReadmeRunbook {
  readonly plan: RunbookPlan;
  readonly folder: string;
}

/** The heading of a runbook entry: `Traffic shift (aa2/traffic-shift/)`. */
export function runbookTitle(plan: RunbookPlan, folder: string): string {
  return `${plan.scenario.name} (${folder}/)`;
}

/** A scenario the README lists as not exported, with why. */
export interface ReadmeLeftOut {
  readonly variantId: string;
  readonly scenarioId: string;
  readonly reason: string;
}

/** The ids that need a tag (cloud) or label (Kubernetes), with what carries it. */
function taggingLines(experiments: readonly ReadmeExperiment[], options: ChaosOptions): string[] {
  const rows = new Map<string, string>();
  for (const { plan } of experiments) {
    for (const fault of plan.faults) {
      const kube = options.target === 'chaos-mesh' || options.target === 'litmus';
      const tier = (id: string) =>
        rows.set(
          id,
          kube
            ? 'its pods'
            : options.target === 'fis'
              ? 'its EC2 instances, Auto Scaling group or ElastiCache replication group'
              : 'its virtual machine scale set or Azure Cache for Redis',
        );
      if (fault.kind === 'component' || fault.kind === 'instance') tier(fault.node.id);
      if (fault.kind === 'zone' && !kube)
        rows.set(
          fault.zone.id,
          options.target === 'fis'
            ? `its subnets (in ${fault.zone.location ?? 'the zone'})`
            : 'nothing (zones are chosen by number)',
        );
      if (fault.kind === 'region' && !kube && options.target === 'fis')
        for (const z of fault.zones) rows.set(z.id, `its subnets (in ${z.location ?? 'the zone'})`);
      if (fault.kind === 'partition' && options.target === 'fis') {
        rows.set(fault.a.id, 'its transit gateway');
        rows.set(fault.b.id, 'its transit gateway');
      }
      const reached =
        fault.kind === 'zone'
          ? tiersIn(plan.variant, fault.region, fault.zone)
          : fault.kind === 'region'
            ? tiersIn(plan.variant, fault.region)
            : fault.kind === 'partition' && kube
              ? [...tiersIn(plan.variant, fault.a), ...tiersIn(plan.variant, fault.b)]
              : [];
      for (const n of reached) if (!rows.has(n.id)) tier(n.id);
    }
  }
  const kube = options.target === 'chaos-mesh' || options.target === 'litmus';
  const key = kube ? NODE_LABEL : NODE_TAG;
  return [...rows].map(([id, what]) => `| \`${key}=${kube ? labelValue(id) : id}\` | ${what} |`);
}

/** The README's Markdown. */
export function readmeText(
  doc: NinesDocument,
  options: ChaosOptions,
  experiments: readonly ReadmeExperiment[],
  runbooks: readonly ReadmeRunbook[],
  leftOut: readonly ReadmeLeftOut[],
): string {
  const kube = options.target === 'chaos-mesh' || options.target === 'litmus';
  const lines = [
    `# Chaos experiments for ${doc.name}`,
    '',
    `Written by \`nines export-chaos --target ${options.target}\` for ${CHAOS_TARGET_NAMES[options.target]}. Each folder \`VARIANT/SCENARIO/\` holds the experiment and \`hypothesis.json\`: the model's prediction for that scenario exactly as \`nines evaluate --json\` reports it (status, served share, RTO and RPO with their parts). Run the experiment, measure, and compare with the hypothesis.`,
    '',
    '## Before you run',
    '',
    kube
      ? `Label the pods of each tier with \`${NODE_LABEL}\` (a \`:\` in an id becomes \`_\`):`
      : options.state
        ? options.target === 'azure'
          ? `The selectors name the scale sets and caches of \`${options.state.file}\` by resource id (\`List\` selectors, from the Terraform addresses the importer recorded in each node's notes). A tier the state gives no id for is selected by the tag \`${NODE_TAG}\` instead, as its experiment's notes say; tag those resources (nothing untagged is touched):`
          : `The targets name the resources of \`${options.state.file}\` by ARN (\`resourceArns\`, from the Terraform addresses the importer recorded in each node's notes, the subnets of each zone and the transit gateways of each Region). A target the state gives no ARN for selects by the tag \`${NODE_TAG}\` instead, as its experiment's notes say; tag those resources (nothing untagged is touched):`
        : `Tag these resources with \`${NODE_TAG}\` (the experiments find their targets by this tag; nothing untagged is touched):`,
    '',
    `| ${kube ? 'Label' : 'Tag'} | On |`,
    '| --- | --- |',
    ...taggingLines(experiments, options),
    '',
  ];
  if (options.target === 'fis') {
    lines.push(
      options.roleArn === undefined
        ? `- **Role**: the templates hold \`${ROLE_PLACEHOLDER}\`, which is not an ARN: replace it with the ARN of an IAM role FIS can assume that allows the actions used (AWS managed policies \`AWSFaultInjectionSimulatorEC2Access\` and \`AWSFaultInjectionSimulatorNetworkAccess\`, plus \`elasticache:InterruptClusterAzPower\`), or export again with \`--role-arn\`.`
        : `- **Role**: \`${options.roleArn}\` (as given by \`--role-arn\`).`,
      options.stopAlarms.length === 0
        ? '- **Stop conditions: none.** The templates say `{"source":"none"}`: nothing stops an experiment that hurts more than predicted. Export again with `--stop-alarm ARN` (a CloudWatch alarm on your error rate) before running one in production.'
        : `- **Stop conditions**: ${options.stopAlarms.map((a) => `\`${a}\``).join(', ')}.`,
      '- Create each template in the Region its description names: `aws fis create-experiment-template --cli-input-json file://FILE --region REGION`.',
      '- Targets with no tagged resources are skipped (`emptyTargetResolutionMode: skip`).',
      options.state
        ? '- Quotas: a network action targets at most 5 subnets (`aws:network:disrupt-connectivity`), 6 subnets (route-table cross-Region disruption) or 5 transit gateways by default; longer ARN lists are split over `-part-N` templates, each within them. Run the parts together.'
        : '- Quotas: a network action targets at most 5 subnets (`aws:network:disrupt-connectivity`), 6 subnets (route-table cross-Region disruption) or 5 transit gateways by default (Service Quotas L-1F59732D, L-100E963F, L-2CF2B517). A tag that selects more fails the experiment: raise the quota, or export with `--target-by state`, which splits the ARNs over templates within it.',
      '',
    );
  }
  if (options.target === 'azure') {
    lines.push(
      options.subscriptions.length === 0
        ? `- **Subscription**: the target queries hold \`${SUBSCRIPTION_PLACEHOLDER}\`: replace it with your subscription id, or export again with \`--subscription ID\`.`
        : `- **Subscriptions**: ${options.subscriptions.map((s) => `\`${s}\``).join(', ')}.`,
      '- Onboard the scale sets and caches as Chaos Studio targets, give the experiment identity access, then `az rest --method put --url https://management.azure.com/subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Chaos/experiments/NAME?api-version=2024-01-01 --body @FILE`.',
      '- Chaos Studio has no stop condition: watch the service and cancel the experiment by hand.',
      '',
    );
  }
  if (kube) {
    lines.push(
      `- Apply in the namespace of the pods: \`kubectl apply -n NAMESPACE -f ${options.target === 'litmus' ? 'litmus.yaml' : 'chaos-mesh.yaml'}\`.`,
      options.target === 'litmus'
        ? '- Install the experiments (`pod-delete`, `pod-network-partition`) and their service accounts (`pod-delete-sa`, `pod-network-partition-sa`) from the Litmus chaos hub first.'
        : '- Chaos Mesh has no stop condition: delete the object to end the fault early.',
      '',
    );
  }
  lines.push('## Experiments', '');
  if (experiments.length === 0) lines.push('None.', '');
  for (const e of experiments) {
    lines.push(
      `### ${e.plan.scenario.name} (\`${e.folder}/\`)`,
      '',
      `- Files: ${e.files.map((f) => `\`${f}\``).join(', ')}, \`hypothesis.json\`.`,
      `- Predicted: ${predictionText(e.plan.result)}.`,
      `- Duration: ${isoDuration(e.plan.duration.seconds)}, from ${e.plan.duration.source}${e.plan.duration.capped ? ', cut to the 12 h the service allows' : ''}.`,
      ...e.notes.map((n) => `- Note: ${n}.`),
      '',
    );
  }
  lines.push('## Runbook: scenarios that are not injected faults', '');
  if (runbooks.length === 0) lines.push('None.', '');
  for (const { plan: r, folder } of runbooks) {
    lines.push(
      `### ${runbookTitle(r, folder)}`,
      '',
      `**Warning: not an experiment** — ${r.reason}. The prediction is in \`hypothesis.json\`: ${predictionText(r.result)}.`,
      '',
      ...r.steps.map((s, i) => `${i + 1}. ${s}`),
      '',
    );
  }
  if (leftOut.length > 0) {
    lines.push(
      '## Not exported',
      '',
      ...leftOut.map((l) => `- \`${l.variantId}/${l.scenarioId}\`: ${l.reason}.`),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
