/**
 * Global routers: Route 53 records of one name (with their routing policy and health checks) and
 * Global Accelerator accelerators (with their listeners' endpoint groups) → one global `router`
 * each, a `depends` edge to every load balancer they send to, and the split of requests between
 * regions their policy gives.
 *
 * Attributes [terraform-provider-aws website/docs/r/route53_record.html.markdown,
 * route53_health_check, globalaccelerator_accelerator, globalaccelerator_listener,
 * globalaccelerator_endpoint_group]: record `name`, `ttl`, `alias.name`,
 * `failover_routing_policy.type` (PRIMARY/SECONDARY; Route 53 answers with the primary while it
 * is healthy), `weighted_routing_policy.weight`, `latency_routing_policy.region`,
 * `health_check_id`, `records`; health check `request_interval` (seconds), `failure_threshold`;
 * endpoint group `endpoint_group_region`, `health_check_interval_seconds` ("10 seconds or 30
 * seconds … The default value is 30"), `threshold_count` ("The default value is 3"),
 * `traffic_dial_percentage` ("The default value is 100"), `endpoint_configuration.endpoint_id`
 * ("If the endpoint is a Network Load Balancer or Application Load Balancer, this is the ARN").
 */
import type { DraftNode, ImportContext } from '../context';
import { draftNode } from '../draft';
import type { Mapper } from '../mapper';
import { attrs, num, str, strings } from '../resources';
import type { TfResource } from '../types';

const LBS = ['aws_lb', 'aws_alb'];
/** TTL assumed for alias records, which have none in Terraform (the study's choice). */
const ALIAS_TTL_SECONDS = 60;

/** `dualstack.API-1.us-east-1.elb.amazonaws.com.` → `api-1.us-east-1.elb.amazonaws.com`. */
function dnsKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^dualstack\./, '');
}

/** The load balancers a record sends to: its alias target or the names in its records. */
function targetsOf(ctx: ImportContext, record: TfResource): DraftNode[] {
  const names = [...strings(record, 'alias.name'), ...strings(record, 'records')].map(dnsKey);
  const lbs = ctx.index.ofType(...LBS).filter((lb) => {
    const dns = str(lb, 'dns_name');
    return dns !== undefined && names.includes(dnsKey(dns));
  });
  const byRef = ctx.index.linked(record, 'alias.name', 'dns_name', LBS);
  return [...new Set([...lbs, ...byRef])]
    .map((lb) => ctx.nodeOf(lb))
    .filter((n): n is DraftNode => n !== undefined);
}

/** Adds a split of requests between regions, normalised, when it names two or more regions. */
function split(
  ctx: ImportContext,
  router: DraftNode,
  weights: Map<string, number>,
  why: string,
): void {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  if (weights.size < 2 || total <= 0) return;
  ctx.trafficSplits.push({
    routerKey: router.key,
    weights: new Map([...weights].map(([region, w]) => [region, w / total])),
    why,
  });
}

function mapRecordSet(ctx: ImportContext, name: string, records: readonly TfResource[]): void {
  const withTargets = records.map((r) => ({ r, targets: targetsOf(ctx, r) }));
  if (!withTargets.some((x) => x.targets.length > 0)) return;
  const first = records[0] as TfResource;
  const policy = str(first, 'failover_routing_policy.type')
    ? 'failover'
    : str(first, 'weighted_routing_policy.weight') !== undefined ||
        num(first, 'weighted_routing_policy.weight') !== undefined
      ? 'weighted'
      : str(first, 'latency_routing_policy.region')
        ? 'latency'
        : 'simple';
  const node = draftNode(
    ctx,
    { ...first, name: name.replace(/\./g, '-'), module: '', index: undefined } as TfResource,
    {
      kind: 'router',
      prefix: 'dns',
      name: `Route 53 ${name} (${policy})`,
      provider: 'aws',
      addresses: records.map((r) => r.address),
      fields: { minTargets: 1 },
    },
  );
  const checks = records.flatMap((r) =>
    ctx.index.linked(r, 'health_check_id', 'id', ['aws_route53_health_check']),
  );
  for (const check of checks) ctx.use(check, node);
  const check = checks[0];
  const interval = check && num(check, 'request_interval');
  const threshold = check && num(check, 'failure_threshold');
  ctx.stated(
    node,
    'healthCheckSeconds',
    interval,
    10,
    'no Route 53 health check: alias records use the target health; Nines default',
  );
  ctx.stated(
    node,
    'failureThreshold',
    threshold,
    3,
    'failure_threshold not set: the Route 53 default of 3',
  );
  const ttls = records.map((r) => num(r, 'ttl')).filter((t): t is number => t !== undefined);
  if (ttls.length > 0) node.fields.dnsTtlSeconds = Math.max(...ttls);
  else {
    ctx.assume(node, 'dnsTtlSeconds', ALIAS_TTL_SECONDS, 'alias records: TTL not in Terraform');
    ctx.warn(
      'alias-ttl',
      `${name}: alias records have no TTL in Terraform; ${ALIAS_TTL_SECONDS} s assumed`,
      { node },
    );
  }
  const weights = new Map<string, number>();
  for (const { r, targets } of withTargets) {
    for (const target of targets) {
      ctx.edge(node, target, 'depends');
      if (!target.region) continue;
      const failover = str(r, 'failover_routing_policy.type');
      const weight =
        failover !== undefined
          ? failover === 'PRIMARY'
            ? 1
            : 0
          : num(r, 'weighted_routing_policy.weight');
      if (weight !== undefined && policy !== 'latency') {
        weights.set(target.region, (weights.get(target.region) ?? 0) + weight);
      }
    }
  }
  split(ctx, node, weights, `Route 53 ${policy} routing of ${name}`);
  if (policy === 'latency') node.notes.push('latency routing: the workload traffic share applies');
}

export const route53Mapper: Mapper = {
  types: ['aws_route53_record'],
  reads: ['aws_route53_health_check', 'aws_route53_zone'],
  map(resources, ctx) {
    const sets = new Map<string, TfResource[]>();
    for (const r of resources) {
      const name = str(r, 'name') ?? r.name;
      sets.set(name, [...(sets.get(name) ?? []), r]);
    }
    for (const [name, records] of sets) mapRecordSet(ctx, name, records);
  },
};

export const globalAcceleratorMapper: Mapper = {
  types: ['aws_globalaccelerator_accelerator'],
  reads: ['aws_globalaccelerator_listener', 'aws_globalaccelerator_endpoint_group'],
  map(resources, ctx) {
    for (const accelerator of resources) {
      const node = draftNode(ctx, accelerator, {
        kind: 'router',
        prefix: 'ga',
        name: `Global Accelerator ${str(accelerator, 'name') ?? accelerator.name}`,
        provider: 'aws',
        fields: { minTargets: 1, dnsTtlSeconds: 0 },
      });
      const listeners = ctx.index
        .ofType('aws_globalaccelerator_listener')
        .filter((l) =>
          ctx.index
            .linked(l, 'accelerator_arn', 'id', ['aws_globalaccelerator_accelerator'])
            .includes(accelerator),
        );
      const groups = ctx.index
        .ofType('aws_globalaccelerator_endpoint_group')
        .filter((g) =>
          ctx.index
            .linked(g, 'listener_arn', 'id', ['aws_globalaccelerator_listener'])
            .some((l) => listeners.includes(l)),
        );
      for (const x of [...listeners, ...groups]) ctx.use(x, node);
      const group = groups[0];
      const interval = group && num(group, 'health_check_interval_seconds');
      const threshold = group && num(group, 'threshold_count');
      ctx.stated(
        node,
        'healthCheckSeconds',
        interval,
        30,
        'health_check_interval_seconds not set: its default',
      );
      ctx.stated(node, 'failureThreshold', threshold, 3, 'threshold_count not set: its default');
      const weights = new Map<string, number>();
      for (const g of groups) {
        const endpoints = attrs(g, 'endpoint_configuration.endpoint_id').filter(
          (x): x is string => typeof x === 'string',
        );
        const lbs = [
          ...endpoints.flatMap((arn) => ctx.index.withKey('arn', arn, LBS)),
          ...ctx.index.linked(g, 'endpoint_configuration.endpoint_id', 'arn', LBS),
        ];
        const region = str(g, 'endpoint_group_region') ?? ctx.region(g)?.region;
        for (const lb of new Set(lbs)) {
          const target = ctx.nodeOf(lb);
          if (target) ctx.edge(node, target, 'depends');
        }
        if (region)
          weights.set(
            region,
            (weights.get(region) ?? 0) + (num(g, 'traffic_dial_percentage') ?? 100),
          );
      }
      split(ctx, node, weights, 'Global Accelerator traffic dials');
    }
  },
};
