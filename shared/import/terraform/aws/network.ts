/**
 * The network: subnets give each region its zones (one per distinct `availability_zone`), and
 * security-group rules give the one request path Terraform does not state, app → datastore:
 * an ingress rule from a tier's security group to a datastore's security group on the
 * datastore's port becomes a `depends` edge marked inferred (the signal InfraMap also uses for
 * AWS connections).
 *
 * Attributes [terraform-provider-aws website/docs/r/subnet.html.markdown, security_group,
 * security_group_rule, vpc_security_group_ingress_rule]: subnet `availability_zone`; security
 * group `ingress.from_port/to_port/security_groups`; rule `type` (ingress), `security_group_id`,
 * `source_security_group_id`, `from_port`, `to_port`; ingress rule `security_group_id`,
 * `referenced_security_group_id`, `from_port`, `to_port`.
 */
import type { DraftNode, ImportContext } from '../context';
import type { Mapper } from '../mapper';
import { attrs, num, str } from '../resources';
import type { TfResource } from '../types';

const SG = ['aws_security_group'];

export const subnetMapper: Mapper = {
  types: ['aws_subnet'],
  reads: ['aws_vpc'],
  map(resources, ctx) {
    for (const subnet of resources) {
      const zone = str(subnet, 'availability_zone');
      const where = ctx.region(subnet);
      if (!zone || !where) continue;
      ctx.noteZones(where.region, [zone]);
      ctx.use(subnet);
    }
  },
};

/** An ingress permission: into `target` from `source`, on ports `from`–`to` (undefined: all). */
interface Ingress {
  readonly target: TfResource;
  readonly source: TfResource;
  readonly from?: number;
  readonly to?: number;
  readonly rule: TfResource;
}

function ingressRules(ctx: ImportContext): Ingress[] {
  const rules: Ingress[] = [];
  for (const group of ctx.index.ofType(...SG)) {
    for (const block of attrs(group, 'ingress')) {
      if (typeof block !== 'object' || block === null) continue;
      const b = block as Record<string, unknown>;
      const sources = Array.isArray(b.security_groups) ? b.security_groups : [];
      for (const id of sources) {
        if (typeof id !== 'string') continue;
        for (const source of ctx.index.withKey('id', id, SG)) {
          rules.push({ target: group, source, rule: group, ...ports(b.from_port, b.to_port) });
        }
      }
    }
  }
  const ruleTypes: [string, string][] = [
    ['aws_security_group_rule', 'source_security_group_id'],
    ['aws_vpc_security_group_ingress_rule', 'referenced_security_group_id'],
  ];
  for (const [type, sourcePath] of ruleTypes) {
    for (const rule of ctx.index.ofType(type)) {
      if (type === 'aws_security_group_rule' && str(rule, 'type') !== 'ingress') continue;
      const targets = ctx.index.linked(rule, 'security_group_id', 'id', SG);
      const sources = ctx.index.linked(rule, sourcePath, 'id', SG);
      for (const target of targets) {
        for (const source of sources) {
          rules.push({
            target,
            source,
            rule,
            ...ports(num(rule, 'from_port'), num(rule, 'to_port')),
          });
        }
      }
    }
  }
  return rules;
}

function ports(from: unknown, to: unknown): { from?: number; to?: number } {
  // -1 or 0–0 with protocol -1 means every port.
  if (typeof from !== 'number' || typeof to !== 'number' || from < 0 || (from === 0 && to === 0)) {
    return {};
  }
  return { from, to };
}

const covers = (rule: Ingress, port: number | undefined) =>
  rule.from === undefined || port === undefined || (rule.from <= port && port <= (rule.to ?? port));

/**
 * Adds inferred `depends` edges from each tier to each datastore its security groups may reach
 * on the datastore's port; resources read count as used.
 */
export function inferFromSecurityGroups(ctx: ImportContext): void {
  const rules = ingressRules(ctx);
  const consumers = ctx.nodes.filter((n) => n.kind === 'service' && n.securityGroups?.length);
  const datastores = ctx.nodes.filter((n) => n.kind === 'datastore' && n.securityGroups?.length);
  const explicit = (a: DraftNode, d: DraftNode) =>
    ctx.edges.some((e) => e.from === a.key && e.to === d.key && e.kind === 'depends');
  for (const datastore of datastores) {
    for (const consumer of consumers) {
      if (consumer.region !== datastore.region || explicit(consumer, datastore)) continue;
      const match = rules.find(
        (rule) =>
          datastore.securityGroups?.includes(rule.target) &&
          consumer.securityGroups?.includes(rule.source) &&
          covers(rule, datastore.port),
      );
      if (!match) continue;
      const port = datastore.port === undefined ? 'any port' : `port ${datastore.port}`;
      ctx.edge(
        consumer,
        datastore,
        'depends',
        `security group ${match.rule.address} lets ${match.source.address} in on ${port}`,
      );
      ctx.use(match.rule);
    }
  }
  for (const group of ctx.index.ofType(...SG)) {
    if (ctx.nodes.some((n) => n.securityGroups?.includes(group))) ctx.use(group);
  }
}
