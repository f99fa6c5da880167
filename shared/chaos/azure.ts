/**
 * Azure Chaos Studio experiments (`Microsoft.Chaos/experiments` resource bodies for
 * `az rest --method put`): selectors of type `Query` (Azure Resource Graph, resources tagged
 * `nines:node`), one step whose branches run in parallel. Faults (Chaos Studio fault library):
 * `urn:csci:microsoft:virtualMachineScaleSet:shutdown/2.0` (zones by the selector's `Simple`
 * filter) and `urn:csci:microsoft:azureClusteredCacheForRedis:reboot/1.0`. A zone outage needs
 * the zone's Azure number ("1", "2", "3") as its location; a partition needs address ranges
 * the model does not hold, so it is a runbook step here.
 */
import type { ModelNode, RegionNode } from '../model/types';
import { isoDuration } from './duration';
import { boundedName, SUBSCRIPTION_PLACEHOLDER } from './guard-rails';
import { regionOf, tiersIn } from './plan';
import { stateIndex } from './state';
import { NODE_TAG, type ChaosOptions, type ExperimentPlan, type RenderedExperiment } from './types';

const VMSS_SHUTDOWN = 'urn:csci:microsoft:virtualMachineScaleSet:shutdown/2.0';
const REDIS_REBOOT = 'urn:csci:microsoft:azureClusteredCacheForRedis:reboot/1.0';
const REDIS_ENGINES = new Set(['redis', 'valkey']);

type Parameter = { key: string; value: string };
type ZoneFilter = {
  readonly type: 'Simple';
  readonly parameters: { readonly zones: readonly string[] };
};
export type AzureSelector =
  | {
      readonly type: 'Query';
      readonly id: string;
      readonly queryString: string;
      readonly subscriptionIds: readonly string[];
      readonly filter?: ZoneFilter;
    }
  | {
      readonly type: 'List';
      readonly id: string;
      readonly targets: readonly { readonly type: 'ChaosTarget'; readonly id: string }[];
      readonly filter?: ZoneFilter;
    };
export type AzureAction =
  | {
      type: 'continuous';
      name: string;
      duration: string;
      selectorId: string;
      parameters: Parameter[];
    }
  | { type: 'discrete'; name: string; selectorId: string; parameters: Parameter[] };

/** A `Microsoft.Chaos/experiments` resource body. */
export interface AzureExperiment {
  readonly location: string;
  readonly identity: { readonly type: 'SystemAssigned' };
  readonly tags: Record<string, string>;
  readonly properties: {
    readonly selectors: readonly AzureSelector[];
    readonly steps: readonly {
      readonly name: string;
      readonly branches: readonly {
        readonly name: string;
        readonly actions: readonly AzureAction[];
      }[];
    }[];
  };
}

const isRedis = (n: ModelNode) =>
  n.kind === 'datastore' && REDIS_ENGINES.has(n.engine?.toLowerCase() ?? '');

/** An Azure Resource Graph query for resources of `type` tagged with one of `ids`. */
function query(type: string, ids: readonly string[]): string {
  const list = ids.map((id) => `'${id}'`).join(', ');
  return `Resources | where type =~ '${type}' and tostring(tags['${NODE_TAG}']) in (${list})`;
}

/**
 * A zone's Azure number from its location: `1`, or `westeurope-1` as the Terraform importer
 * names Azure zones; Chaos Studio's zone filter takes the number.
 */
const AZURE_ZONE = /^(?:[a-z0-9]+-)?([1-9])$/;

/** The kinds of resource the export fails on Azure, with their Resource Graph and Chaos Studio types. */
const AZURE_KINDS = {
  vmss: {
    resourceType: 'microsoft.compute/virtualmachinescalesets',
    chaosTarget: 'Microsoft-VirtualMachineScaleSet',
    terraform: [
      'azurerm_linux_virtual_machine_scale_set',
      'azurerm_windows_virtual_machine_scale_set',
      'azurerm_virtual_machine_scale_set',
      'azurerm_orchestrated_virtual_machine_scale_set',
    ],
  },
  redis: {
    resourceType: 'microsoft.cache/redis',
    chaosTarget: 'Microsoft-AzureClusteredCacheForRedis',
    terraform: ['azurerm_redis_cache'],
  },
} as const;

/** The Chaos Studio experiment of one plan, one file per region the plan touches. */
export function renderAzure(plan: ExperimentPlan, options: ChaosOptions): RenderedExperiment {
  const duration = isoDuration(plan.duration.seconds);
  const subscriptionIds =
    options.subscriptions.length > 0 ? options.subscriptions : [SUBSCRIPTION_PLACEHOLDER];
  const notes: string[] = [];
  const state = options.state ? stateIndex(options.state.resources) : undefined;
  /**
   * The selectors of `tiers` of one kind: a `List` of the Chaos Studio targets of those the
   * state gives resource ids for, a tag `Query` for the rest (all of them without a state).
   */
  const selectorsOf = (
    kind: keyof typeof AZURE_KINDS,
    tiers: readonly ModelNode[],
    base: string,
    filter: ZoneFilter | undefined,
  ): AzureSelector[] => {
    const spec = AZURE_KINDS[kind];
    const ids = new Map(tiers.map((t) => [t, state?.nodeIds(t, spec.terraform) ?? []]));
    const listed = tiers.filter((t) => (ids.get(t) ?? []).length > 0);
    const tagged = tiers.filter((t) => !listed.includes(t));
    if (state) {
      for (const t of tagged) {
        notes.push(
          `${options.state?.file ?? 'the state'} has no ${spec.terraform.join(' or ')} for ${t.id}: it is selected by the tag ${NODE_TAG}=${t.id}`,
        );
      }
    }
    const selectors: AzureSelector[] = [];
    if (listed.length > 0) {
      selectors.push({
        type: 'List',
        id: boundedName([base, 'ids']),
        targets: listed.flatMap((t) =>
          (ids.get(t) ?? []).map((id) => ({
            type: 'ChaosTarget' as const,
            id: `${id}/providers/Microsoft.Chaos/targets/${spec.chaosTarget}`,
          })),
        ),
        ...(filter ? { filter } : {}),
      });
    }
    if (tagged.length > 0) {
      selectors.push({
        type: 'Query',
        id: base,
        queryString: query(
          spec.resourceType,
          tagged.map((t) => t.id),
        ),
        subscriptionIds,
        ...(filter ? { filter } : {}),
      });
    }
    return selectors;
  };
  const perRegion = new Map<
    string,
    {
      region: RegionNode;
      selectors: AzureSelector[];
      branches: { name: string; actions: AzureAction[] }[];
    }
  >();
  const add = (
    region: RegionNode,
    branch: string,
    tiers: readonly ModelNode[],
    zone?: string,
  ): void => {
    const entry = perRegion.get(region.id) ?? { region, selectors: [], branches: [] };
    perRegion.set(region.id, entry);
    const scaleSets = tiers.filter((t) => !isRedis(t));
    const caches = tiers.filter(isRedis);
    const actions: AzureAction[] = [];
    const filter = zone ? { type: 'Simple' as const, parameters: { zones: [zone] } } : undefined;
    for (const selector of selectorsOf('vmss', scaleSets, boundedName(['vmss', branch]), filter)) {
      entry.selectors.push(selector);
      actions.push({
        type: 'continuous',
        name: VMSS_SHUTDOWN,
        duration,
        selectorId: selector.id,
        parameters: [{ key: 'abruptShutdown', value: 'true' }],
      });
    }
    if (caches.length > 0) {
      for (const selector of selectorsOf(
        'redis',
        caches,
        boundedName(['redis', branch]),
        undefined,
      )) {
        entry.selectors.push(selector);
        actions.push({
          type: 'discrete',
          name: REDIS_REBOOT,
          selectorId: selector.id,
          parameters: [{ key: 'rebootType', value: 'AllNodes' }],
        });
      }
      notes.push(
        `Chaos Studio reboots ${caches.map((c) => c.id).join(', ')} (all nodes) rather than holding them down for ${duration}`,
      );
    }
    if (actions.length > 0) entry.branches.push({ name: branch, actions });
  };
  for (const fault of plan.faults) {
    switch (fault.kind) {
      case 'zone': {
        const number = AZURE_ZONE.exec(fault.zone.location ?? '')?.[1];
        if (number === undefined) {
          notes.push(
            `zone ${fault.zone.id} needs its Azure zone number ("1", "2" or "3", or "<region>-1") as its location, not ${JSON.stringify(fault.zone.location ?? '')}`,
          );
          break;
        }
        add(
          fault.region,
          fault.zone.id,
          tiersIn(plan.variant, fault.region, fault.zone).filter((t) => !isRedis(t)),
          number,
        );
        notes.push(
          `Chaos Studio fails the experiment when zone ${number} holds no tagged scale set (an empty filter is an error, not a skip)`,
        );
        for (const cache of tiersIn(plan.variant, fault.region, fault.zone).filter(isRedis)) {
          notes.push(
            `${cache.id} is not failed: Chaos Studio has no zone-scoped fault for Azure Cache for Redis (the prediction assumes its members in zone ${number} are down)`,
          );
        }
        break;
      }
      case 'region':
        add(fault.region, fault.region.id, tiersIn(plan.variant, fault.region));
        break;
      case 'component': {
        const region = regionOf(plan.variant, fault.node);
        if (!region || !['service', 'queue', 'datastore'].includes(fault.node.kind)) {
          notes.push(`Chaos Studio has no fault that fails ${fault.node.kind} ${fault.node.id}`);
          break;
        }
        add(region, fault.node.id, [fault.node]);
        break;
      }
      case 'instance':
        notes.push(
          `Chaos Studio cannot pick instance ${fault.index} of ${fault.node.id} by its Nines index; shut one VMSS instance down by hand`,
        );
        break;
      case 'partition':
        notes.push(
          `the partition ${fault.a.id}–${fault.b.id} needs network security group rules on both regions' address ranges, which the model does not hold: deny outbound from each region's subnets to the other's with a securityRule/1.1 fault`,
        );
        break;
    }
  }
  const written = [...perRegion.values()].filter((e) => e.branches.length > 0);
  const files = written.map(({ region, selectors, branches }) => {
    const experiment: AzureExperiment = {
      location: region.location ?? region.id,
      identity: { type: 'SystemAssigned' },
      tags: { 'nines:scenario': plan.scenario.id, 'nines:variant': plan.variant.id },
      properties: { selectors, steps: [{ name: plan.scenario.id, branches }] },
    };
    return { path: `azure-${region.id}.json`, text: `${JSON.stringify(experiment, null, 2)}\n` };
  });
  const actions = written.flatMap((e) => e.branches.flatMap((b) => b.actions.map((a) => a.name)));
  return { files, notes, actions };
}
