/**
 * One-at-a-time sensitivity of a variant (tornado charts) to each of its parameters, in two
 * figures:
 *
 * - downtime per year (minutes): every MTBF and MTTR of its nodes and of the region links its
 *   structure needs is scaled by 0.5 and 1.5 (±50 %); a node or link known only by its
 *   availability has its unavailability multiplied and divided by 1.5, clamped to [0, 1];
 * - yearly cost (USD): 12 × the monthly cost + the expected downtime cost (downtime hours per
 *   year × `targets.downtimeCostPerHour`), the `yearlyTotal` of `estimateCost`. Its bars are the
 *   failure parameters above (they move the expected downtime cost; none without a cost per
 *   hour) and every price the variant's cost uses, scaled by 0.5 and 1.5: each price book entry
 *   a cost line reads (after the document's `catalog.prices`; its discount still applies) and
 *   each per-node `hourlyUsd`, `monthlyUsd` and `licenseMonthlyUsd`. A price does not move the
 *   availability, so it has no downtime bar.
 *
 * Each end of a failure bar is a full evaluation of the downtime with that one parameter changed,
 * the others at their values (or documented defaults, shared/model/defaults.ts); each end of a
 * price bar is a full `estimateCost`. See Saltelli et al., Global Sensitivity Analysis: The Primer
 * (2008), §1.2.1, for the one-at-a-time design and its limits: it shows each parameter's own
 * swing, not interactions between them.
 */
import { withDocumentPrices, type PriceBook, type PriceUnit } from '../../catalog/price-book';
import { linkFailureFigure, nodeFailureFigure, type FailureFigure } from '../../model/nodes';
import type { ModelNode, NinesDocument, RegionLink } from '../../model/types';
import { estimateCost } from '../cost';
import { downtimeMinutesPerYear, variantStructure } from '../availability';

/** ±50 %: the factors MTBF, MTTR and prices are scaled by. */
export const SENSITIVITY_FACTORS = { low: 0.5, high: 1.5 } as const;

/** The factor an unavailability is multiplied and divided by. */
export const UNAVAILABILITY_FACTOR = 1.5;

/**
 * What a bar varies: a node, the link between regions `a` and `b` (ids in sorted order, as the
 * engine's event `link:a|b`), or a price book entry by its key
 * (`provider:location:category:item`, a tier ending `:tierN`) and the unit it is quoted in.
 */
export type SensitivitySubject =
  | { readonly kind: 'node'; readonly nodeId: string }
  | { readonly kind: 'link'; readonly a: string; readonly b: string }
  | { readonly kind: 'price'; readonly key: string; readonly unit: PriceUnit };

/** A failure parameter of a node or a link (hours, or an availability in [0, 1]). */
export type FailureParameter = 'mtbfHours' | 'mttrHours' | 'availability';

/**
 * A price parameter: `usd` of a price book entry (subject `price`), or a node's own
 * `hourlyUsd` (USD per instance-hour), `monthlyUsd` or `licenseMonthlyUsd` (USD per month).
 */
export type PriceParameter = 'usd' | 'hourlyUsd' | 'monthlyUsd' | 'licenseMonthlyUsd';

/** One parameter at both ends of its range. */
export interface SensitivityParameter<P extends FailureParameter | PriceParameter> {
  readonly subject: SensitivitySubject;
  readonly parameter: P;
  /** The parameter's value in the evaluated design (hours, an availability, or USD per unit). */
  readonly baseValue: number;
  /** MTBF, MTTR or price × 0.5; for an availability, 1 − (1 − A) / 1.5. */
  readonly lowValue: number;
  /** MTBF, MTTR or price × 1.5; for an availability, 1 − min(1, (1 − A) × 1.5). */
  readonly highValue: number;
}

/** One bar of the downtime tornado. */
export interface SensitivityBar extends SensitivityParameter<FailureParameter> {
  /** Request-weighted downtime with the parameter at `lowValue`, minutes per year. */
  readonly downtimeAtLow: number;
  /** Request-weighted downtime with the parameter at `highValue`, minutes per year. */
  readonly downtimeAtHigh: number;
  /** |downtimeAtHigh − downtimeAtLow|, minutes per year. */
  readonly swing: number;
}

/** One bar of the cost tornado. */
export interface CostSensitivityBar extends SensitivityParameter<
  FailureParameter | PriceParameter
> {
  /** Yearly cost (12 × monthly + expected downtime cost) at `lowValue`, USD per year. */
  readonly yearlyCostAtLow: number;
  /** Yearly cost at `highValue`, USD per year. */
  readonly yearlyCostAtHigh: number;
  /** |yearlyCostAtHigh − yearlyCostAtLow|, USD per year. */
  readonly swing: number;
}

/** The tornados of one variant, each widest swing first. */
export interface Sensitivity {
  readonly variantId: string;
  /** Request-weighted downtime of the design as it is, minutes per year. */
  readonly baseDowntime: number;
  /** The downtime tornado: failure parameters only. */
  readonly bars: readonly SensitivityBar[];
  /**
   * Yearly cost of the design as it is, USD per year (`estimateCost(…).yearlyTotal`: unpriced
   * items are left out); null without a price book.
   */
  readonly baseYearlyCost: number | null;
  /** The cost tornado: failure and price parameters; empty without a price book. */
  readonly costBars: readonly CostSensitivityBar[];
}

/** Inputs of {@link sensitivity}. */
export interface SensitivityOptions {
  /** The price book; without one there is no cost tornado. */
  readonly priceBook?: PriceBook;
  /**
   * Called after each evaluation with how many are done and how many there are in all (known
   * before the first: two per failure parameter and two per price parameter).
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A stable id of a bar's parameter, e.g. `node:app:mtbfHours`, `link:r1|r2:mttrHours`,
 * `price:aws:us-east-1:compute:m7i.large:usd`. */
export function sensitivityKey(
  bar: SensitivityParameter<FailureParameter | PriceParameter>,
): string {
  const { subject } = bar;
  const what =
    subject.kind === 'node'
      ? `node:${subject.nodeId}`
      : subject.kind === 'link'
        ? `link:${subject.a}|${subject.b}`
        : `price:${subject.key}`;
  return `${what}:${bar.parameter}`;
}

const UNIT_WORDS: Readonly<Record<PriceUnit, string>> = {
  hour: 'hourly price',
  month: 'monthly price',
  GB: 'price per GB',
  GiB: 'price per GiB',
  'GB-each-direction': 'price per GB',
  'GB-month': 'price per GB-month',
  'GiB-month': 'price per GiB-month',
  'LCU-hour': 'price per LCU-hour',
  'CU-hour': 'price per CU-hour',
  'rule-hour': 'price per rule-hour',
  'million-queries': 'price per million queries',
};

/**
 * What a price book entry prices, for a person: `m7i.large us-east-1 hourly price`,
 * `inter-region → eu-west-1 us-east-1 price per GB`, `aws hosted-zone monthly price` (a global
 * price names its provider), `internet-egress us-east-1 price per GB (tier 2)`.
 */
export function priceLabel(key: string, unit: PriceUnit): string {
  const [provider = '', location = '', , ...rest] = key.split(':');
  const tier = /^tier(\d+)$/.exec(rest[rest.length - 1] ?? '');
  const item = (tier ? rest.slice(0, -1) : rest).join(' → ');
  const where = location === 'global' ? provider : location;
  return `${item} ${where} ${UNIT_WORDS[unit]}${tier ? ` (tier ${tier[1]})` : ''}`;
}

/** `doc` with one node of one variant replaced by `node`. */
function withNode(doc: NinesDocument, variantId: string, node: ModelNode): NinesDocument {
  return {
    ...doc,
    variants: doc.variants.map((v) =>
      v.id === variantId ? { ...v, nodes: v.nodes.map((n) => (n.id === node.id ? node : n)) } : v,
    ),
  };
}

/** `doc` with the link between `a` and `b` of one variant replaced (or added) by `link`. */
function withLink(doc: NinesDocument, variantId: string, link: RegionLink): NinesDocument {
  const same = (l: RegionLink) =>
    (l.a === link.a && l.b === link.b) || (l.a === link.b && l.b === link.a);
  return {
    ...doc,
    variants: doc.variants.map((v) => {
      if (v.id !== variantId) return v;
      const links = v.links ?? [];
      return {
        ...v,
        links: links.some(same) ? links.map((l) => (same(l) ? link : l)) : [...links, link],
      };
    }),
  };
}

/** The ±50 % ends of a failure figure's parameters; none for a perfect availability-only one. */
function failureVariations(
  figure: FailureFigure,
): { parameter: FailureParameter; base: number; low: number; high: number }[] {
  const { mtbfHours, mttrHours } = figure;
  if (mtbfHours !== undefined && mttrHours !== undefined) {
    return (
      [
        ['mtbfHours', mtbfHours],
        ['mttrHours', mttrHours],
      ] as const
    ).map(([parameter, base]) => ({
      parameter,
      base,
      low: base * SENSITIVITY_FACTORS.low,
      high: base * SENSITIVITY_FACTORS.high,
    }));
  }
  if (figure.availability >= 1) return [];
  const q = 1 - figure.availability;
  return [
    {
      parameter: 'availability',
      base: figure.availability,
      low: 1 - q / UNAVAILABILITY_FACTOR,
      high: 1 - Math.min(1, q * UNAVAILABILITY_FACTOR),
    },
  ];
}

/** The figure with one parameter set: the other of MTBF / MTTR kept at its effective value. */
function withFigure(
  figure: FailureFigure,
  parameter: FailureParameter,
  value: number,
): { mtbfHours?: number; mttrHours?: number; availability?: number } {
  if (parameter === 'availability') return { availability: value };
  return {
    mtbfHours: parameter === 'mtbfHours' ? value : figure.mtbfHours,
    mttrHours: parameter === 'mttrHours' ? value : figure.mttrHours,
  };
}

/** One parameter to vary and the document at each end of its range. */
interface Variation<P extends FailureParameter | PriceParameter> {
  readonly parameter: SensitivityParameter<P>;
  readonly at: (value: number) => NinesDocument;
}

/** Node fields that are prices of the node itself, as the cost engine names them in `priceKeys`. */
const NODE_PRICE_FIELDS = ['monthlyUsd', 'hourlyUsd', 'licenseMonthlyUsd'] as const;

/** The widest swing first, ties in the order the parameters were listed. */
function bySwing<T extends { readonly swing: number }>(bars: T[]): T[] {
  const order = new Map(bars.map((b, i) => [b, i]));
  return bars.sort((a, b) => b.swing - a.swing || (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/**
 * The sensitivity of `variantId`'s yearly downtime and yearly cost to each of its parameters
 * (see the module comment), each list widest swing first (ties in file order: nodes, then
 * links, then prices in the order the cost breakdown first uses them); null when the variant
 * cannot be evaluated. A parameter that cannot move a figure (an availability of exactly 1, a
 * link no dependency needs, a price of 0, any failure parameter of the cost without
 * `targets.downtimeCostPerHour`) has no bar in that tornado. Pure; `doc` is not changed.
 *
 * Examples: a lone service with MTBF 1,000 h and MTTR 1 h is down 525.1 min a year; MTBF at 500 h
 * and 1,500 h gives 1,049.1 and 350.2 min (swing 698.9), MTTR at 0.5 h and 1.5 h gives 262.7 and
 * 787.2 min (swing 524.6), so MTBF comes first. With 2 × m7i.large in us-east-1 at $0.1008/h the
 * compute line is 2 × 0.1008 × 730 = $147.168 a month, so that price's cost bar spans
 * 12 × 147.168 × (1 ± 0.5) around the yearly cost, a swing of $1,766.02 a year.
 */
export function sensitivity(
  doc: NinesDocument,
  variantId: string,
  options: SensitivityOptions = {},
): Sensitivity | null {
  const variant = doc.variants.find((v) => v.id === variantId);
  const baseDowntime = downtimeMinutesPerYear(doc, variantId);
  if (!variant || baseDowntime === null) return null;

  const failures: Variation<FailureParameter>[] = [];
  for (const node of variant.nodes) {
    const figure = nodeFailureFigure(node);
    for (const v of failureVariations(figure)) {
      failures.push({
        parameter: {
          subject: { kind: 'node', nodeId: node.id },
          parameter: v.parameter,
          baseValue: v.base,
          lowValue: v.low,
          highValue: v.high,
        },
        at: (value) =>
          withNode(doc, variantId, {
            ...node,
            ...withFigure(figure, v.parameter, value),
          } as ModelNode),
      });
    }
  }
  // Only the links a dependency needs are events of the structure: any other cannot move it.
  const linkEvents = (variantStructure(variant).structure?.events ?? []).filter(
    (e) => e.kind === 'link',
  );
  for (const event of linkEvents) {
    const [a = '', b = ''] = event.name.slice('link:'.length).split('|');
    const spec = (variant.links ?? []).find(
      (l) => (l.a === a && l.b === b) || (l.a === b && l.b === a),
    );
    const figure = linkFailureFigure(spec);
    for (const v of failureVariations(figure)) {
      failures.push({
        parameter: {
          subject: { kind: 'link', a, b },
          parameter: v.parameter,
          baseValue: v.base,
          lowValue: v.low,
          highValue: v.high,
        },
        at: (value) =>
          withLink(doc, variantId, {
            ...(spec ?? { a, b }),
            ...withFigure(figure, v.parameter, value),
          }),
      });
    }
  }

  const { priceBook } = options;
  const prices = priceBook ? priceVariations(doc, variantId, priceBook, baseDowntime) : null;
  const total = 2 * failures.length + 2 * (prices?.variations.length ?? 0);
  let done = 0;
  const step = () => {
    done += 1;
    options.onProgress?.(done, total);
  };

  const bars: SensitivityBar[] = [];
  const costBars: CostSensitivityBar[] = [];
  const perHour = doc.targets?.downtimeCostPerHour ?? 0;
  for (const { parameter, at } of failures) {
    const low = downtimeMinutesPerYear(at(parameter.lowValue), variantId);
    step();
    const high = downtimeMinutesPerYear(at(parameter.highValue), variantId);
    step();
    if (low === null || high === null) continue;
    const swing = Math.abs(high - low);
    if (swing > 0) bars.push({ ...parameter, downtimeAtLow: low, downtimeAtHigh: high, swing });
    if (prices && perHour > 0) {
      // A failure parameter moves only the expected downtime cost: hours × cost per hour.
      const yearly = (minutes: number) => prices.monthlyTimes12 + (minutes / 60) * perHour;
      const costSwing = Math.abs(yearly(high) - yearly(low));
      if (costSwing > 0) {
        costBars.push({
          ...parameter,
          yearlyCostAtLow: yearly(low),
          yearlyCostAtHigh: yearly(high),
          swing: costSwing,
        });
      }
    }
  }
  for (const { parameter, at } of prices?.variations ?? []) {
    const cost = (value: number) => {
      const changed = at(value);
      return estimateCost(changed.doc, variantId, {
        priceBook: changed.book,
        downtimeMinutesPerYear: baseDowntime,
      }).yearlyTotal;
    };
    const low = cost(parameter.lowValue);
    step();
    const high = cost(parameter.highValue);
    step();
    const swing = Math.abs(high - low);
    if (swing > 0)
      costBars.push({ ...parameter, yearlyCostAtLow: low, yearlyCostAtHigh: high, swing });
  }
  return {
    variantId,
    baseDowntime,
    bars: bySwing(bars),
    baseYearlyCost: prices?.baseYearlyCost ?? null,
    costBars: bySwing(costBars),
  };
}

/**
 * The price parameters the variant's cost uses, each with the document and price book at a
 * given value: a book entry is scaled in the book with the document's `catalog.prices` already
 * applied (so that an overridden price varies from its override), a node's own price in the node.
 */
function priceVariations(
  doc: NinesDocument,
  variantId: string,
  priceBook: PriceBook,
  baseDowntime: number,
): {
  baseYearlyCost: number;
  monthlyTimes12: number;
  variations: {
    parameter: SensitivityParameter<PriceParameter>;
    at: (value: number) => { doc: NinesDocument; book: PriceBook };
  }[];
} {
  const base = estimateCost(doc, variantId, { priceBook, downtimeMinutesPerYear: baseDowntime });
  const book = withDocumentPrices(priceBook, doc.catalog?.prices);
  // The document's prices are in `book`: applying them again would undo the scaling.
  const { catalog, ...rest } = doc;
  const { prices: _prices, ...catalogRest } = catalog ?? {};
  const bookDoc: NinesDocument = catalog ? { ...rest, catalog: catalogRest } : rest;
  const nodes = new Map(
    (doc.variants.find((v) => v.id === variantId)?.nodes ?? []).map((n) => [n.id, n]),
  );
  const scale = (usd: number) => ({
    baseValue: usd,
    lowValue: usd * SENSITIVITY_FACTORS.low,
    highValue: usd * SENSITIVITY_FACTORS.high,
  });
  const variations: ReturnType<typeof priceVariations>['variations'] = [];
  const seen = new Set<string>();
  for (const key of base.breakdown.flatMap((line) => line.priceKeys)) {
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = book.entries[key];
    if (entry) {
      variations.push({
        parameter: {
          subject: { kind: 'price', key, unit: entry.unit },
          parameter: 'usd',
          ...scale(entry.usd),
        },
        at: (usd) => ({
          doc: bookDoc,
          book: { ...book, entries: { ...book.entries, [key]: { ...entry, usd } } },
        }),
      });
      continue;
    }
    const field = NODE_PRICE_FIELDS.find((f) => key.endsWith(`.${f}`));
    const node = field && nodes.get(key.slice(0, -field.length - 1));
    const value =
      field && node ? (node as Partial<Record<PriceParameter, number>>)[field] : undefined;
    if (!field || !node || value === undefined) continue;
    variations.push({
      parameter: { subject: { kind: 'node', nodeId: node.id }, parameter: field, ...scale(value) },
      at: (usd) => ({ doc: withNode(doc, variantId, { ...node, [field]: usd }), book: priceBook }),
    });
  }
  return {
    baseYearlyCost: base.yearlyTotal,
    monthlyTimes12: 12 * base.monthly,
    variations,
  };
}
