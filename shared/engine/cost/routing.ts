/**
 * Routing: a regional load balancer (fixed hourly item + the data it processes, the region's
 * share of internet egress) and a global router (hosted zone + one health check per target,
 * the fast-interval feature for checks every 10 s or faster, and the router's stated DNS queries).
 */
import { lookupPrice, priceTiers } from '../../catalog/price-book';
import { NODE_DEFAULTS } from '../../model/defaults';
import type { ModelNode, RouterNode } from '../../model/types';
import {
  BYTES_PER_GIB,
  DEFAULT_DNS_QUERY_ITEM,
  DEFAULT_GLOBAL_ROUTING,
  DNS_QUERY_ITEM,
  FAST_HEALTH_CHECK_SECONDS,
  GLOBAL_ROUTING,
  LOAD_BALANCER,
} from './provider-rates';
import { type CostContext, bytesPerUnit, quantityUnit, throughTiers, unique } from './context';
import { qty } from './format';

export function priceLoadBalancer(ctx: CostContext, node: ModelNode): void {
  const site = ctx.site(node, 'loadBalancer');
  if (!site) return;
  const items = LOAD_BALANCER[site.provider] ?? { fixed: 'lb' };
  const fixed = ctx.price(site.provider, site.location, 'load-balancer', items.fixed);
  if (!fixed) {
    ctx.miss(
      node,
      'loadBalancer',
      'no-price',
      `no load balancer price (${items.fixed}) for ${site.provider} ${site.location}`,
    );
    return;
  }
  ctx.add(
    node,
    'loadBalancer',
    fixed.usd * ctx.hours,
    `${items.fixed} $${fixed.usd}/${fixed.unit} × ${qty(ctx.hours, 'h')}`,
    [fixed],
  );
  if (items.processed === undefined) return;
  const processed = ctx.price(site.provider, site.location, 'load-balancer', items.processed);
  const egress = regionalEgressBytes(ctx, node);
  if (!processed) {
    ctx.miss(
      node,
      'loadBalancer',
      'no-price',
      `no price for ${items.processed} in ${site.provider} ${site.location}`,
    );
  } else if (egress === undefined) {
    ctx.miss(
      node,
      'loadBalancer',
      'no-quantity',
      `${items.processed}: processed data unknown (workload.egressGiBPerMonth not given)`,
    );
  } else {
    // An ALB LCU covers 1 GB processed per hour, so LCU-hours ≥ GB processed per month: the
    // processed-bytes dimension only, a lower bound (connections and rule evaluations unknown).
    const quantity = egress / bytesPerUnit(processed.unit);
    ctx.add(
      node,
      'loadBalancer',
      quantity * processed.usd,
      `${qty(quantity, quantityUnit(processed.unit))} processed (the region's share of egress) × $${processed.usd}/${processed.unit}`,
      [processed],
    );
  }
}

/** Bytes of internet egress through a regional router: its region's share, split evenly
 * among the region's routers. */
export function regionalEgressBytes(ctx: CostContext, node: ModelNode): number | undefined {
  const egress = ctx.doc.workload?.egressGiBPerMonth;
  const region = ctx.regionId(node);
  if (egress === undefined || region === null) return undefined;
  const routers = [...ctx.byId.values()].filter(
    (n) => n.kind === 'router' && ctx.regionId(n) === region,
  ).length;
  return (egress * BYTES_PER_GIB * (ctx.shares.get(region) ?? 0)) / routers;
}

export function priceGlobalRouter(ctx: CostContext, node: ModelNode & { kind: 'router' }): void {
  const targets = unique(
    ctx.variant.edges.filter((e) => e.kind === 'depends' && e.from === node.id).map((e) => e.to),
  )
    .map((id) => ctx.byId.get(id))
    .filter((n): n is ModelNode => n !== undefined);
  const providers = unique(
    targets.map((t) => (t.kind === 'region' ? t : ctx.placement(t).region)?.provider ?? '?'),
  );
  const provider = providers[0];
  if (providers.length !== 1 || provider === undefined || provider === '?') {
    ctx.miss(
      node,
      'routing',
      'no-placement',
      providers.length > 1
        ? `global router over several providers (${providers.join(', ')}): give monthlyUsd`
        : 'global router without regional targets: no provider to price it by; give monthlyUsd',
    );
    return;
  }
  const plan = GLOBAL_ROUTING[provider] ?? DEFAULT_GLOBAL_ROUTING;
  if (plan.fixed !== undefined) {
    const fixed = ctx.price(provider, 'global', plan.category, plan.fixed);
    if (fixed) {
      ctx.add(node, 'routing', fixed.usd, `${plan.category} ${plan.fixed} $${fixed.usd}/month`, [
        fixed,
      ]);
    } else {
      ctx.miss(
        node,
        'routing',
        'no-price',
        `no ${plan.category} ${plan.fixed} price for ${provider}`,
      );
    }
  }
  const check = ctx.price(provider, 'global', plan.category, plan.check);
  if (check) {
    ctx.add(
      node,
      'routing',
      targets.length * check.usd,
      `${targets.length} health checks × $${check.usd}/month`,
      [check],
    );
  } else {
    ctx.miss(node, 'routing', 'no-price', `no health check price for ${provider}`);
  }
  const interval =
    node.healthCheckSeconds ?? (NODE_DEFAULTS.router.healthCheckSeconds?.value as number);
  if (interval <= FAST_HEALTH_CHECK_SECONDS && targets.length > 0) {
    const fast = ctx.price(provider, 'global', plan.category, plan.fastCheck);
    if (fast) {
      ctx.add(
        node,
        'routing',
        targets.length * fast.usd,
        `${targets.length} × fast (${qty(interval, 's')}) health-check feature × $${fast.usd}/month`,
        [fast],
      );
    } else {
      ctx.miss(node, 'routing', 'no-price', `no fast health-check price for ${provider}`);
    }
  }
  priceDnsQueries(ctx, node, provider, plan.category);
}

/**
 * DNS queries: the router's `queriesPerMonth` at its routing policy's price per million,
 * through the price's tiers (Route 53: the first billion a month, then the rest). Without a
 * query volume they are unpriced: how many queries reach the provider depends on resolvers'
 * caching, not on requests per second, so the engine does not guess one.
 */
export function priceDnsQueries(
  ctx: CostContext,
  node: RouterNode,
  provider: string,
  category: string,
): void {
  if (node.queriesPerMonth === undefined) {
    ctx.miss(
      node,
      'routing',
      'no-quantity',
      'DNS queries: their number depends on how long resolvers cache answers, not on requests per second; give the router queriesPerMonth (or monthlyUsd to price it whole)',
    );
    return;
  }
  const policy = node.routingPolicy ?? 'simple';
  const item = DNS_QUERY_ITEM[provider]?.[policy] ?? DEFAULT_DNS_QUERY_ITEM;
  const first = lookupPrice(ctx.book, provider, 'global', category, item);
  if (!first) {
    ctx.miss(node, 'routing', 'no-price', `no ${category} ${item} price for ${provider}`);
    return;
  }
  const tiers = priceTiers(ctx.book, first.key).map((t) => ctx.discounted(t, provider));
  const millions = node.queriesPerMonth / 1e6;
  const { total, parts, remaining, lastBound } = throughTiers(tiers, millions, (m) =>
    qty(m, 'million queries'),
  );
  ctx.add(
    node,
    'routing',
    total,
    `${qty(millions, 'million')} ${policy} DNS queries a month: ${parts.join(' + ') || '0'} per million`,
    tiers,
  );
  if (remaining > 1e-9) {
    ctx.miss(
      node,
      'routing',
      'no-price',
      `${qty(remaining, 'million queries')} beyond the last tier in the price book (${qty(lastBound, 'million queries')})`,
    );
  }
}
