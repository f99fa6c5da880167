/**
 * Per-card figures (the toolbar's `$` toggle): what a component costs a month and how much of the
 * structural downtime its failures take part in, both read from the engine's evaluation of the
 * variant on show, never recomputed here.
 *
 * - Cost: the sum of the cost breakdown's lines that belong to the node (its instances, storage,
 *   licence; the replication traffic it sends). A node with an unpriced item says so: `unpriced`
 *   when nothing of it is priced, `≥ $X` when part is; never $0 for what has no price.
 * - Downtime: the Fussell–Vesely importance of the node's basic events (`app`, `app#2`,
 *   `app#ccf`; docs/availability.md), the share of structural unavailability an event takes part
 *   in. A node of one event shows its share exactly; a tier of several shows the largest of its
 *   events' shares, a lower bound of the tier's own (making more events perfect removes at least
 *   as much unavailability), marked `≥`. Minutes a year are that share × the structural downtime.
 */
import type { VariantEvaluation } from '../../../../shared/engine';
import { formatMinutesPerYear, formatShare, formatUsd } from '../../../../shared/text';

/** A card's monthly cost: priced USD, and whether some of the node is not priced. */
export interface CardCost {
  /** USD per month of the node's priced lines. */
  readonly monthlyUsd: number;
  /** Lines of the breakdown that belong to the node. */
  readonly lines: number;
  /** Items of the node the price book could not price. */
  readonly unpriced: number;
}

/** A card's share of the structural downtime, from the importance of its events. */
export interface CardDowntime {
  /** Largest Fussell–Vesely share among the node's events, in [0, 1]. */
  readonly share: number;
  /** Structural downtime its failures take part in, minutes a year. */
  readonly minutesPerYear: number;
  /** True for a node of one event (the share is the node's own); else a lower bound. */
  readonly isExact: boolean;
}

/** The figures of one card; `downtime` absent when the availability is not known. */
export interface CardFigures {
  readonly cost?: CardCost;
  readonly downtime?: CardDowntime;
}

/** The node a basic event belongs to (`app#2` → `app`); none for links and common causes. */
function nodeOfEvent(event: string): string | undefined {
  if (event.startsWith('link:') || event.startsWith('cause:')) return undefined;
  return event.split('#')[0];
}

/** The figures of every component of the evaluated variant, by node id. */
export function cardFigures(
  componentIds: readonly string[],
  results: VariantEvaluation,
): Map<string, CardFigures> {
  const cost = new Map<string, { usd: number; lines: number; unpriced: number }>();
  const entry = (id: string) => {
    const found = cost.get(id) ?? { usd: 0, lines: 0, unpriced: 0 };
    cost.set(id, found);
    return found;
  };
  for (const line of results.cost?.breakdown ?? []) {
    const e = entry(line.nodeId);
    e.usd += line.monthlyUsd;
    e.lines += 1;
  }
  for (const item of results.cost?.unpriced ?? []) entry(item.nodeId).unpriced += 1;

  const events = new Map<string, { share: number; count: number }>();
  for (const i of results.importance) {
    const node = nodeOfEvent(i.event);
    if (node === undefined) continue;
    const e = events.get(node) ?? { share: 0, count: 0 };
    events.set(node, { share: Math.max(e.share, i.fussellVesely), count: e.count + 1 });
  }
  const structural = results.availability?.structuralMinutesPerYear;

  const out = new Map<string, CardFigures>();
  for (const id of componentIds) {
    const c = results.cost ? cost.get(id) : undefined;
    const e = events.get(id);
    out.set(id, {
      ...(results.cost
        ? { cost: { monthlyUsd: c?.usd ?? 0, lines: c?.lines ?? 0, unpriced: c?.unpriced ?? 0 } }
        : {}),
      ...(e && structural !== undefined
        ? {
            downtime: {
              share: e.share,
              minutesPerYear: e.share * structural,
              isExact: e.count === 1,
            },
          }
        : {}),
    });
  }
  return out;
}

/**
 * A card's cost as it reads: `$1,234/mo`, `≥ $80/mo` when part is unpriced, `unpriced` when
 * nothing is priced, `no cost` for a node the estimate has no line or miss for.
 */
export function costText(cost: CardCost): string {
  if (cost.unpriced > 0 && cost.lines === 0) return 'unpriced';
  if (cost.lines === 0) return 'no cost';
  return `${cost.unpriced > 0 ? '≥ ' : ''}${formatUsd(cost.monthlyUsd)}/mo`;
}

/** A card's downtime as it reads: `4.2 min/yr · 45 %`, `≥ …` for a lower bound. */
export function downtimeText(downtime: CardDowntime): string {
  const bound = downtime.isExact ? '' : '≥ ';
  return `${bound}${formatMinutesPerYear(downtime.minutesPerYear)} · ${formatShare(downtime.share)}`;
}
