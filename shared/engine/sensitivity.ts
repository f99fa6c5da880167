/**
 * One-at-a-time sensitivity of the yearly downtime of a variant to each failure parameter of its
 * nodes (a tornado chart): every MTBF and MTTR is scaled by 0.5 and 1.5 (±50 %); a node known only
 * by its availability has its unavailability multiplied and divided by 1.5, clamped to [0, 1].
 * Each end of a bar is a full `evaluate` of the variant with that one parameter changed, the
 * others at their values (or documented defaults). See Saltelli et al., Global Sensitivity
 * Analysis: The Primer (2008), §1.2.1, for the one-at-a-time design and its limits: it shows
 * each parameter's own swing, not interactions between them.
 */
import { nodeFailureFigure } from '../model/nodes';
import type { ModelNode, NinesDocument } from '../model/types';
import { evaluate } from './evaluate';

/** ±50 %: the factors MTBF and MTTR are scaled by. */
export const SENSITIVITY_FACTORS = { low: 0.5, high: 1.5 } as const;

/** The factor an unavailability is multiplied and divided by. */
export const UNAVAILABILITY_FACTOR = 1.5;

/** One bar of the tornado: one parameter of one node at both ends of its range. */
export interface SensitivityBar {
  readonly nodeId: string;
  readonly parameter: 'mtbfHours' | 'mttrHours' | 'availability';
  /** The parameter's value in the evaluated design (hours, or an availability in [0, 1]). */
  readonly baseValue: number;
  /** MTBF or MTTR × 0.5; for an availability, 1 − (1 − A) / 1.5. */
  readonly lowValue: number;
  /** MTBF or MTTR × 1.5; for an availability, 1 − min(1, (1 − A) × 1.5). */
  readonly highValue: number;
  /** Request-weighted downtime with the parameter at `lowValue`, minutes per year. */
  readonly downtimeAtLow: number;
  /** Request-weighted downtime with the parameter at `highValue`, minutes per year. */
  readonly downtimeAtHigh: number;
  /** |downtimeAtHigh − downtimeAtLow|, minutes per year. */
  readonly swing: number;
}

/** The tornado of one variant: its downtime and one bar per parameter, widest swing first. */
export interface Sensitivity {
  readonly variantId: string;
  /** Request-weighted downtime of the design as it is, minutes per year. */
  readonly baseDowntime: number;
  readonly bars: readonly SensitivityBar[];
}

function downtimeOf(doc: NinesDocument, variantId: string): number | null {
  const figures = evaluate(doc, variantId, { maxCutSetOrder: 1, maxCutSets: 1 }).variants[0]
    ?.availability;
  return figures ? figures.downtimeMinutesPerYear : null;
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

/**
 * The sensitivity of `variantId`'s yearly downtime to each MTBF, MTTR and availability of its
 * nodes, widest swing first (ties in file order); null when the variant cannot be evaluated.
 * A parameter that cannot move the figure (an availability of exactly 1) has no bar.
 *
 * Example: a lone service with MTBF 1,000 h and MTTR 1 h is down 525.1 min a year; MTBF at 500 h
 * and 1,500 h gives 1,049.1 and 350.2 min (swing 698.9), MTTR at 0.5 h and 1.5 h gives 262.7 and
 * 787.2 min (swing 524.6), so MTBF comes first.
 */
export function sensitivity(doc: NinesDocument, variantId: string): Sensitivity | null {
  const variant = doc.variants.find((v) => v.id === variantId);
  const baseDowntime = downtimeOf(doc, variantId);
  if (!variant || baseDowntime === null) return null;
  const bars: SensitivityBar[] = [];
  const bar = (
    node: ModelNode,
    parameter: SensitivityBar['parameter'],
    values: { base: number; low: number; high: number },
    at: (value: number) => ModelNode,
  ) => {
    const low = downtimeOf(withNode(doc, variantId, at(values.low)), variantId);
    const high = downtimeOf(withNode(doc, variantId, at(values.high)), variantId);
    if (low === null || high === null) return;
    bars.push({
      nodeId: node.id,
      parameter,
      baseValue: values.base,
      lowValue: values.low,
      highValue: values.high,
      downtimeAtLow: low,
      downtimeAtHigh: high,
      swing: Math.abs(high - low),
    });
  };
  for (const node of variant.nodes) {
    const figure = nodeFailureFigure(node);
    const { mtbfHours, mttrHours } = figure;
    if (mtbfHours !== undefined && mttrHours !== undefined) {
      const scaled = (base: number) => ({
        base,
        low: base * SENSITIVITY_FACTORS.low,
        high: base * SENSITIVITY_FACTORS.high,
      });
      bar(node, 'mtbfHours', scaled(mtbfHours), (value) => ({
        ...node,
        mtbfHours: value,
        mttrHours,
      }));
      bar(node, 'mttrHours', scaled(mttrHours), (value) => ({
        ...node,
        mtbfHours,
        mttrHours: value,
      }));
    } else if (figure.availability < 1) {
      const q = 1 - figure.availability;
      bar(
        node,
        'availability',
        {
          base: figure.availability,
          low: 1 - q / UNAVAILABILITY_FACTOR,
          high: 1 - Math.min(1, q * UNAVAILABILITY_FACTOR),
        },
        (value) => ({ ...node, availability: value }),
      );
    }
  }
  const order = new Map(bars.map((b, i) => [b, i]));
  bars.sort((a, b) => b.swing - a.swing || (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { variantId, baseDowntime, bars };
}
