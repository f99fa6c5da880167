/**
 * Application and Network Load Balancers → regional `router` nodes, with the health check of
 * their target groups and a `depends` edge to each tier registered in those groups.
 *
 * Attributes [terraform-provider-aws website/docs/r/lb.html.markdown, lb_target_group,
 * lb_listener, lb_target_group_attachment]: lb `load_balancer_type`, `subnets`, `dns_name`,
 * `arn`, `security_groups`; listener `load_balancer_arn`, `default_action.target_group_arn`,
 * `default_action.forward.target_group.arn`; target group `health_check.interval` ("Defaults to
 * 30", range 5–300 s) and `health_check.unhealthy_threshold` ("Defaults to 3"); attachment
 * `target_group_arn`, `target_id`.
 */
import type { DraftNode, ImportContext } from '../context';
import { regionalNode } from '../draft';
import type { Mapper } from '../mapper';
import { num, str } from '../resources';
import type { TfResource } from '../types';

const LBS = ['aws_lb', 'aws_alb'];
const GROUPS = ['aws_lb_target_group', 'aws_alb_target_group'];
const LISTENERS = ['aws_lb_listener', 'aws_alb_listener'];

/** Target group health-check defaults [lb_target_group: interval 30 s, unhealthy_threshold 3]. */
const DEFAULT_INTERVAL_SECONDS = 30;
const DEFAULT_UNHEALTHY_THRESHOLD = 3;

/** The target groups a load balancer's listeners forward to. */
function groupsOf(ctx: ImportContext, lb: TfResource, node: DraftNode): TfResource[] {
  const groups: TfResource[] = [];
  for (const listener of ctx.index.ofType(...LISTENERS)) {
    const owners = ctx.index.linked(listener, 'load_balancer_arn', 'arn', LBS);
    if (!owners.includes(lb)) continue;
    ctx.use(listener, node);
    for (const path of [
      'default_action.target_group_arn',
      'default_action.forward.target_group.arn',
    ]) {
      for (const g of ctx.index.linked(listener, path, 'arn', GROUPS)) {
        if (!groups.includes(g)) groups.push(g);
      }
    }
  }
  // A state also lists, on each target group, the load balancers that use it.
  for (const g of ctx.index.ofType(...GROUPS)) {
    if (!groups.includes(g) && ctx.index.linked(g, 'load_balancer_arns', 'arn', LBS).includes(lb)) {
      groups.push(g);
    }
  }
  return groups;
}

/** Registers instance tiers named by target-group attachments (`target_id` = instance id). */
function attachInstances(ctx: ImportContext): void {
  for (const attachment of ctx.index.ofType('aws_lb_target_group_attachment')) {
    const group = ctx.index.linked(attachment, 'target_group_arn', 'arn', GROUPS)[0];
    const instance = ctx.index.linked(attachment, 'target_id', 'id', ['aws_instance'])[0];
    const tier = instance && ctx.nodeOf(instance);
    if (!group || !tier) continue;
    ctx.use(attachment, tier);
    ctx.target(group, tier);
  }
}

/** `arn:…:loadbalancer/app/api-use1/50dc…` → `api-use1`. */
function nameInArn(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : /loadbalancer\/[^/]+\/([^/]+)\//.exec(arn)?.[1];
}

export const loadBalancerMapper: Mapper = {
  types: LBS,
  reads: [...GROUPS, ...LISTENERS, 'aws_lb_target_group_attachment', 'aws_lb_listener_rule'],
  map(resources, ctx) {
    attachInstances(ctx);
    for (const r of resources) {
      const type = str(r, 'load_balancer_type') ?? 'application';
      const label = type === 'network' ? 'NLB' : type === 'gateway' ? 'GWLB' : 'ALB';
      const node = regionalNode(ctx, r, {
        kind: 'router',
        prefix: 'lb',
        name: `${label} ${str(r, 'name') ?? nameInArn(str(r, 'arn')) ?? r.name}`,
        provider: 'aws',
        fields: { minTargets: 1, dnsTtlSeconds: 0 },
      });
      if (!node) continue;
      // A load balancer spans its subnets' zones as a regional service: noted, not placed.
      const zones = ctx.subnetZones(r, 'subnets', node);
      if (Array.isArray(zones)) ctx.noteZones(node.region, zones);
      node.securityGroups = ctx.index.linked(r, 'security_groups', 'id', ['aws_security_group']);
      const groups = groupsOf(ctx, r, node);
      const group = groups[0];
      if (group) {
        for (const g of groups) ctx.use(g, node);
        const interval = num(group, 'health_check.interval');
        const threshold = num(group, 'health_check.unhealthy_threshold');
        if (interval !== undefined) node.fields.healthCheckSeconds = interval;
        else {
          ctx.assume(
            node,
            'healthCheckSeconds',
            DEFAULT_INTERVAL_SECONDS,
            'target group health_check.interval default',
          );
        }
        if (threshold !== undefined) node.fields.failureThreshold = threshold;
        else {
          ctx.assume(
            node,
            'failureThreshold',
            DEFAULT_UNHEALTHY_THRESHOLD,
            'target group health_check.unhealthy_threshold default',
          );
        }
        if (groups.length > 1) {
          ctx.warn(
            'several-target-groups',
            `${r.address} forwards to ${groups.length} target groups; the health check of ${group.address} is used`,
            { node },
          );
        }
      } else {
        ctx.warn(
          'no-target-group',
          `${r.address}: no listener forwards to a target group in the input; connect its targets by hand`,
          { node },
        );
      }
      for (const g of groups) {
        for (const tier of ctx.targets.get(g.address) ?? []) ctx.edge(node, tier, 'depends');
      }
    }
  },
};
