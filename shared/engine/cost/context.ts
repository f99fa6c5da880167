/**
 * The pricing services every cost line uses, shared by the concept files (compute, routing,
 * storage, transfer): where a node is placed, its region, a book price with the document's
 * discount, adding a line and reporting what cannot be priced. `estimate.ts` creates one
 * `CostContext` per estimate; the door does not export it.
 */
import {
  lookupPrice,
  type FoundPrice,
  type PriceBook,
  type PriceUnit,
} from '../../catalog/price-book';
import { regionTrafficShares } from '../../model/traffic';
import type {
  DatastoreNode,
  ModelNode,
  NinesDocument,
  RegionNode,
  Variant,
} from '../../model/types';
import { BYTES_PER_GB, BYTES_PER_GIB } from './provider-rates';
import type { CostCategory, CostLine, UnpricedCode, UnpricedItem } from './types';

export interface Placement {
  readonly region: RegionNode | undefined;
  readonly zone: string | undefined;
}

/** A price with the document's discount for its provider applied. */
export interface Priced {
  readonly usd: number;
  readonly unit: PriceUnit;
  readonly key: string;
  readonly source: string;
  readonly upTo?: number;
  readonly memGiB?: number;
}

/**
 * One estimate in progress: the lines and the misses found so far, the variant's nodes by id,
 * the zones of each region, each region's traffic share (standby regions have none) and the
 * hours in a month; with the services above. The concept files take it first.
 */
export class CostContext {
  readonly lines: CostLine[] = [];
  readonly unpriced: UnpricedItem[] = [];
  readonly standbyRegions: ReadonlySet<string>;
  readonly byId = new Map<string, ModelNode>();
  readonly zonesOf = new Map<string, string[]>();
  readonly shares: Map<string, number>;
  readonly hours: number;

  constructor(
    readonly doc: NinesDocument,
    readonly variant: Variant,
    readonly book: PriceBook,
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

  // ---- placement and prices ----

  placement(node: ModelNode): Placement {
    const parent = node.parent === undefined ? undefined : this.byId.get(node.parent);
    if (parent?.kind === 'region') return { region: parent, zone: undefined };
    if (parent?.kind === 'zone') {
      const region = parent.parent === undefined ? undefined : this.byId.get(parent.parent);
      return { region: region?.kind === 'region' ? region : undefined, zone: parent.id };
    }
    return { region: undefined, zone: undefined };
  }

  regionId(node: ModelNode): string | null {
    if (node.kind === 'region') return node.id;
    return this.placement(node).region?.id ?? null;
  }

  discounted(found: FoundPrice, provider: string): Priced {
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

  price(provider: string, location: string, category: string, item: string): Priced | undefined {
    const found = lookupPrice(this.book, provider, location, category, item);
    return found ? this.discounted(found, provider) : undefined;
  }

  add(
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

  /**
   * Lists what could not be priced, once per node and reason: a node asked for the same missing
   * figure by several streams (an Active-Active member replicating to two peers) or categories
   * is one item, the first category that missed it.
   */
  miss(node: ModelNode, category: CostCategory, code: UnpricedCode, reason: string): void {
    if (this.unpriced.some((u) => u.nodeId === node.id && u.code === code && u.reason === reason)) {
      return;
    }
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
  site(
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
}

export function naturalCategory(node: ModelNode): CostCategory {
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

export function managedCategory(node: DatastoreNode): string {
  const engine = (node.engine ?? 'redis').toLowerCase();
  return `managed-${engine}`;
}

export function instanceTypeOf(node: ModelNode): string | undefined {
  return node.kind === 'service' || node.kind === 'datastore' || node.kind === 'queue'
    ? node.instanceType
    : undefined;
}

export function instancesOf(node: ModelNode): number {
  return node.kind === 'service' || node.kind === 'datastore' || node.kind === 'queue'
    ? (node.instances ?? 1)
    : 1;
}

export function bytesPerUnit(unit: PriceUnit): number {
  return unit.startsWith('GiB') ? BYTES_PER_GIB : BYTES_PER_GB;
}

export function quantityUnit(unit: PriceUnit): string {
  return unit.startsWith('GiB') ? 'GiB' : unit === 'LCU-hour' ? 'LCU-hours (1 GB each)' : 'GB';
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** A quantity run through a price's tiers: the cost, each tier's part, and what is left. */
export interface TieredCost {
  readonly total: number;
  /** `quantity × $price` of each tier used, for the line's detail. */
  readonly parts: readonly string[];
  /** Quantity beyond the last tier the book has (0 when every unit is priced). */
  readonly remaining: number;
  /** Where the last tier the book has ends (its `upTo`), 0 when none has a bound. */
  readonly lastBound: number;
}

/**
 * Prices `quantity` (in the tiers' unit) through `tiers`, first tier first: each tier takes
 * what falls between the previous tier's `upTo` and its own; a tier without `upTo` takes the rest.
 * `unitLabel` names the quantity in the parts, e.g. `GB` or `million queries`.
 */
export function throughTiers(
  tiers: readonly Priced[],
  quantity: number,
  label: (amount: number) => string,
): TieredCost {
  let remaining = quantity;
  let start = 0;
  let total = 0;
  const parts: string[] = [];
  for (const tier of tiers) {
    const size = tier.upTo === undefined ? remaining : Math.min(remaining, tier.upTo - start);
    if (size > 0) {
      total += size * tier.usd;
      parts.push(`${label(size)} × $${tier.usd}`);
    }
    remaining -= Math.max(size, 0);
    if (tier.upTo !== undefined) start = tier.upTo;
    if (remaining <= 0) break;
  }
  return { total, parts, remaining: Math.max(remaining, 0), lastBound: start };
}
