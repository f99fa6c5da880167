/**
 * Azure: Traffic Manager profiles → global `router`; Azure Load Balancers → regional `router`
 * (the targets Traffic Manager endpoints reach through their public IP); virtual machine scale
 * sets → `service`; Azure Cache for Redis Enterprise clusters → `datastore`, geo-replicated
 * (linked) databases → `active-active` `replicates` edges.
 *
 * Attributes [terraform-provider-azurerm website/docs/r/…]: traffic_manager_profile
 * `traffic_routing_method` (Priority: lowest `priority` value; Weighted: proportional to
 * `weight`), `dns_config.ttl`, `monitor_config.interval_in_seconds` ("30 (normal probing) and 10
 * (fast probing)… default 30"), `monitor_config.tolerated_number_of_failures` ("between 0 and 9…
 * default 3"); traffic_manager_azure_endpoint `profile_id`, `target_resource_id`, `priority`,
 * `weight`; lb `frontend_ip_configuration.public_ip_address_id`; lb_probe `loadbalancer_id`,
 * `interval_in_seconds` ("The default value is 15"), `number_of_probes` ("The default value is
 * 2"); lb_backend_address_pool `loadbalancer_id`;
 * linux/windows_virtual_machine_scale_set `instances` ("The number of Virtual Machines in the
 * Scale Set"), `sku`, `zones`,
 * `network_interface.ip_configuration.load_balancer_backend_address_pool_ids`;
 * redis_enterprise_cluster `sku_name`, `zones`, `location`; redis_enterprise_database
 * `cluster_id`, `linked_database_id` ("A list of database resources to link with this
 * database"), `port` (default 10000).
 */
import type { DraftNode, ImportContext } from '../context';
import { draftNode, regionalNode } from '../draft';
import type { Mapper } from '../mapper';
import { num, str, strings } from '../resources';
import type { TfResource } from '../types';

const VMSS = [
  'azurerm_linux_virtual_machine_scale_set',
  'azurerm_windows_virtual_machine_scale_set',
  'azurerm_orchestrated_virtual_machine_scale_set',
];
const POOLS = ['azurerm_lb_backend_address_pool'];
const ENDPOINTS = ['azurerm_traffic_manager_azure_endpoint'];
const REDIS_ENTERPRISE_PORT = 10000;

/** Azure zones `"1"`, `"2"` of `location` → zone names `westeurope-1`. */
function azureZones(r: TfResource, location: string): string[] | undefined {
  const zones = strings(r, 'zones').map((z) => `${location}-${z}`);
  return zones.length > 0 ? [...new Set(zones)].sort() : undefined;
}

export const scaleSetMapper: Mapper = {
  types: VMSS,
  map(resources, ctx) {
    for (const r of resources) {
      const node = regionalNode(ctx, r, (region) => ({
        kind: 'service',
        prefix: 'vmss',
        name: `Scale set ${str(r, 'name') ?? r.name}`,
        provider: 'azure',
        zones: azureZones(r, region),
      }));
      if (!node) continue;
      const instances = num(r, 'instances');
      if (instances !== undefined && instances >= 1)
        node.fields.instances = Math.min(instances, 1000);
      else ctx.assume(node, 'instances', 1, 'instances not set or 0');
      ctx.assume(node, 'minHealthy', 1, 'a scale set states no healthy minimum');
      const sku = str(r, 'sku') ?? str(r, 'sku_name');
      if (sku) node.fields.instanceType = sku;
      const path = 'network_interface.ip_configuration.load_balancer_backend_address_pool_ids';
      for (const pool of ctx.index.linked(r, path, 'id', POOLS)) ctx.target(pool, node);
    }
  },
};

export const azureLoadBalancerMapper: Mapper = {
  types: ['azurerm_lb'],
  reads: [...POOLS, 'azurerm_lb_probe', 'azurerm_lb_rule', 'azurerm_public_ip'],
  map(resources, ctx) {
    for (const r of resources) {
      const node = regionalNode(ctx, r, {
        kind: 'router',
        prefix: 'lb',
        name: `Azure Load Balancer ${str(r, 'name') ?? r.name}`,
        provider: 'azure',
        fields: { minTargets: 1, dnsTtlSeconds: 0 },
      });
      if (!node) continue;
      const owned = (type: string) =>
        ctx.index
          .ofType(type)
          .filter((x) => ctx.index.linked(x, 'loadbalancer_id', 'id', ['azurerm_lb']).includes(r));
      const probe = owned('azurerm_lb_probe')[0];
      if (probe) ctx.use(probe, node);
      const interval = probe && num(probe, 'interval_in_seconds');
      const probes = probe && num(probe, 'number_of_probes');
      ctx.stated(
        node,
        'healthCheckSeconds',
        interval,
        15,
        'no lb_probe interval_in_seconds: its default',
      );
      ctx.stated(node, 'failureThreshold', probes, 2, 'no lb_probe number_of_probes: its default');
      for (const rule of owned('azurerm_lb_rule')) ctx.use(rule, node);
      for (const ip of ctx.index.linked(r, 'frontend_ip_configuration.public_ip_address_id', 'id', [
        'azurerm_public_ip',
      ])) {
        ctx.use(ip, node);
      }
      for (const pool of owned('azurerm_lb_backend_address_pool')) {
        ctx.use(pool, node);
        for (const tier of ctx.targets.get(pool.address) ?? []) ctx.edge(node, tier, 'depends');
      }
    }
  },
};

/** The node an endpoint's `target_resource_id` reaches: a mapped node, or the LB of a public IP. */
function endpointTarget(ctx: ImportContext, endpoint: TfResource): DraftNode | undefined {
  const direct = ctx.index.linked(
    endpoint,
    'target_resource_id',
    'id',
    ctx.index.all.map((x) => x.type),
  );
  for (const target of direct) {
    const node = ctx.nodeOf(target);
    if (node && node.kind !== 'backup') return node;
  }
  const ip = direct.find((x) => x.type === 'azurerm_public_ip');
  if (!ip) return undefined;
  const lb = ctx.index
    .ofType('azurerm_lb')
    .find((l) =>
      ctx.index
        .linked(l, 'frontend_ip_configuration.public_ip_address_id', 'id', ['azurerm_public_ip'])
        .includes(ip),
    );
  return lb && ctx.nodeOf(lb);
}

export const trafficManagerMapper: Mapper = {
  types: ['azurerm_traffic_manager_profile'],
  reads: [...ENDPOINTS, 'azurerm_traffic_manager_external_endpoint'],
  map(resources, ctx) {
    for (const r of resources) {
      const method = str(r, 'traffic_routing_method') ?? 'Performance';
      const node = draftNode(ctx, r, {
        kind: 'router',
        prefix: 'tm',
        name: `Traffic Manager ${str(r, 'name') ?? r.name} (${method})`,
        provider: 'azure',
        fields: { minTargets: 1 },
      });
      ctx.stated(
        node,
        'dnsTtlSeconds',
        num(r, 'dns_config.ttl'),
        60,
        'dns_config.ttl not in the input: the Traffic Manager default',
      );
      ctx.stated(
        node,
        'healthCheckSeconds',
        num(r, 'monitor_config.interval_in_seconds'),
        30,
        'monitor_config.interval_in_seconds not set: its default',
      );
      const tolerated = num(r, 'monitor_config.tolerated_number_of_failures');
      ctx.stated(
        node,
        'failureThreshold',
        tolerated === undefined ? undefined : Math.max(tolerated, 1),
        3,
        'tolerated_number_of_failures not set: its default',
      );
      const endpoints = ctx.index
        .ofType(...ENDPOINTS)
        .filter((e) =>
          ctx.index.linked(e, 'profile_id', 'id', ['azurerm_traffic_manager_profile']).includes(r),
        );
      const priorities = endpoints.map((e) => num(e, 'priority') ?? Number.MAX_SAFE_INTEGER);
      const best = Math.min(...priorities);
      const weights = new Map<string, number>();
      endpoints.forEach((endpoint, i) => {
        ctx.use(endpoint, node);
        const target = endpointTarget(ctx, endpoint);
        if (!target) {
          ctx.warn(
            'endpoint-unlinked',
            `${endpoint.address}: its target is not a mapped node; connect it by hand`,
            { node },
          );
          return;
        }
        ctx.edge(node, target, 'depends');
        if (!target.region) return;
        const weight =
          method === 'Priority'
            ? priorities[i] === best
              ? 1
              : 0
            : method === 'Weighted'
              ? (num(endpoint, 'weight') ?? 1)
              : undefined;
        if (weight !== undefined)
          weights.set(target.region, (weights.get(target.region) ?? 0) + weight);
      });
      const total = [...weights.values()].reduce((a, b) => a + b, 0);
      if (weights.size >= 2 && total > 0) {
        ctx.trafficSplits.push({
          routerKey: node.key,
          weights: new Map([...weights].map(([k, w]) => [k, w / total])),
          why: `Traffic Manager ${method} routing`,
        });
      }
    }
  },
};

export const redisEnterpriseMapper: Mapper = {
  types: ['azurerm_redis_enterprise_cluster'],
  reads: ['azurerm_redis_enterprise_database'],
  map(resources, ctx) {
    for (const r of resources) {
      const node = regionalNode(ctx, r, (region) => ({
        kind: 'datastore',
        prefix: 'redis',
        name: `Redis Enterprise ${str(r, 'name') ?? r.name}`,
        provider: 'azure',
        zones: azureZones(r, region),
        fields: {
          engine: 'redis',
          minHealthy: 1,
          replication: 'primary-replica',
          autoFailover: true,
        },
      }));
      if (!node) continue;
      ctx.assume(
        node,
        'instances',
        2,
        'Redis Enterprise keeps each shard on a primary and a replica node',
      );
      const sku = str(r, 'sku_name');
      if (sku) node.fields.instanceType = sku;
      node.port = REDIS_ENTERPRISE_PORT;
    }
    const databases = ctx.index.ofType('azurerm_redis_enterprise_database');
    const clusterOf = (db: TfResource) =>
      ctx.index.linked(db, 'cluster_id', 'id', ['azurerm_redis_enterprise_cluster'])[0];
    for (const db of databases) {
      const own = clusterOf(db);
      const ownNode = own && ctx.nodeOf(own);
      if (!ownNode) continue;
      ctx.use(db, ownNode);
      const linkedClusters = strings(db, 'linked_database_id')
        .map((id) => id.replace(/\/databases\/[^/]+$/i, ''))
        .flatMap((id) => ctx.index.withKey('id', id, ['azurerm_redis_enterprise_cluster']));
      const viaRefs = ctx.index.linked(db, 'linked_database_id', 'id', [
        'azurerm_redis_enterprise_cluster',
      ]);
      const peers = [...new Set([...linkedClusters, ...viaRefs])]
        .map((c) => ctx.nodeOf(c))
        .filter((n): n is DraftNode => n !== undefined && n !== ownNode);
      if (peers.length === 0) continue;
      for (const member of [ownNode, ...peers]) member.fields.replication = 'active-active';
      for (const peer of peers) {
        const reverse = ctx.edges.some((e) => e.from === peer.key && e.to === ownNode.key);
        if (!reverse) ctx.edge(ownNode, peer, 'replicates');
      }
    }
  },
};
