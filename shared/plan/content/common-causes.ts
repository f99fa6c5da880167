/**
 * Common causes in the plan's preventive controls: each common-cause event of the variant (a
 * global deploy or configuration change, a shared control plane) with its MTBF and MTTR (marked
 * as an assumption where its source says so), the downtime it causes and its share (the same
 * Fussell–Vesely × structural downtime as the advisor's finding), and what reduces it in the
 * advisor's words; each tier with a beta factor likewise.
 */
import { betaFactorRemedy, COMMON_CAUSE_REMEDIES, eventDowntimeMinutes } from '../../engine';
import { betaFactor, tierSize } from '../../model/nodes';
import type { CommonCause } from '../../model/types';
import { bold, bullets, heading, inline, paragraph, type Block, type Cell } from '../document';
import { components, labelOf, type PlanBasis } from './context';
import { downtimeWithShare } from './planned-maintenance';
import { capitalise, formatNumber, formatShare, listOf, withUnit } from '../../text';

/** True when a cause's `source` says its figures are an assumption (the templates' wording). */
export function isAssumed(cause: CommonCause): boolean {
  return /^assum/i.test(cause.source?.trim() ?? '');
}

/** `17,520 h`, with `(assumption)` when the cause's source says so. */
function hours(value: number, assumed: boolean): string {
  return `${withUnit(formatNumber(value), 'h')}${assumed ? ' (assumption)' : ''}`;
}

function causeRow(ctx: PlanBasis, cause: CommonCause): Cell[] {
  const assumed = isAssumed(cause);
  return [
    cause.name,
    listOf(cause.affects.map((id) => labelOf(ctx, id))),
    hours(cause.mtbfHours, assumed),
    hours(cause.mttrHours, assumed),
    downtimeWithShare(ctx, eventDowntimeMinutes(ctx.evaluation, [`cause:${cause.id}`])),
    `${capitalise(COMMON_CAUSE_REMEDIES)}.`,
  ];
}

/** The tiers of the variant with a beta factor above 0, file order. */
function betaTiers(ctx: PlanBasis) {
  return components(ctx).filter((n) => betaFactor(n) > 0);
}

/** The preventive controls' section on common causes. */
export function commonCausesSection(ctx: PlanBasis): Block[] {
  const causes = ctx.variant.commonCause ?? [];
  const tiers = betaTiers(ctx);
  const title = heading(2, 'Common causes');
  if (causes.length === 0 && tiers.length === 0) {
    return [
      title,
      paragraph(
        'The model names no common-cause event and gives no tier a beta factor: its redundant parts are taken to fail independently. Independent zone and region failures are rarely what takes a multi-region service down; a global deploy or configuration change, an expired certificate or a shared control plane fails every region at once. Until the model names such events, its availability is an upper bound.',
      ),
    ];
  }
  const sourced = causes.filter((c) => c.source !== undefined);
  return [
    title,
    paragraph(
      'Redundancy protects against independent failures only. A common cause fails several parts at once, whatever their number: the events below are part of the model, and their downtime is counted in every figure of this plan. The downtime each causes is what would go away if it never happened; its share is of the expected downtime of the variant.',
    ),
    ...(causes.length === 0
      ? []
      : [
          {
            kind: 'table' as const,
            caption: 'Table 25. Common-cause events',
            columns: [
              { header: 'Event', width: 1.8 },
              { header: 'Affects', width: 2 },
              { header: 'MTBF', width: 1.7, align: 'right' as const },
              { header: 'MTTR', width: 1.7, align: 'right' as const },
              { header: 'Downtime it causes (share)', width: 1.6, align: 'right' as const },
              { header: 'What reduces it', width: 3.2 },
            ],
            rows: causes.map((c) => causeRow(ctx, c)),
          },
        ]),
    ...(sourced.length === 0
      ? []
      : [
          paragraph('Where the figures come from:'),
          bullets(sourced.map((c) => inline(bold(c.name), `: ${c.source ?? ''}`))),
        ]),
    ...(tiers.length === 0
      ? []
      : [
          paragraph(
            'A beta factor is the share of one instance’s failures that take every instance of the tier down at once (the beta-factor model of IEC 61508-6, Annex D): more instances do not reduce it, instances that differ do.',
          ),
          {
            kind: 'table' as const,
            caption: 'Table 26. Tiers with a beta factor',
            columns: [
              { header: 'Tier', width: 2.4 },
              { header: 'Instances', width: 1.2, align: 'right' as const },
              { header: 'Beta factor', width: 1.2, align: 'right' as const },
              { header: 'Downtime it causes (share)', width: 1.8, align: 'right' as const },
              { header: 'What reduces it', width: 4 },
            ],
            rows: tiers.map((n): Cell[] => [
              labelOf(ctx, n.id),
              formatNumber(tierSize(n).instances),
              formatShare(betaFactor(n)),
              downtimeWithShare(ctx, eventDowntimeMinutes(ctx.evaluation, [`${n.id}#ccf`])),
              `${betaFactorRemedy(labelOf(ctx, n.id))}.`,
            ]),
          },
        ]),
  ];
}
