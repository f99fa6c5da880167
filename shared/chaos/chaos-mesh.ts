/**
 * Chaos Mesh objects (`chaos-mesh.org/v1alpha1`): a PodChaos `pod-failure` for every zone,
 * region, component or instance forced down (pods chosen by the `nines.io/node` label, and for a
 * zone by their Kubernetes node's `topology.kubernetes.io/zone`), a NetworkChaos `partition`
 * (direction `both`) for a split between two regions. One cluster only: a partition between two
 * clusters needs a fault on each side.
 */
import { goDuration } from './duration';
import { faultPods, objectName, podSelector, yamlDocuments } from './kubernetes';
import { tiersIn } from './plan';
import type { ExperimentPlan, RenderedExperiment } from './types';

const API_VERSION = 'chaos-mesh.org/v1alpha1';

/** A Chaos Mesh object as written: its kind and its spec's action are what the plan lists. */
type ChaosObject = Record<string, unknown> & {
  readonly kind: 'PodChaos' | 'NetworkChaos';
  readonly spec: Record<string, unknown> & { readonly action: string };
};

/** The Chaos Mesh objects of one experiment plan, in one YAML file. */
export function renderChaosMesh(plan: ExperimentPlan): RenderedExperiment {
  const duration = goDuration(plan.duration.seconds);
  const notes: string[] = [];
  const objects: ChaosObject[] = [];
  const metadata = (suffix: string) => ({
    name: objectName(['nines', plan.scenario.id, suffix]),
    annotations: { 'nines.io/scenario': plan.scenario.id, 'nines.io/variant': plan.variant.id },
  });
  for (const fault of plan.faults) {
    if (fault.kind === 'partition') {
      const from = tiersIn(plan.variant, fault.a);
      const to = tiersIn(plan.variant, fault.b);
      if (from.length === 0 || to.length === 0) {
        notes.push(`the partition ${fault.a.id}–${fault.b.id} has no tier on one side to cut`);
        continue;
      }
      notes.push(
        `the partition ${fault.a.id}–${fault.b.id} works only when both regions' pods run in one cluster`,
      );
      objects.push({
        apiVersion: API_VERSION,
        kind: 'NetworkChaos',
        metadata: metadata(`${fault.a.id}-${fault.b.id}`),
        spec: {
          action: 'partition',
          mode: 'all',
          selector: podSelector(from),
          direction: 'both',
          target: { mode: 'all', selector: podSelector(to) },
          duration,
        },
      });
      continue;
    }
    const pods = faultPods(plan.variant, fault);
    if (pods.nodes.length === 0) {
      notes.push(
        `${fault.kind} ${'zone' in fault ? fault.zone.id : 'region' in fault ? fault.region.id : fault.node.id} has no tier whose pods could fail`,
      );
      continue;
    }
    const selector = {
      ...podSelector(pods.nodes),
      ...(pods.zone ? { nodeSelectors: { 'topology.kubernetes.io/zone': pods.zone } } : {}),
    };
    objects.push({
      apiVersion: API_VERSION,
      kind: 'PodChaos',
      metadata: metadata(
        pods.zoneId ?? ('region' in fault ? fault.region.id : (pods.nodes[0]?.id ?? fault.kind)),
      ),
      spec: { action: 'pod-failure', mode: pods.one ? 'one' : 'all', selector, duration },
    });
  }
  return {
    files: objects.length > 0 ? [{ path: 'chaos-mesh.yaml', text: yamlDocuments(objects) }] : [],
    notes,
    actions: objects.map((o) => `${o.kind} ${o.spec.action}`),
  };
}
