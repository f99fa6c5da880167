/**
 * LitmusChaos ChaosEngines (`litmuschaos.io/v1alpha1`): `pod-delete` on each tier a zone,
 * region, component or instance outage reaches (a zone's pods filtered by their node's zone
 * label, `NODE_LABEL`), `pod-network-partition` between each pair of tiers across a split. Pods
 * are found by `appinfo.applabel` `nines.io/node=<id>`.
 */
import { faultPods, labelValue, objectName, yamlDocuments } from './kubernetes';
import { tiersIn } from './plan';
import { NODE_LABEL, type ExperimentPlan, type RenderedExperiment } from './types';

const API_VERSION = 'litmuschaos.io/v1alpha1';
/** Seconds between two pod deletions within the chaos duration (Litmus' default is 10). */
const CHAOS_INTERVAL_SECONDS = '10';

type Env = { name: string; value: string }[];

/** The Litmus ChaosEngines of one experiment plan, in one YAML file. */
export function renderLitmus(plan: ExperimentPlan): RenderedExperiment {
  const duration = String(plan.duration.seconds);
  const notes: string[] = [];
  const engine = (name: string, tier: string, experiment: string, env: Env) => ({
    apiVersion: API_VERSION,
    kind: 'ChaosEngine',
    metadata: {
      name: objectName(['nines', plan.scenario.id, name]),
      annotations: { 'nines.io/scenario': plan.scenario.id, 'nines.io/variant': plan.variant.id },
    },
    spec: {
      appinfo: { applabel: `${NODE_LABEL}=${labelValue(tier)}`, appkind: 'deployment' },
      engineState: 'active',
      chaosServiceAccount: `${experiment}-sa`,
      experiments: [{ name: experiment, spec: { components: { env } } }],
    },
  });
  const engines: ReturnType<typeof engine>[] = [];
  for (const fault of plan.faults) {
    if (fault.kind === 'partition') {
      for (const from of tiersIn(plan.variant, fault.a)) {
        for (const to of tiersIn(plan.variant, fault.b)) {
          engines.push(
            engine(`${from.id}-${to.id}`, from.id, 'pod-network-partition', [
              { name: 'TOTAL_CHAOS_DURATION', value: duration },
              { name: 'POLICY_TYPES', value: 'all' },
              { name: 'POD_SELECTOR', value: `${NODE_LABEL}=${labelValue(to.id)}` },
            ]),
          );
        }
      }
      notes.push(
        `the partition ${fault.a.id}–${fault.b.id} works only when both regions' pods run in one cluster`,
      );
      continue;
    }
    const pods = faultPods(plan.variant, fault);
    for (const tier of pods.nodes) {
      engines.push(
        engine(pods.zoneId ? `${tier.id}-${pods.zoneId}` : tier.id, tier.id, 'pod-delete', [
          { name: 'TOTAL_CHAOS_DURATION', value: duration },
          { name: 'CHAOS_INTERVAL', value: CHAOS_INTERVAL_SECONDS },
          { name: 'FORCE', value: 'true' },
          // 0 % is Litmus' "one pod".
          { name: 'PODS_AFFECTED_PERC', value: pods.one ? '0' : '100' },
          ...(pods.zone
            ? [{ name: 'NODE_LABEL', value: `topology.kubernetes.io/zone=${pods.zone}` }]
            : []),
        ]),
      );
    }
  }
  return {
    files: engines.length > 0 ? [{ path: 'litmus.yaml', text: yamlDocuments(engines) }] : [],
    notes,
    actions: engines.map((e) => e.spec.experiments[0]?.name ?? ''),
  };
}
