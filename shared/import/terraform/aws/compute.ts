/**
 * AWS compute tiers → `service` nodes: Auto Scaling groups, ECS services, EKS node groups and
 * EC2 instances (those of one `count` / `for_each` block make one tier).
 *
 * Attributes [terraform-provider-aws website/docs/r/…]: autoscaling_group `desired_capacity`,
 * `min_size`, `max_size`, `vpc_zone_identifier` ("subnets automatically determine which
 * availability zones the group will reside"), `availability_zones`, `target_group_arns`,
 * `launch_template.id`, `mixed_instances_policy…override.instance_type`; ecs_service
 * `desired_count`, `network_configuration.subnets/security_groups`,
 * `load_balancer.target_group_arn`; eks_node_group `scaling_config.desired_size/min_size/max_size`,
 * `subnet_ids`, `instance_types`; instance `instance_type`, `availability_zone`, `subnet_id`,
 * `vpc_security_group_ids`.
 */
import type { DraftNode, ImportContext } from '../context';
import { draftNode, regionalNode } from '../draft';
import type { Mapper } from '../mapper';
import { configAddress } from '../read';
import { num, str, strings } from '../resources';
import type { TfResource } from '../types';

const TARGET_GROUPS = ['aws_lb_target_group', 'aws_alb_target_group'];

/** Registers `tier` in the target groups attribute `path` of `r` names. */
function registerTargets(ctx: ImportContext, r: TfResource, path: string, tier: DraftNode): void {
  for (const group of ctx.index.linked(r, path, 'arn', TARGET_GROUPS)) ctx.target(group, tier);
}

/** Instance count and the healthy minimum of a scaling tier; min_size is the assumed minimum. */
function scaling(
  ctx: ImportContext,
  node: DraftNode,
  sizes: { desired?: number; min?: number; max?: number },
  names: { desired: string; min: string },
): void {
  const { desired, min, max } = sizes;
  if (desired !== undefined && desired >= 1) node.fields.instances = desired;
  else if (min !== undefined && min >= 1) {
    ctx.assume(node, 'instances', min, `${names.desired} not set: ${names.min}`);
  } else ctx.assume(node, 'instances', 1, `neither ${names.desired} nor ${names.min} is set`);
  const instances = node.fields.instances as number;
  const healthy = Math.min(Math.max(min ?? 1, 1), instances);
  ctx.assume(
    node,
    'minHealthy',
    healthy,
    min !== undefined && min >= 1
      ? `${names.min}: Terraform states no healthy minimum`
      : `${names.min} is 0 or unset: one instance`,
  );
  if (max !== undefined && max > instances) node.fields.maxInstances = Math.min(max, 1000);
}

function launchTemplateType(
  ctx: ImportContext,
  asg: TfResource,
  node: DraftNode,
): string | undefined {
  const override = strings(asg, 'mixed_instances_policy.launch_template.override.instance_type')[0];
  if (override) return override;
  const templates = ctx.index.linked(asg, 'launch_template.id', 'id', ['aws_launch_template']);
  const byName = ctx.index.linked(asg, 'launch_template.name', 'name', ['aws_launch_template']);
  const template = templates[0] ?? byName[0];
  if (template) {
    ctx.use(template, node);
    node.securityGroups = [
      ...(node.securityGroups ?? []),
      ...ctx.index.linked(template, 'vpc_security_group_ids', 'id', ['aws_security_group']),
      ...ctx.index.linked(template, 'network_interfaces.security_groups', 'id', [
        'aws_security_group',
      ]),
    ];
    return str(template, 'instance_type');
  }
  const configs = ctx.index.linked(asg, 'launch_configuration', 'name', [
    'aws_launch_configuration',
  ]);
  if (configs[0]) {
    ctx.use(configs[0], node);
    node.securityGroups = ctx.index.linked(configs[0], 'security_groups', 'id', [
      'aws_security_group',
    ]);
    return str(configs[0], 'instance_type');
  }
  return undefined;
}

export const autoscalingGroupMapper: Mapper = {
  types: ['aws_autoscaling_group'],
  reads: ['aws_launch_template', 'aws_launch_configuration', 'aws_autoscaling_attachment'],
  map(resources, ctx) {
    for (const r of resources) {
      const node = regionalNode(ctx, r, {
        kind: 'service',
        prefix: 'asg',
        name: `ASG ${str(r, 'name') ?? r.name}`,
        provider: 'aws',
      });
      if (!node) continue;
      ctx.spread(
        node,
        ctx.subnetZones(r, 'vpc_zone_identifier', node) ??
          ctx.zoneList(r, 'availability_zones', node.region),
      );
      scaling(
        ctx,
        node,
        { desired: num(r, 'desired_capacity'), min: num(r, 'min_size'), max: num(r, 'max_size') },
        { desired: 'desired_capacity', min: 'min_size' },
      );
      const type = launchTemplateType(ctx, r, node);
      if (type) node.fields.instanceType = type;
      registerTargets(ctx, r, 'target_group_arns', node);
    }
    for (const attachment of ctx.index.ofType('aws_autoscaling_attachment')) {
      const asg = ctx.index.linked(
        attachment,
        'autoscaling_group_name',
        'name',
        resources.map((x) => x.type),
      )[0];
      const tier = asg && ctx.nodeOf(asg);
      if (!tier) continue;
      ctx.use(attachment, tier);
      registerTargets(ctx, attachment, 'lb_target_group_arn', tier);
    }
  },
};

export const ecsServiceMapper: Mapper = {
  types: ['aws_ecs_service'],
  reads: ['aws_ecs_cluster', 'aws_ecs_task_definition'],
  map(resources, ctx) {
    for (const r of resources) {
      const node = regionalNode(ctx, r, {
        kind: 'service',
        prefix: 'ecs',
        name: `ECS ${str(r, 'name') ?? r.name}`,
        provider: 'aws',
      });
      if (!node) continue;
      ctx.spread(node, ctx.subnetZones(r, 'network_configuration.subnets', node));
      const desired = num(r, 'desired_count');
      if (desired !== undefined && desired >= 1) node.fields.instances = Math.min(desired, 1000);
      else ctx.assume(node, 'instances', 1, 'desired_count not set or 0');
      ctx.assume(node, 'minHealthy', 1, 'ECS states no healthy minimum for availability');
      node.securityGroups = ctx.index.linked(r, 'network_configuration.security_groups', 'id', [
        'aws_security_group',
      ]);
      registerTargets(ctx, r, 'load_balancer.target_group_arn', node);
    }
  },
};

export const eksNodeGroupMapper: Mapper = {
  types: ['aws_eks_node_group'],
  reads: ['aws_eks_cluster'],
  map(resources, ctx) {
    for (const r of resources) {
      const node = regionalNode(ctx, r, {
        kind: 'service',
        prefix: 'eks',
        name: `EKS node group ${str(r, 'node_group_name') ?? r.name}`,
        provider: 'aws',
      });
      if (!node) continue;
      ctx.spread(node, ctx.subnetZones(r, 'subnet_ids', node));
      scaling(
        ctx,
        node,
        {
          desired: num(r, 'scaling_config.desired_size'),
          min: num(r, 'scaling_config.min_size'),
          max: num(r, 'scaling_config.max_size'),
        },
        { desired: 'scaling_config.desired_size', min: 'scaling_config.min_size' },
      );
      const type = strings(r, 'instance_types')[0];
      if (type) node.fields.instanceType = type;
    }
  },
};

/** EC2 instances: the instances of one `count` / `for_each` block make one tier. */
export const instanceMapper: Mapper = {
  types: ['aws_instance'],
  map(resources, ctx) {
    const groups = new Map<string, TfResource[]>();
    for (const r of resources) {
      const key = configAddress(r.address);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const members of groups.values()) {
      const first = members[0] as TfResource;
      const where = ctx.region(first);
      if (!where) continue;
      const zones = new Set<string>();
      let unknown = false;
      for (const m of members) {
        const zone = str(m, 'availability_zone');
        const viaSubnet = zone ? [zone] : ctx.subnetZones(m, 'subnet_id');
        if (Array.isArray(viaSubnet)) for (const z of viaSubnet) zones.add(z);
        else if (viaSubnet === 'unknown') unknown = true;
      }
      const node = draftNode(
        ctx,
        { ...first, index: undefined } as TfResource,
        {
          kind: 'service',
          prefix: 'ec2',
          name: `EC2 ${first.name}${members.length > 1 ? ` ×${members.length}` : ''}`,
          provider: 'aws',
          region: where.region,
          addresses: members.map((m) => m.address),
          ...(zones.size > 0 ? { zones: [...zones].sort() } : unknown ? { zones: 'unknown' } : {}),
        },
        where.fromDefault,
      );
      node.fields.instances = Math.min(members.length, 1000);
      if (members.length > 1) {
        ctx.assume(node, 'minHealthy', 1, 'Terraform states no healthy minimum: one instance');
      }
      const type = str(first, 'instance_type');
      if (type) node.fields.instanceType = type;
      node.securityGroups = members.flatMap((m) =>
        ctx.index.linked(m, 'vpc_security_group_ids', 'id', ['aws_security_group']),
      );
    }
  },
};
