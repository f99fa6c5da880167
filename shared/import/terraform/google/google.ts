/**
 * Google Cloud: Memorystore for Redis instances → `datastore`; regional and zonal managed
 * instance groups → `service`.
 *
 * Attributes [terraform-provider-google website/docs/r/redis_instance.html.markdown,
 * compute_region_instance_group_manager, compute_instance_group_manager]: redis_instance `tier`
 * ("BASIC: standalone instance; STANDARD_HA: highly available primary/replica instances",
 * default BASIC), `location_id` (zone), `alternative_location_id` ("Only applicable to
 * STANDARD_HA tier… provisioning it across two zones"), `replica_count`, `read_replicas_mode`,
 * `memory_size_gb`, `region`; region IGM `target_size`, `distribution_policy_zones`, `region`,
 * `version.instance_template`; zonal IGM `zone`, `target_size`; instance template
 * `machine_type`.
 */
import type { DraftNode, ImportContext } from '../context';
import { regionalNode } from '../draft';
import type { Mapper } from '../mapper';
import { num, str, strings } from '../resources';
import type { TfResource } from '../types';

const TEMPLATES = ['google_compute_instance_template', 'google_compute_region_instance_template'];

function machineType(ctx: ImportContext, r: TfResource, node: DraftNode): void {
  const byId = ctx.index.linked(r, 'version.instance_template', 'id', TEMPLATES);
  const template =
    byId[0] ??
    ctx.index
      .ofType(...TEMPLATES)
      .find((t) => str(t, 'self_link') === str(r, 'version.instance_template'));
  if (!template) return;
  ctx.use(template, node);
  const type = str(template, 'machine_type');
  if (type) node.fields.instanceType = type;
}

function groupSize(ctx: ImportContext, r: TfResource, node: DraftNode): void {
  const size = num(r, 'target_size');
  if (size !== undefined && size >= 1) node.fields.instances = Math.min(size, 1000);
  else ctx.assume(node, 'instances', 1, 'target_size not set or 0');
  ctx.assume(node, 'minHealthy', 1, 'an instance group states no healthy minimum');
  machineType(ctx, r, node);
}

/** A managed instance group as a `service` in its region, over `zones` when the input names them. */
function instanceGroup(ctx: ImportContext, r: TfResource, zones: string[] | undefined): void {
  const node = regionalNode(ctx, r, {
    kind: 'service',
    prefix: 'mig',
    name: `Instance group ${str(r, 'name') ?? r.name}`,
    provider: 'gcp',
    ...(zones ? { zones } : {}),
  });
  if (node) groupSize(ctx, r, node);
}

export const regionInstanceGroupMapper: Mapper = {
  types: ['google_compute_region_instance_group_manager'],
  reads: [...TEMPLATES, 'google_compute_health_check'],
  map(resources, ctx) {
    for (const r of resources) {
      const zones = strings(r, 'distribution_policy_zones');
      instanceGroup(ctx, r, zones.length > 0 ? [...new Set(zones)].sort() : undefined);
    }
  },
};

export const zonalInstanceGroupMapper: Mapper = {
  types: ['google_compute_instance_group_manager'],
  map(resources, ctx) {
    for (const r of resources) {
      const zone = str(r, 'zone');
      instanceGroup(ctx, r, zone ? [zone] : undefined);
    }
  },
};

export const memorystoreMapper: Mapper = {
  types: ['google_redis_instance'],
  map(resources, ctx) {
    for (const r of resources) {
      const tier = str(r, 'tier') ?? 'BASIC';
      const zones = [str(r, 'location_id'), str(r, 'alternative_location_id')].filter(
        (z): z is string => z !== undefined,
      );
      const node = regionalNode(ctx, r, {
        kind: 'datastore',
        prefix: 'redis',
        name: `Memorystore ${str(r, 'name') ?? r.name} (${tier})`,
        provider: 'gcp',
        ...(zones.length > 0 ? { zones: [...new Set(zones)].sort() } : {}),
        fields: { engine: 'redis' },
      });
      if (!node) continue;
      if (tier === 'STANDARD_HA') {
        const replicas =
          str(r, 'read_replicas_mode') === 'READ_REPLICAS_ENABLED'
            ? (num(r, 'replica_count') ?? 2)
            : 1;
        node.fields.instances = 1 + replicas;
        node.fields.minHealthy = 1;
        node.fields.replication = 'primary-replica';
        node.fields.autoFailover = true;
      } else {
        node.fields.instances = 1;
        node.fields.replication = 'none';
      }
      const memory = num(r, 'memory_size_gb');
      if (memory !== undefined && memory > 0) node.fields.memoryGiB = memory;
      if (zones.length > 0) ctx.noteZones(node.region, zones);
    }
  },
};
