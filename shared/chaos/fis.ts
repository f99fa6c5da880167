/**
 * AWS FIS experiment templates (CreateExperimentTemplate request bodies, for
 * `aws fis create-experiment-template --cli-input-json file://…`). A template runs in one
 * Region, so a scenario's faults are grouped by Region; a partition is two templates, one per
 * side, because FIS's cross-Region actions block only traffic leaving the experiment's Region
 * (FIS user guide, Cross-Region: Connectivity).
 *
 * Actions (FIS actions reference and scenario library, AZ Availability: Power Interruption):
 * `aws:ec2:stop-instances`, `aws:ec2:asg-insufficient-instance-capacity-error`,
 * `aws:network:disrupt-connectivity` (scope `all`),
 * `aws:elasticache:replicationgroup-interrupt-az-power`,
 * `aws:network:route-table-disrupt-cross-region-connectivity`,
 * `aws:network:transit-gateway-disrupt-cross-region-connectivity`.
 */
import type { ModelNode, RegionNode, Variant, ZoneNode } from '../model/types';
import { isoDuration } from './duration';
import { boundedName } from './guard-rails';
import {
  addAction,
  newDraft,
  templates,
  type Draft,
  type FisTemplate,
  type Selection,
} from './fis-template';
import { regionOf, tiersIn } from './plan';
import { stateIndex, type StateIndex } from './state';
import {
  NODE_TAG,
  type ChaosOptions,
  type ExperimentPlan,
  type Fault,
  type RenderedExperiment,
} from './types';

/** Datastore engines AWS runs as ElastiCache replication groups. */
const ELASTICACHE_ENGINES = new Set(['redis', 'valkey', 'memcached']);

function isElastiCache(node: ModelNode): boolean {
  return node.kind === 'datastore' && ELASTICACHE_ENGINES.has(node.engine?.toLowerCase() ?? '');
}

/**
 * Where targets come from: with a state (`--target-by state`), the ARNs it gives, else the tag
 * `nines:node=<owner>`; a target the state gives no ARN for keeps the tag, and a note says so.
 */
interface Targeting {
  select(resourceType: string, owner: string, arns: (state: StateIndex) => string[]): Selection;
}

function targeting(options: ChaosOptions, notes: string[]): Targeting {
  const index = options.state ? stateIndex(options.state.resources) : undefined;
  return {
    select(resourceType, owner, arns) {
      const tags = { resourceTags: { [NODE_TAG]: owner } };
      if (!index) return tags;
      const found = arns(index);
      if (found.length > 0) return { resourceArns: found };
      const note = `${options.state?.file ?? 'the state'} has no ARN for the ${resourceType} target of ${owner}: it selects by the tag ${NODE_TAG}=${owner}`;
      if (!notes.includes(note)) notes.push(note);
      return tags;
    },
  };
}

/** Actions that take a zone down (AZ Power Interruption's subset for the modelled tiers). */
function zoneActions(
  draft: Draft,
  variant: Variant,
  region: RegionNode,
  zone: ZoneNode,
  duration: string,
  notes: string[],
  where: Targeting,
): void {
  const az = zone.location;
  if (az === undefined) {
    notes.push(
      `zone ${zone.id} has no location (AZ name): its instance and capacity actions are left out`,
    );
  }
  for (const tier of tiersIn(variant, region, zone)) {
    if (az === undefined) continue;
    if (isElastiCache(tier)) {
      addAction(
        draft,
        boundedName(['Interrupt-AZ-Power', tier.id, zone.id]),
        {
          actionId: 'aws:elasticache:replicationgroup-interrupt-az-power',
          description: `Power loss of ${az} for replication group ${tier.id}`,
          parameters: { duration },
        },
        'ReplicationGroups',
        boundedName(['Cache', tier.id, zone.id]),
        {
          resourceType: 'aws:elasticache:replicationgroup',
          ...where.select('aws:elasticache:replicationgroup', tier.id, (s) =>
            s.nodeArns(tier, 'aws:elasticache:replicationgroup'),
          ),
          selectionMode: 'ALL',
          parameters: { availabilityZoneIdentifier: az },
        },
      );
      continue;
    }
    addAction(
      draft,
      boundedName(['Stop-Instances', tier.id, zone.id]),
      {
        actionId: 'aws:ec2:stop-instances',
        description: `Stop the instances of ${tier.id} in ${az}`,
        parameters: {
          startInstancesAfterDuration: duration,
          completeIfInstancesTerminated: 'true',
        },
      },
      'Instances',
      boundedName(['Instances', tier.id, zone.id]),
      {
        resourceType: 'aws:ec2:instance',
        ...where.select('aws:ec2:instance', tier.id, (s) => s.nodeArns(tier, 'aws:ec2:instance')),
        filters: [
          { path: 'State.Name', values: ['running'] },
          { path: 'Placement.AvailabilityZone', values: [az] },
        ],
        selectionMode: 'ALL',
      },
    );
    if (tier.kind === 'service' || tier.kind === 'queue') {
      addAction(
        draft,
        boundedName(['Pause-Launches', tier.id, zone.id]),
        {
          actionId: 'aws:ec2:asg-insufficient-instance-capacity-error',
          description: `No new instances of ${tier.id} in ${az}`,
          parameters: { availabilityZoneIdentifiers: az, duration, percentage: '100' },
        },
        'AutoScalingGroups',
        boundedName(['ASG', tier.id]),
        {
          resourceType: 'aws:ec2:autoscaling-group',
          ...where.select('aws:ec2:autoscaling-group', tier.id, (s) =>
            s.nodeArns(tier, 'aws:ec2:autoscaling-group'),
          ),
          selectionMode: 'ALL',
        },
      );
    }
  }
  addAction(
    draft,
    boundedName(['Disrupt-Subnets', zone.id]),
    {
      actionId: 'aws:network:disrupt-connectivity',
      description: `Cut all traffic of the subnets of ${zone.id}`,
      parameters: { scope: 'all', duration },
    },
    'Subnets',
    boundedName(['Subnets', zone.id]),
    {
      resourceType: 'aws:ec2:subnet',
      ...where.select('aws:ec2:subnet', zone.id, (s) => (az ? s.zoneSubnets(az) : [])),
      selectionMode: 'ALL',
    },
  );
}

/** Actions that stop one component (the whole tier) or one of its instances. */
function componentActions(
  draft: Draft,
  variant: Variant,
  node: ModelNode,
  count: 'ALL' | 'COUNT(1)',
  duration: string,
  notes: string[],
  where: Targeting,
): boolean {
  if (isElastiCache(node)) {
    const zone = variant.nodes.find(
      (n): n is ZoneNode => n.id === node.parent && n.kind === 'zone',
    );
    if (count === 'COUNT(1)' || zone?.location === undefined) {
      notes.push(
        `${node.id} is an ElastiCache replication group: FIS fails it only by a zone's power loss, which needs the zone of its primary (place ${node.id} in a zone with a location)`,
      );
      return false;
    }
    zoneActions(
      draft,
      variant,
      regionOf(variant, node) as RegionNode,
      zone,
      duration,
      notes,
      where,
    );
    return true;
  }
  if (node.kind !== 'service' && node.kind !== 'queue' && node.kind !== 'datastore') {
    notes.push(`FIS has no action that fails a ${node.kind} (${node.id})`);
    return false;
  }
  if (count === 'COUNT(1)') {
    notes.push(`FIS stops one instance of ${node.id} chosen at random, not a particular one`);
  }
  addAction(
    draft,
    boundedName(['Stop-Instances', node.id]),
    {
      actionId: 'aws:ec2:stop-instances',
      description: `Stop ${count === 'ALL' ? 'every instance' : 'one instance'} of ${node.id}`,
      parameters: { startInstancesAfterDuration: duration, completeIfInstancesTerminated: 'true' },
    },
    'Instances',
    boundedName(['Instances', node.id]),
    {
      resourceType: 'aws:ec2:instance',
      ...where.select('aws:ec2:instance', node.id, (s) => s.nodeArns(node, 'aws:ec2:instance')),
      filters: [{ path: 'State.Name', values: ['running'] }],
      selectionMode: count,
    },
  );
  return true;
}

/** Actions on side `from` of a partition: its outbound traffic to `to` is blocked. */
function partitionSide(
  from: RegionNode,
  to: RegionNode,
  zones: readonly ZoneNode[],
  duration: string,
  where: Targeting,
): Draft {
  const draft = newDraft();
  const destination = to.location as string;
  const subnetOwners =
    zones.length > 0
      ? zones.map((z) => ({
          id: z.id,
          arns: (s: StateIndex) => (z.location ? s.zoneSubnets(z.location) : []),
        }))
      : [
          {
            id: from.id,
            arns: (s: StateIndex) =>
              from.location ? s.regionArns(from.location, 'aws:ec2:subnet') : [],
          },
        ];
  for (const { id: owner, arns } of subnetOwners) {
    addAction(
      draft,
      boundedName(['Disrupt-Routes', owner, 'to', to.id]),
      {
        actionId: 'aws:network:route-table-disrupt-cross-region-connectivity',
        description: `Block traffic from the subnets of ${owner} to ${destination}`,
        parameters: { region: destination, duration },
      },
      'Subnets',
      boundedName(['Subnets', owner]),
      {
        resourceType: 'aws:ec2:subnet',
        ...where.select('aws:ec2:subnet', owner, arns),
        selectionMode: 'ALL',
      },
    );
  }
  addAction(
    draft,
    boundedName(['Disrupt-Transit-Gateway', from.id, 'to', to.id]),
    {
      actionId: 'aws:network:transit-gateway-disrupt-cross-region-connectivity',
      description: `Block transit gateway traffic from ${from.id} to ${destination}`,
      parameters: { region: destination, duration },
    },
    'TransitGateways',
    boundedName(['Transit-Gateway', from.id]),
    {
      resourceType: 'aws:ec2:transit-gateway',
      ...where.select('aws:ec2:transit-gateway', from.id, (s) =>
        from.location ? s.regionArns(from.location, 'aws:ec2:transit-gateway') : [],
      ),
      selectionMode: 'ALL',
    },
  );
  return draft;
}

/** Replication edges that cross a partition: FIS does not pause them (only S3, DynamoDB, MemoryDB). */
function replicationAcross(variant: Variant, a: RegionNode, b: RegionNode): string[] {
  const region = (id: string) => {
    const node = variant.nodes.find((n) => n.id === id);
    return node ? regionOf(variant, node)?.id : undefined;
  };
  return variant.edges
    .filter((e) => e.kind === 'replicates')
    .filter((e) => {
      const pair = [region(e.from), region(e.to)];
      return pair.includes(a.id) && pair.includes(b.id) && pair[0] !== pair[1];
    })
    .map(
      (e) =>
        `replication from ${e.from} to ${e.to} is not interrupted by these templates (FIS pauses only S3, DynamoDB global table and MemoryDB multi-Region replication); the prediction assumes it is cut`,
    );
}

/** The FIS templates of one experiment plan, one file each, and what they leave out. */
export function renderFis(plan: ExperimentPlan, options: ChaosOptions): RenderedExperiment {
  const duration = isoDuration(plan.duration.seconds);
  const notes: string[] = [];
  const where = targeting(options, notes);
  const byRegion = new Map<string, { region: RegionNode; draft: Draft }>();
  const draftFor = (region: RegionNode): Draft => {
    const entry = byRegion.get(region.id) ?? { region, draft: newDraft() };
    byRegion.set(region.id, entry);
    return entry.draft;
  };
  const files: { path: string; template: FisTemplate }[] = [];
  const partitions: Extract<Fault, { kind: 'partition' }>[] = [];
  for (const fault of plan.faults) {
    switch (fault.kind) {
      case 'zone':
        zoneActions(
          draftFor(fault.region),
          plan.variant,
          fault.region,
          fault.zone,
          duration,
          notes,
          where,
        );
        break;
      case 'region': {
        notes.push(
          `FIS cannot switch off a Region's managed services; region ${fault.region.id} is exported as the outage of each of its zones (a region isolation)`,
        );
        const draft = draftFor(fault.region);
        if (fault.zones.length === 0) {
          for (const tier of tiersIn(plan.variant, fault.region)) {
            componentActions(draft, plan.variant, tier, 'ALL', duration, notes, where);
          }
        }
        for (const zone of fault.zones)
          zoneActions(draft, plan.variant, fault.region, zone, duration, notes, where);
        break;
      }
      case 'component':
      case 'instance': {
        const region = regionOf(plan.variant, fault.node);
        if (!region) {
          notes.push(`${fault.node.id} is in no region: a FIS template runs in one Region`);
          break;
        }
        const count = fault.kind === 'instance' ? 'COUNT(1)' : 'ALL';
        const draft = newDraft();
        if (componentActions(draft, plan.variant, fault.node, count, duration, notes, where)) {
          const into = draftFor(region);
          for (const [k, v] of draft.targets) into.targets.set(k, v);
          for (const [k, v] of draft.actions) into.actions.set(k, v);
        }
        break;
      }
      case 'partition':
        partitions.push(fault);
        break;
    }
  }
  for (const { region, draft } of byRegion.values()) {
    if (draft.actions.size === 0) continue;
    const what = `${plan.scenario.name} — create in ${region.location ?? region.id}`;
    templates(plan, draft, what, { 'nines:region': region.id }, options).forEach(
      (template, i, all) =>
        files.push({
          path: `fis-${region.id}${all.length > 1 ? `-part-${i + 1}` : ''}.json`,
          template,
        }),
    );
  }
  for (const { a, b } of partitions) {
    if (a.location === undefined || b.location === undefined) {
      notes.push(`the partition ${a.id}–${b.id} needs both regions' locations (AWS Region names)`);
      continue;
    }
    notes.push(...replicationAcross(plan.variant, a, b));
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const zones = plan.variant.nodes.filter(
        (n): n is ZoneNode => n.kind === 'zone' && n.parent === from.id,
      );
      const draft = partitionSide(from, to, zones, duration, where);
      const what = `${plan.scenario.name} — side ${from.id}: block ${from.location ?? from.id} → ${to.location}; create in ${from.location ?? from.id}`;
      templates(plan, draft, what, { 'nines:side': from.id }, options).forEach((template, i, all) =>
        files.push({
          path: `fis-${from.id}-to-${to.id}${all.length > 1 ? `-part-${i + 1}` : ''}.json`,
          template,
        }),
      );
    }
  }
  return {
    files: files.map(({ path, template }) => ({
      path,
      text: `${JSON.stringify(template, null, 2)}\n`,
    })),
    notes,
    actions: files.flatMap(({ template }) =>
      Object.values(template.actions).map((a) => a.actionId),
    ),
  };
}
