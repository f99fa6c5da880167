/**
 * The cost engine: the monthly cost of one variant from a dated price book, line by line, with
 * what resilience costs made visible (standby regions, cross-zone and cross-region replication
 * traffic, Active-Active's extra memory) and every price its source. Pure: the price book and
 * the downtime figure come in as parameters. docs/cost.md explains the method for users.
 *
 * Conventions: a month is the price book's `hoursPerMonth` (730 h = 8,760 h / 12, the providers'
 * convention) and 730 × 3,600 = 2,628,000 s; a GB is 10^9 bytes and a GiB 2^30 bytes, each price
 * read in the unit its provider bills (see `PriceUnit`). Missing prices are never guessed: what
 * needs one is listed in `unpriced` and left out of the total.
 */
import {
  lookupPrice,
  priceTiers,
  withDocumentPrices,
  type FoundPrice,
  type PriceBook,
  type PriceUnit,
} from '../../catalog/price-book';
import { NODE_DEFAULTS } from '../../model/defaults';
import { regionTrafficShares } from '../../model/traffic';
import type {
  DatastoreNode,
  ModelNode,
  NinesDocument,
  NodeKind,
  RegionNode,
  Variant,
} from '../../model/types';

/**
 * What a cost line pays for. `standby` replaces the category of every line owned by a node in
 * a standby region (a region with no traffic while another region has some), so that the
 * standby capacity of an active-passive design shows as one figure.
 */
export type CostCategory =
  | 'compute'
  | 'datastore'
  | 'memory'
  | 'storage'
  | 'backup'
  | 'loadBalancer'
  | 'routing'
  | 'crossZoneTransfer'
  | 'crossRegionTransfer'
  | 'egress'
  | 'licence'
  | 'standby'
  | 'other';

/** One line of the breakdown. */
export interface CostLine {
  /** The node the cost belongs to: the sender for replication traffic, the region for egress. */
  readonly nodeId: string;
  /** Region id the node sits in; null for a global node. */
  readonly region: string | null;
  /** Kind of the node (the tier). */
  readonly tier: NodeKind;
  readonly category: CostCategory;
  /** USD per month, ≥ 0. */
  readonly monthlyUsd: number;
  /** The quantity × price that gives `monthlyUsd`, for a person to check. */
  readonly detail: string;
  /** Source ids of the prices used (`override` for per-node overrides), comma-separated. */
  readonly source: string;
  /** Price book keys used. */
  readonly priceKeys: readonly string[];
}

/**
 * Why something has no price: `no-price` (the book has no price for it: add one to
 * `catalog.prices` or override the node), `no-quantity` (the model does not say how much is
 * used, e.g. DNS queries), `no-placement` (no region, provider, location or instance type to
 * look a price up by), `cross-provider` (replication between two providers).
 */
export type UnpricedCode = 'no-price' | 'no-quantity' | 'no-placement' | 'cross-provider';

/** Something the estimate could not price; it is left out of the total, never guessed. */
export interface UnpricedItem {
  readonly nodeId: string;
  readonly region: string | null;
  /** Kind of the node (the tier). */
  readonly tier: NodeKind;
  readonly category: CostCategory;
  readonly code: UnpricedCode;
  readonly reason: string;
}

/** The cost of one variant: the `cost` object of `nines evaluate --json` (FORMAT.md). */
export interface CostEstimate {
  readonly variantId: string;
  /** Sum of the breakdown, USD per month. */
  readonly monthly: number;
  readonly currency: 'USD';
  /** Lines in node order, then replication traffic in edge order, then egress by region. */
  readonly breakdown: readonly CostLine[];
  /** Monthly USD per category, per region id (`global` for global nodes) and per node kind. */
  readonly byCategory: Readonly<Partial<Record<CostCategory, number>>>;
  readonly byRegion: Readonly<Record<string, number>>;
  readonly byTier: Readonly<Partial<Record<NodeKind, number>>>;
  /**
   * Downtime hours per year × `targets.downtimeCostPerHour`, USD per year; null when the
   * downtime or the cost per hour is not known.
   */
  readonly expectedDowntimeCostPerYear: number | null;
  /** 12 × monthly + expected downtime cost (0 when unknown), USD per year. */
  readonly yearlyTotal: number;
  /** Compilation date of the price book used. */
  readonly priceBookAsOf: string;
  readonly unpriced: readonly UnpricedItem[];
  /** True when nothing is unpriced, so `monthly` is the whole cost rather than a lower bound. */
  readonly isComplete: boolean;
}

/** Inputs of {@link estimateCost}. */
export interface CostOptions {
  /** The price book (the bundled assets/pricing/pricebook.json, possibly merged with imports). */
  readonly priceBook: PriceBook;
  /** Expected downtime of the variant, minutes per year (from the availability engine). */
  readonly downtimeMinutesPerYear?: number;
}

const BYTES_PER_GB = 1e9;
const BYTES_PER_GIB = 2 ** 30;
const SECONDS_PER_HOUR = 3600;

/**
 * Memory factor of Redis Active-Active over the same database without it: "enabling
 * Active-Active replication requires double the memory of regular replication" (Redis
 * Software docs, Database memory limits,
 * https://redis.io/docs/latest/operate/rs/databases/memory-performance/memory-limit/).
 */
export const ACTIVE_ACTIVE_MEMORY_FACTOR = 2;
/**
 * Memory factor of in-tier replication (a replica of every shard): "enabling replication
 * doubles memory consumption" (same page; catalog source `redis-ha-docs` says the same of
 * Redis Cloud).
 */
export const REPLICATION_MEMORY_FACTOR = 2;
/** Source id (in the price book's sources) of the two memory factors. */
const MEMORY_SOURCE = 'redis-memory-limit';

/** How a regional router (load balancer) is priced per provider: a fixed hourly item and a
 * per-volume item for the data it processes. Other providers (e.g. `custom`) use `lb`. */
const LOAD_BALANCER: Readonly<Record<string, { fixed: string; processed?: string }>> = {
  aws: { fixed: 'alb', processed: 'alb-lcu' },
  azure: { fixed: 'standard-rule', processed: 'standard-data' },
  gcp: { fixed: 'forwarding-rule', processed: 'data-processed' },
};
/** How a global router is priced per provider: a fixed item and one health check per target
 * (plus the fast-interval feature when checks run every 10 s or faster). */
const GLOBAL_ROUTING: Readonly<
  Record<string, { fixed?: string; check: string; fastCheck: string; category: string }>
> = {
  aws: {
    fixed: 'hosted-zone',
    check: 'health-check',
    fastCheck: 'health-check-feature',
    category: 'dns',
  },
  azure: { check: 'health-check', fastCheck: 'health-check-feature', category: 'traffic-manager' },
};
const DEFAULT_GLOBAL_ROUTING = {
  fixed: 'hosted-zone',
  check: 'health-check',
  fastCheck: 'health-check-feature',
  category: 'dns',
};
/** Object storage class used for backups and object stores per provider (else `standard`). */
const OBJECT_STORAGE_ITEM: Readonly<Record<string, string>> = { azure: 'hot-lrs' };
/** Route 53 calls a 10 s interval "fast"; 30 s is standard (nines' router defaults). */
const FAST_HEALTH_CHECK_SECONDS = 10;

const TRAFFIC_CATEGORIES: ReadonlySet<CostCategory> = new Set([
  'crossZoneTransfer',
  'crossRegionTransfer',
  'egress',
]);

interface Placement {
  readonly region: RegionNode | undefined;
  readonly zone: string | undefined;
}

/** A price with the document's discount for its provider applied. */
interface Priced {
  readonly usd: number;
  readonly unit: PriceUnit;
  readonly key: string;
  readonly source: string;
  readonly upTo?: number;
  readonly memGiB?: number;
}

/**
 * Estimates the monthly cost of variant `variantId` of `doc`:
 *
 * - compute: instances × hourly price × hours per month (730), by `instanceType` in the
 *   region's provider and location; a datastore whose type is a managed node type (e.g.
 *   `cache.r7g.large`) takes the managed price (`managed-redis`), else the VM price;
 * - memory: for an Active-Active datastore, the memory it needs beyond what its instances hold,
 *   at the instance's price per GiB-hour (see {@link activeActiveMemoryNeedGiB});
 * - storage (object stores: `storageGiB` × GB-month price) and backups (the protected data set ×
 *   the copies kept, retentionDays × 86,400 / intervalSeconds, × the backup storage price);
 * - load balancers (hourly + processed data = the region's share of internet egress) and global
 *   routing (DNS hosted zone + one health check per target); DNS queries are reported as
 *   unpriced, because their number depends on resolver caching, not on requests per second;
 * - replication traffic (see {@link replicationGBPerMonth}): cross-region at the sender's
 *   inter-region price, cross-zone inside a tier at the inter-zone price;
 * - internet egress: `workload.egressGiBPerMonth` × the region's traffic share, tiered;
 * - licences: `licenseMonthlyUsd` as given.
 *
 * Per-node `monthlyUsd` replaces every price of the node, `hourlyUsd` replaces the price of one
 * instance-hour (both exactly as given, no discount); replication traffic and egress depend on
 * the workload and are priced regardless. `catalog.prices` replace or extend the book and
 * `catalog.discounts[provider]` takes a share off every book price of that provider.
 *
 * Example: 15 × m7i.large in us-east-1 = 15 × $0.1008 × 730 = $1,103.76 per month.
 *
 * @throws Error when `variantId` is not a variant of `doc` (a programmer error).
 */
export function estimateCost(
  doc: NinesDocument,
  variantId: string,
  options: CostOptions,
): CostEstimate {
  const variant = doc.variants.find((v) => v.id === variantId);
  if (!variant) throw new Error(`estimateCost: no variant "${variantId}"`);
  const book = withDocumentPrices(options.priceBook, doc.catalog?.prices);
  const ctx = new CostContext(doc, variant, book);
  ctx.run();

  const breakdown = ctx.lines.map((line) =>
    line.region !== null &&
    ctx.standbyRegions.has(line.region) &&
    !TRAFFIC_CATEGORIES.has(line.category)
      ? { ...line, category: 'standby' as const }
      : line,
  );
  const monthly = sum(breakdown.map((l) => l.monthlyUsd));
  const perHour = doc.targets?.downtimeCostPerHour;
  const expected =
    options.downtimeMinutesPerYear === undefined || perHour === undefined
      ? null
      : (options.downtimeMinutesPerYear / 60) * perHour;
  return {
    variantId,
    monthly,
    currency: 'USD',
    breakdown,
    byCategory: totalsBy(breakdown, (l) => l.category),
    byRegion: totalsBy(breakdown, (l) => l.region ?? 'global'),
    byTier: totalsBy(breakdown, (l) => l.tier),
    expectedDowntimeCostPerYear: expected,
    yearlyTotal: 12 * monthly + (expected ?? 0),
    priceBookAsOf: options.priceBook.asOf,
    unpriced: ctx.unpriced,
    isComplete: ctx.unpriced.length === 0,
  };
}

/**
 * Replication volume of a stream of writes, GB (10^9 bytes) per month:
 * writesPerSecond × avgWriteBytes × seconds per month (730 h × 3,600 = 2,628,000 s) / 10^9,
 * for one receiving peer. Example: 2,000 writes/s × 1,024 B → 5,382.144 GB per month, which
 * costs $107.64 per month to one peer in another AWS region at $0.02/GB.
 */
export function replicationGBPerMonth(
  writesPerSecond: number,
  avgWriteBytes: number,
  hoursPerMonth: number,
): number {
  return (writesPerSecond * avgWriteBytes * hoursPerMonth * SECONDS_PER_HOUR) / BYTES_PER_GB;
}

/**
 * Memory an Active-Active member needs, GiB: data set × 2 when the member keeps a replica of
 * every shard (two or more instances) × 2 for Active-Active (Redis Software, Database memory
 * limits). Example: a 50 GiB data set on a replicated member needs 50 × 2 × 2 = 200 GiB.
 */
export function activeActiveMemoryNeedGiB(dataSetGiB: number, instances: number): number {
  return (
    dataSetGiB * (instances >= 2 ? REPLICATION_MEMORY_FACTOR : 1) * ACTIVE_ACTIVE_MEMORY_FACTOR
  );
}

class CostContext {
  readonly lines: CostLine[] = [];
  readonly unpriced: UnpricedItem[] = [];
  readonly standbyRegions: ReadonlySet<string>;
  private readonly byId = new Map<string, ModelNode>();
  private readonly zonesOf = new Map<string, string[]>();
  private readonly shares: Map<string, number>;
  private readonly hours: number;

  constructor(
    private readonly doc: NinesDocument,
    private readonly variant: Variant,
    private readonly book: PriceBook,
  ) {
    for (const node of variant.nodes) if (!this.byId.has(node.id)) this.byId.set(node.id, node);
    for (const node of this.byId.values()) {
      if (node.kind !== 'zone' || node.parent === undefined) continue;
      const list = this.zonesOf.get(node.parent) ?? [];
      list.push(node.id);
      this.zonesOf.set(node.parent, list);
    }
    this.shares = regionTrafficShares(doc, variant);
    const hasTraffic = [...this.shares.values()].some((s) => s > 0);
    this.standbyRegions = new Set(
      hasTraffic ? [...this.shares].filter(([, s]) => s === 0).map(([r]) => r) : [],
    );
    this.hours = book.hoursPerMonth;
  }

  run(): void {
    for (const node of this.byId.values()) this.priceNode(node);
    const seen = new Set<string>();
    for (const edge of this.variant.edges) {
      if (edge.kind !== 'replicates') continue;
      const pair = [edge.from, edge.to].sort().join('|');
      if (edge.from === edge.to || seen.has(pair)) continue;
      seen.add(pair);
      this.priceReplicationEdge(edge.from, edge.to);
    }
    this.priceEgress();
  }

  // ---- placement and prices ----

  private placement(node: ModelNode): Placement {
    const parent = node.parent === undefined ? undefined : this.byId.get(node.parent);
    if (parent?.kind === 'region') return { region: parent, zone: undefined };
    if (parent?.kind === 'zone') {
      const region = parent.parent === undefined ? undefined : this.byId.get(parent.parent);
      return { region: region?.kind === 'region' ? region : undefined, zone: parent.id };
    }
    return { region: undefined, zone: undefined };
  }

  private regionId(node: ModelNode): string | null {
    if (node.kind === 'region') return node.id;
    return this.placement(node).region?.id ?? null;
  }

  private discounted(found: FoundPrice, provider: string): Priced {
    const discount = this.doc.catalog?.discounts?.[provider] ?? 0;
    const { entry } = found;
    return {
      usd: entry.usd * (1 - discount),
      unit: entry.unit,
      key: found.key,
      source: entry.source,
      ...(entry.upTo === undefined ? {} : { upTo: entry.upTo }),
      ...(entry.memGiB === undefined ? {} : { memGiB: entry.memGiB }),
    };
  }

  private price(
    provider: string,
    location: string,
    category: string,
    item: string,
  ): Priced | undefined {
    const found = lookupPrice(this.book, provider, location, category, item);
    return found ? this.discounted(found, provider) : undefined;
  }

  private add(
    node: ModelNode,
    category: CostCategory,
    monthlyUsd: number,
    detail: string,
    prices: readonly { key: string; source: string }[],
  ): void {
    this.lines.push({
      nodeId: node.id,
      region: this.regionId(node),
      tier: node.kind,
      category,
      monthlyUsd,
      detail,
      source: unique(prices.map((p) => p.source)).join(', '),
      priceKeys: unique(prices.map((p) => p.key)),
    });
  }

  private miss(node: ModelNode, category: CostCategory, code: UnpricedCode, reason: string): void {
    this.unpriced.push({
      nodeId: node.id,
      region: this.regionId(node),
      tier: node.kind,
      category,
      code,
      reason,
    });
  }

  /** The provider and location a regional node is priced in, or a reported miss. */
  private site(
    node: ModelNode,
    category: CostCategory,
  ): { provider: string; location: string } | undefined {
    const region = node.kind === 'region' ? node : this.placement(node).region;
    if (!region) {
      this.miss(
        node,
        category,
        'no-placement',
        'global node: no region to look a price up in; give hourlyUsd or monthlyUsd',
      );
      return undefined;
    }
    if (region.provider === undefined || region.location === undefined) {
      this.miss(
        node,
        category,
        'no-placement',
        `region ${region.id} has no provider and location to look prices up by`,
      );
      return undefined;
    }
    return { provider: region.provider, location: region.location };
  }

  // ---- nodes ----

  private priceNode(node: ModelNode): void {
    if (node.kind === 'region' || node.kind === 'zone') return;
    const category = naturalCategory(node);
    if (node.monthlyUsd !== undefined) {
      this.add(node, category, node.monthlyUsd, `monthlyUsd override $${usd(node.monthlyUsd)}`, [
        { key: `${node.id}.monthlyUsd`, source: 'override' },
      ]);
    } else if (node.hourlyUsd !== undefined) {
      const n = instancesOf(node);
      this.add(
        node,
        category,
        n * node.hourlyUsd * this.hours,
        `${n} × hourlyUsd override $${node.hourlyUsd}/h × ${this.hours} h`,
        [{ key: `${node.id}.hourlyUsd`, source: 'override' }],
      );
      if (node.kind === 'datastore') this.priceActiveActiveMemory(node, node.hourlyUsd, 'override');
    } else {
      this.priceFromBook(node);
    }
    if (node.kind === 'datastore') this.priceCrossZoneReplication(node);
    if (node.licenseMonthlyUsd !== undefined) {
      this.add(
        node,
        'licence',
        node.licenseMonthlyUsd,
        `licence $${usd(node.licenseMonthlyUsd)}/month`,
        [{ key: `${node.id}.licenseMonthlyUsd`, source: 'override' }],
      );
    }
  }

  private priceFromBook(node: ModelNode): void {
    switch (node.kind) {
      case 'service':
      case 'queue':
      case 'datastore':
        this.priceInstances(node);
        return;
      case 'router':
        if (this.placement(node).region) this.priceLoadBalancer(node);
        else this.priceGlobalRouter(node);
        return;
      case 'objectStore':
        this.priceObjectStore(node);
        return;
      case 'backup':
        this.priceBackup(node);
        return;
      case 'external':
        if (node.licenseMonthlyUsd === undefined) {
          this.miss(
            node,
            'other',
            'no-price',
            'third-party dependency: give its fee as monthlyUsd or licenseMonthlyUsd',
          );
        }
        return;
      default:
        return;
    }
  }

  /** The book price of one instance of a tier: managed datastore type first, then VM type. */
  private instancePrice(node: ModelNode, provider: string, location: string): Priced | undefined {
    const type = instanceTypeOf(node);
    if (type === undefined) return undefined;
    if (node.kind === 'datastore') {
      const managed = this.price(provider, location, managedCategory(node), type);
      if (managed) return managed;
    }
    return this.price(provider, location, 'compute', type);
  }

  private priceInstances(node: ModelNode): void {
    const category = naturalCategory(node);
    const site = this.site(node, category);
    if (!site) return;
    const type = instanceTypeOf(node);
    if (type === undefined) {
      this.miss(
        node,
        category,
        'no-placement',
        'no instanceType to price; set one or give hourlyUsd',
      );
      return;
    }
    const price = this.instancePrice(node, site.provider, site.location);
    if (!price) {
      this.miss(
        node,
        category,
        'no-price',
        `no price for ${type} in ${site.provider} ${site.location}`,
      );
      return;
    }
    const n = instancesOf(node);
    const perInstance = price.unit === 'month' ? price.usd : price.usd * this.hours;
    const rate =
      price.unit === 'month' ? `$${price.usd}/month` : `$${price.usd}/h × ${this.hours} h`;
    this.add(node, category, n * perInstance, `${n} × ${type} × ${rate}`, [price]);
    if (node.kind === 'datastore' && price.unit === 'hour') {
      this.priceActiveActiveMemory(node, price.usd, price.source, price.memGiB, price.key);
    }
  }

  /**
   * The memory an Active-Active member needs beyond what its instances hold, priced at the
   * instance's price per GiB-hour (hourly price / instance memory). Nothing when the member is
   * not Active-Active or holds enough; unpriced when the data set or the memory size is unknown.
   */
  private priceActiveActiveMemory(
    node: DatastoreNode,
    hourlyUsd: number,
    source: string,
    memGiB?: number,
    key?: string,
  ): void {
    if (node.replication !== 'active-active') return;
    const dataSet = node.memoryGiB ?? this.doc.workload?.dataSetGiB;
    if (dataSet === undefined) {
      this.miss(
        node,
        'memory',
        'no-quantity',
        'Active-Active memory: no memoryGiB or workload.dataSetGiB',
      );
      return;
    }
    let mem = memGiB;
    let memKey = key;
    if (mem === undefined) {
      const site = this.placement(node).region;
      const type = node.instanceType;
      const found =
        site?.provider !== undefined && site.location !== undefined && type !== undefined
          ? (lookupPrice(this.book, site.provider, site.location, managedCategory(node), type) ??
            lookupPrice(this.book, site.provider, site.location, 'compute', type))
          : undefined;
      mem = found?.entry.memGiB;
      memKey = found?.key;
    }
    if (mem === undefined || mem <= 0) {
      this.miss(
        node,
        'memory',
        'no-price',
        `Active-Active memory: the price book gives no memory size for ${node.instanceType ?? 'this node'}`,
      );
      return;
    }
    const n = instancesOf(node);
    const need = activeActiveMemoryNeedGiB(dataSet, n);
    const have = n * mem;
    const short = Math.max(0, need - have);
    const perGiBHour = hourlyUsd / mem;
    this.add(
      node,
      'memory',
      short * perGiBHour * this.hours,
      `Active-Active needs ${num(need)} GiB (${num(dataSet)} GiB data${n >= 2 ? ' × 2 replication' : ''} × 2 Active-Active); ` +
        `${n} × ${num(mem)} GiB = ${num(have)} GiB provisioned; ${num(short)} GiB more × $${usd4(perGiBHour)}/GiB-h × ${this.hours} h`,
      [
        { key: memKey ?? `${node.id}.hourlyUsd`, source },
        { key: 'memory-factor', source: MEMORY_SOURCE },
      ],
    );
  }

  private priceLoadBalancer(node: ModelNode): void {
    const site = this.site(node, 'loadBalancer');
    if (!site) return;
    const items = LOAD_BALANCER[site.provider] ?? { fixed: 'lb' };
    const fixed = this.price(site.provider, site.location, 'load-balancer', items.fixed);
    if (!fixed) {
      this.miss(
        node,
        'loadBalancer',
        'no-price',
        `no load balancer price (${items.fixed}) for ${site.provider} ${site.location}`,
      );
      return;
    }
    this.add(
      node,
      'loadBalancer',
      fixed.usd * this.hours,
      `${items.fixed} $${fixed.usd}/${fixed.unit} × ${this.hours} h`,
      [fixed],
    );
    if (items.processed === undefined) return;
    const processed = this.price(site.provider, site.location, 'load-balancer', items.processed);
    const egress = this.regionalEgressBytes(node);
    if (!processed) {
      this.miss(
        node,
        'loadBalancer',
        'no-price',
        `no price for ${items.processed} in ${site.provider} ${site.location}`,
      );
    } else if (egress === undefined) {
      this.miss(
        node,
        'loadBalancer',
        'no-quantity',
        `${items.processed}: processed data unknown (workload.egressGiBPerMonth not given)`,
      );
    } else {
      // An ALB LCU covers 1 GB processed per hour, so LCU-hours ≥ GB processed per month: the
      // processed-bytes dimension only, a lower bound (connections and rule evaluations unknown).
      const quantity = egress / bytesPerUnit(processed.unit);
      this.add(
        node,
        'loadBalancer',
        quantity * processed.usd,
        `${num(quantity)} ${quantityUnit(processed.unit)} processed (the region's share of egress) × $${processed.usd}/${processed.unit}`,
        [processed],
      );
    }
  }

  /** Bytes of internet egress through a regional router: its region's share, split evenly
   * among the region's routers. */
  private regionalEgressBytes(node: ModelNode): number | undefined {
    const egress = this.doc.workload?.egressGiBPerMonth;
    const region = this.regionId(node);
    if (egress === undefined || region === null) return undefined;
    const routers = [...this.byId.values()].filter(
      (n) => n.kind === 'router' && this.regionId(n) === region,
    ).length;
    return (egress * BYTES_PER_GIB * (this.shares.get(region) ?? 0)) / routers;
  }

  private priceGlobalRouter(node: ModelNode & { kind: 'router' }): void {
    const targets = unique(
      this.variant.edges.filter((e) => e.kind === 'depends' && e.from === node.id).map((e) => e.to),
    )
      .map((id) => this.byId.get(id))
      .filter((n): n is ModelNode => n !== undefined);
    const providers = unique(
      targets.map((t) => (t.kind === 'region' ? t : this.placement(t).region)?.provider ?? '?'),
    );
    const provider = providers[0];
    if (providers.length !== 1 || provider === undefined || provider === '?') {
      this.miss(
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
      const fixed = this.price(provider, 'global', plan.category, plan.fixed);
      if (fixed) {
        this.add(node, 'routing', fixed.usd, `${plan.category} ${plan.fixed} $${fixed.usd}/month`, [
          fixed,
        ]);
      } else {
        this.miss(
          node,
          'routing',
          'no-price',
          `no ${plan.category} ${plan.fixed} price for ${provider}`,
        );
      }
    }
    const check = this.price(provider, 'global', plan.category, plan.check);
    if (check) {
      this.add(
        node,
        'routing',
        targets.length * check.usd,
        `${targets.length} health checks × $${check.usd}/month`,
        [check],
      );
    } else {
      this.miss(node, 'routing', 'no-price', `no health check price for ${provider}`);
    }
    const interval =
      node.healthCheckSeconds ?? (NODE_DEFAULTS.router.healthCheckSeconds?.value as number);
    if (interval <= FAST_HEALTH_CHECK_SECONDS && targets.length > 0) {
      const fast = this.price(provider, 'global', plan.category, plan.fastCheck);
      if (fast) {
        this.add(
          node,
          'routing',
          targets.length * fast.usd,
          `${targets.length} × fast (${interval} s) health-check feature × $${fast.usd}/month`,
          [fast],
        );
      } else {
        this.miss(node, 'routing', 'no-price', `no fast health-check price for ${provider}`);
      }
    }
    this.miss(
      node,
      'routing',
      'no-quantity',
      'DNS queries: their number depends on how long resolvers cache answers, not on requests per second; give the router a monthlyUsd to price it whole',
    );
  }

  private objectStoragePrice(provider: string, location: string): Priced | undefined {
    return this.price(
      provider,
      location,
      'object-storage',
      OBJECT_STORAGE_ITEM[provider] ?? 'standard',
    );
  }

  private priceObjectStore(node: ModelNode & { kind: 'objectStore' }): void {
    const site = this.site(node, 'storage');
    if (!site) return;
    if (node.storageGiB === undefined) {
      this.miss(node, 'storage', 'no-quantity', 'no storageGiB given');
      return;
    }
    const price = this.objectStoragePrice(site.provider, site.location);
    if (!price) {
      this.miss(
        node,
        'storage',
        'no-price',
        `no object storage price for ${site.provider} ${site.location}`,
      );
      return;
    }
    const quantity = (node.storageGiB * BYTES_PER_GIB) / bytesPerUnit(price.unit);
    this.add(
      node,
      'storage',
      quantity * price.usd,
      `${num(quantity)} ${quantityUnit(price.unit)} × $${price.usd}/${price.unit}`,
      [price],
    );
  }

  /**
   * Backups are full copies of the protected data set (`memoryGiB` of the datastore it backs up,
   * else `workload.dataSetGiB`), kept retentionDays × 86,400 / intervalSeconds times (rounded
   * up), stored at the provider's managed-cache backup price when the datastore is a managed
   * type, else at its object storage price. Example: 50 GiB daily for 7 days = 350 GiB =
   * 375.8 GB × $0.023 = $8.64 per month on S3 Standard.
   */
  private priceBackup(node: ModelNode & { kind: 'backup' }): void {
    const site = this.site(node, 'backup');
    if (!site) return;
    const protectedStores = this.variant.edges
      .filter((e) => e.kind === 'backs-up' && e.from === node.id)
      .map((e) => this.byId.get(e.to))
      .filter((n): n is DatastoreNode => n?.kind === 'datastore');
    const interval =
      node.intervalSeconds ?? (NODE_DEFAULTS.backup.intervalSeconds?.value as number);
    const retention = node.retentionDays ?? (NODE_DEFAULTS.backup.retentionDays?.value as number);
    const copies = Math.ceil((retention * 86400) / interval);
    const dataSets =
      protectedStores.length > 0
        ? protectedStores.map((d) => d.memoryGiB ?? this.doc.workload?.dataSetGiB)
        : [this.doc.workload?.dataSetGiB];
    if (dataSets.some((d) => d === undefined)) {
      this.miss(
        node,
        'backup',
        'no-quantity',
        'backup size unknown: no memoryGiB or workload.dataSetGiB',
      );
      return;
    }
    const gib = sum(dataSets as number[]) * copies;
    const isManaged = protectedStores.some((d) => {
      const type = d.instanceType;
      return (
        type !== undefined &&
        lookupPrice(this.book, site.provider, site.location, managedCategory(d), type) !== undefined
      );
    });
    const price = isManaged
      ? this.price(site.provider, site.location, 'cache-backup', 'storage')
      : this.objectStoragePrice(site.provider, site.location);
    if (!price) {
      this.miss(
        node,
        'backup',
        'no-price',
        `no ${isManaged ? 'managed cache backup' : 'object storage'} price for ${site.provider} ${site.location}`,
      );
      return;
    }
    const quantity = (gib * BYTES_PER_GIB) / bytesPerUnit(price.unit);
    this.add(
      node,
      'backup',
      quantity * price.usd,
      `${copies} copies × ${num(gib / copies)} GiB = ${num(quantity)} ${quantityUnit(price.unit)} × $${price.usd}/${price.unit}`,
      [price],
    );
  }

  // ---- traffic ----

  private writeBytesPerMonth(): number | undefined {
    const w = this.doc.workload;
    if (w?.writesPerSecond === undefined || w.avgWriteBytes === undefined) return undefined;
    return replicationGBPerMonth(w.writesPerSecond, w.avgWriteBytes, this.hours) * BYTES_PER_GB;
  }

  /**
   * Replication inside one datastore tier placed in a region: instance 0 is the primary in the
   * region's first zone, instance i sits in zone i mod z (FORMAT.md), and every replica outside
   * the primary's zone receives every write. A tier placed in one zone, or in a region without
   * zones, has no cross-zone traffic.
   */
  private priceCrossZoneReplication(node: DatastoreNode): void {
    const n = instancesOf(node);
    if (n < 2 || (node.replication ?? 'none') === 'none') return;
    const place = this.placement(node);
    if (!place.region || place.zone !== undefined) return;
    const zones = this.zonesOf.get(place.region.id)?.length ?? 0;
    if (zones < 2) return;
    let remote = 0;
    for (let i = 1; i < n; i += 1) if (i % zones !== 0) remote += 1;
    if (remote === 0) return;
    this.priceTransfer(node, 'crossZoneTransfer', {
      item: 'inter-az',
      peers: remote,
      share: 1,
      what: 'to replicas in other zones',
    });
  }

  /**
   * Replication traffic sent by `sender`: the write stream × `share` × `peers` receivers, at
   * the sender's transfer price `item` (the price for the receiver's location `to` first).
   */
  private priceTransfer(
    sender: ModelNode,
    category: CostCategory,
    stream: { item: string; to?: string; peers: number; share: number; what: string },
  ): void {
    const { item, to, peers, share, what } = stream;
    const bytes = this.writeBytesPerMonth();
    if (bytes === undefined) {
      this.miss(
        sender,
        category,
        'no-quantity',
        'replication volume unknown: workload.writesPerSecond or avgWriteBytes not given',
      );
      return;
    }
    const site = this.site(sender, category);
    if (!site) return;
    const price =
      (to === undefined
        ? undefined
        : this.price(site.provider, site.location, 'transfer', `${item}:${to}`)) ??
      this.price(site.provider, site.location, 'transfer', item);
    if (!price) {
      this.miss(
        sender,
        category,
        'no-price',
        `no ${item} transfer price for ${site.provider} ${site.location}${to === undefined ? '' : ` → ${to}`}`,
      );
      return;
    }
    const quantity = (bytes * share * peers) / bytesPerUnit(price.unit);
    const directions = price.unit === 'GB-each-direction' ? 2 : 1;
    const w = this.doc.workload;
    this.add(
      sender,
      category,
      quantity * price.usd * directions,
      `${num(w?.writesPerSecond ?? 0)} writes/s${share === 1 ? '' : ` × ${num(share)} share`} × ${num(w?.avgWriteBytes ?? 0)} B × ${num(this.hours * SECONDS_PER_HOUR)} s × ${peers} ${what} = ` +
        `${num(quantity)} ${quantityUnit(price.unit)} × $${price.usd}/${price.unit}${directions === 2 ? ' × 2 directions' : ''}`,
      [price],
    );
  }

  /**
   * One `replicates` edge between datastores in two regions: Active-Active members each send
   * their region's share of the writes to the other; otherwise the primary (role `primary`,
   * else the edge's `from`) sends every write to the other member. Each direction is priced at
   * the sender's inter-region price (a pair-specific price first).
   */
  private priceReplicationEdge(fromId: string, toId: string): void {
    const a = this.byId.get(fromId);
    const b = this.byId.get(toId);
    if (a?.kind !== 'datastore' || b?.kind !== 'datastore') return;
    const ra = this.placement(a).region;
    const rb = this.placement(b).region;
    if (!ra || !rb || ra.id === rb.id) {
      this.priceSameRegionPair(a, b);
      return;
    }
    if (ra.provider !== rb.provider) {
      this.miss(
        a,
        'crossRegionTransfer',
        'cross-provider',
        `replication ${a.id} → ${b.id} crosses providers (${ra.provider ?? '?'} → ${rb.provider ?? '?'}): internet egress rates apply; give catalog.prices`,
      );
      return;
    }
    const isActiveActive = a.replication === 'active-active' && b.replication === 'active-active';
    if (isActiveActive) {
      for (const [s, r, region, peerRegion] of [
        [a, b, ra, rb],
        [b, a, rb, ra],
      ] as const) {
        const share = this.shares.get(region.id) ?? 0;
        if (share === 0) continue;
        this.priceTransfer(s, 'crossRegionTransfer', {
          item: 'inter-region',
          ...(peerRegion.location === undefined ? {} : { to: peerRegion.location }),
          peers: 1,
          share,
          what: `to ${r.id}`,
        });
      }
      return;
    }
    const [sender, receiver, peerRegion] =
      b.role === 'primary' && a.role !== 'primary' ? [b, a, ra] : [a, b, rb];
    this.priceTransfer(sender, 'crossRegionTransfer', {
      item: 'inter-region',
      ...(peerRegion.location === undefined ? {} : { to: peerRegion.location }),
      peers: 1,
      share: 1,
      what: `to ${receiver.id}`,
    });
  }

  /** Two members of one region joined by `replicates`: cross-zone when placed in two zones. */
  private priceSameRegionPair(a: DatastoreNode, b: DatastoreNode): void {
    const za = this.placement(a).zone;
    const zb = this.placement(b).zone;
    if (za === undefined || zb === undefined || za === zb) return;
    const [sender, receiver] = b.role === 'primary' && a.role !== 'primary' ? [b, a] : [a, b];
    this.priceTransfer(sender, 'crossZoneTransfer', {
      item: 'inter-az',
      peers: 1,
      share: 1,
      what: `to ${receiver.id}`,
    });
  }

  /** Internet egress: `workload.egressGiBPerMonth` × each region's traffic share, tiered. */
  private priceEgress(): void {
    const egress = this.doc.workload?.egressGiBPerMonth;
    if (egress === undefined || egress === 0) return;
    for (const [regionId, share] of this.shares) {
      if (share === 0) continue;
      const region = this.byId.get(regionId) as RegionNode;
      const site = this.site(region, 'egress');
      if (!site) continue;
      const first = lookupPrice(
        this.book,
        site.provider,
        site.location,
        'transfer',
        'internet-egress',
      );
      if (!first) {
        this.miss(
          region,
          'egress',
          'no-price',
          `no internet egress price for ${site.provider} ${site.location}`,
        );
        continue;
      }
      const tiers = priceTiers(this.book, first.key).map((t) => this.discounted(t, site.provider));
      const unit = tiers[0]?.unit ?? 'GB';
      let remaining = (egress * share * BYTES_PER_GIB) / bytesPerUnit(unit);
      let start = 0;
      let total = 0;
      const parts: string[] = [];
      for (const tier of tiers) {
        const size = tier.upTo === undefined ? remaining : Math.min(remaining, tier.upTo - start);
        if (size > 0) {
          total += size * tier.usd;
          parts.push(`${num(size)} ${quantityUnit(unit)} × $${tier.usd}`);
        }
        remaining -= Math.max(size, 0);
        if (tier.upTo !== undefined) start = tier.upTo;
        if (remaining <= 0) break;
      }
      this.add(
        region,
        'egress',
        total,
        `internet egress ${num(share)} of ${num(egress)} GiB: ${parts.join(' + ')}`,
        tiers,
      );
      if (remaining > 1e-9) {
        this.miss(
          region,
          'egress',
          'no-price',
          `${num(remaining)} ${quantityUnit(unit)} of egress beyond the last tier in the price book (${num(start)} ${quantityUnit(unit)})`,
        );
      }
    }
  }
}

function naturalCategory(node: ModelNode): CostCategory {
  switch (node.kind) {
    case 'service':
    case 'queue':
      return 'compute';
    case 'datastore':
      return 'datastore';
    case 'router':
      return node.parent === undefined ? 'routing' : 'loadBalancer';
    case 'objectStore':
      return 'storage';
    case 'backup':
      return 'backup';
    default:
      return 'other';
  }
}

function managedCategory(node: DatastoreNode): string {
  const engine = (node.engine ?? 'redis').toLowerCase();
  return `managed-${engine}`;
}

function instanceTypeOf(node: ModelNode): string | undefined {
  return node.kind === 'service' || node.kind === 'datastore' || node.kind === 'queue'
    ? node.instanceType
    : undefined;
}

function instancesOf(node: ModelNode): number {
  return node.kind === 'service' || node.kind === 'datastore' || node.kind === 'queue'
    ? (node.instances ?? 1)
    : 1;
}

function bytesPerUnit(unit: PriceUnit): number {
  return unit.startsWith('GiB') ? BYTES_PER_GIB : BYTES_PER_GB;
}

function quantityUnit(unit: PriceUnit): string {
  return unit.startsWith('GiB') ? 'GiB' : unit === 'LCU-hour' ? 'LCU-hours (1 GB each)' : 'GB';
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function totalsBy<K extends string>(
  lines: readonly CostLine[],
  key: (l: CostLine) => K,
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const line of lines) {
    const k = key(line);
    out[k] = (out[k] ?? 0) + line.monthlyUsd;
  }
  return out;
}

/** A number for a detail text: up to 3 decimals, thousands separated (locale-independent). */
function num(n: number): string {
  const [int = '0', frac] = (Math.round(n * 1000) / 1000).toString().split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
}

function usd(n: number): string {
  return num(Math.round(n * 100) / 100);
}

function usd4(n: number): string {
  return (Math.round(n * 10000) / 10000).toString();
}
