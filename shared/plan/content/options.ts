/**
 * Chapter: the options compared with their cost — every variant ranked by yearly total among
 * those that meet the targets (`compare`), what each extra nine costs, and the cost of the
 * variant the plan describes, line by category, with what is left unpriced.
 */
import type { CostCategory } from '../../engine';
import { bold, bullets, heading, inline, paragraph, type Block } from '../document';
import { labelOf, type PlanContext } from './context';
import {
  formatAvailability,
  formatMinutesPerYear,
  formatNines,
  formatSignedUsd,
  formatUsd,
} from '../../text';

const CATEGORY_LABEL: Record<CostCategory, string> = {
  compute: 'Compute',
  datastore: 'Datastores',
  memory: 'Memory',
  storage: 'Storage',
  backup: 'Backups',
  loadBalancer: 'Load balancers',
  routing: 'Global routing',
  crossZoneTransfer: 'Cross-zone transfer',
  crossRegionTransfer: 'Cross-region transfer',
  egress: 'Internet egress',
  licence: 'Licences',
  standby: 'Standby region',
  other: 'Other',
};

/** The options chapter. */
export function optionsChapter(ctx: PlanContext): Block[] {
  const { comparison, variant } = ctx;
  const chosen = comparison.variants.find((v) => v.id === variant.id);
  const best = comparison.variants[0];
  const cost = ctx.evaluation.cost;
  const lowerBound = (complete: boolean) => (complete ? '' : ' (lower bound)');
  const blocks: Block[] = [
    heading(1, 'Options compared and cost'),
    paragraph(
      `Prices are list prices of the bundled price book as of ${comparison.priceBookAsOf}, in US dollars${Object.keys(ctx.doc.catalog?.discounts ?? {}).length > 0 ? ', less the document’s discounts' : ''}. The yearly total is twelve months of infrastructure plus the expected downtime cost. Variants that meet every target (availability, and the RTO, RPO and MTD of every scenario) rank first, by yearly total; the others follow with what they miss. An amount marked “lower bound” leaves out items that have no price (listed below).`,
    ),
  ];
  if (comparison.variants.length > 1) {
    blocks.push(
      {
        kind: 'table',
        caption: 'Table 10. Variants ranked',
        columns: [
          { header: '#', width: 0.5, align: 'right' },
          { header: 'Variant', width: 2.6 },
          { header: 'Availability', width: 1.6, align: 'right' },
          { header: 'Downtime', width: 1.5, align: 'right' },
          { header: 'Monthly', width: 1.5, align: 'right' },
          { header: 'Yearly total', width: 1.7, align: 'right' },
          { header: 'Targets', width: 3 },
        ],
        rows: comparison.variants.map((v) => [
          String(v.rank),
          v.id === variant.id ? [bold(`${v.name} (this plan)`)] : v.name,
          v.availability === null ? '—' : formatAvailability(v.availability),
          v.downtimeMinutesPerYear === null ? '—' : formatMinutesPerYear(v.downtimeMinutesPerYear),
          `${formatUsd(v.monthlyUsd)}${lowerBound(v.isComplete)}`,
          `${formatUsd(v.yearlyTotal)}${lowerBound(v.isComplete)}`,
          v.meetsTargets ? 'met' : `missed: ${v.misses.join('; ')}`,
        ]),
      },
      ...(comparison.steps.length === 0
        ? []
        : [
            paragraph('What each extra nine costs, between neighbours in availability:'),
            bullets(
              comparison.steps.map((s) => {
                const name = (id: string) =>
                  comparison.variants.find((v) => v.id === id)?.name ?? id;
                const per =
                  s.usdPerNinePerYear === null || s.extraNines < 0.01
                    ? 'no measurable extra nine'
                    : `${formatUsd(s.usdPerNinePerYear)} a year per nine`;
                return `From ${name(s.from)} to ${name(s.to)}: +${formatNines(s.extraNines)} for ${formatSignedUsd(s.extraYearlyUsd)} a year (${per}).`;
              }),
            ),
          ]),
    );
  } else {
    blocks.push(
      paragraph(
        'The model holds one variant, so there is no alternative to compare; add the design options as variants of the model to have them ranked here.',
      ),
    );
  }
  if (cost) {
    const categories = Object.entries(cost.byCategory).filter(
      ([, amount]) => amount !== undefined,
    ) as [CostCategory, number][];
    blocks.push(
      heading(2, `Cost of ${variant.name}`, 'cost-of-the-variant'),
      {
        kind: 'table',
        caption: 'Table 11. Monthly cost by category',
        columns: [
          { header: 'Category', width: 4 },
          { header: 'Monthly', width: 2, align: 'right' },
          { header: 'Yearly', width: 2, align: 'right' },
        ],
        rows: [
          ...categories.map(([category, amount]) => [
            CATEGORY_LABEL[category],
            formatUsd(amount),
            formatUsd(12 * amount),
          ]),
          [
            [bold(`Total${lowerBound(cost.isComplete)}`)],
            [bold(formatUsd(cost.monthly))],
            [bold(formatUsd(12 * cost.monthly))],
          ],
        ],
      },
      paragraph(
        'Expected downtime cost: ',
        cost.expectedDowntimeCostPerYear === null
          ? 'not computed (no hourly cost of downtime in the model).'
          : `${formatUsd(cost.expectedDowntimeCostPerYear)} a year; yearly total ${formatUsd(cost.yearlyTotal)}${lowerBound(cost.isComplete)}.`,
      ),
    );
    blocks.push(...categoryNotes(ctx));
    if (!cost.isComplete) {
      blocks.push(
        paragraph('Not priced, and so left out of the totals:'),
        bullets(cost.unpriced.map((u) => `${labelOf(ctx, u.nodeId)}: ${u.reason}.`)),
      );
    }
  }
  if (chosen && best && comparison.variants.length > 1) {
    blocks.push(
      heading(2, 'Choice of variant'),
      paragraph(
        best.id === chosen.id
          ? `${chosen.name} ranks first: ${chosen.meetsTargets ? 'it meets every target at the lowest yearly total of the variants that do' : 'no variant meets every target, and it misses the fewest'}.`
          : `${best.name} ranks first (${best.meetsTargets ? 'it meets every target at a lower yearly total' : 'it misses fewer targets'}); this plan describes ${chosen.name}, ranked ${chosen.rank}. Record why in the record of changes, or regenerate the plan for ${best.name}.`,
      ),
    );
  }
  return blocks;
}

/**
 * What the less obvious categories pay for: the extra memory of Active-Active members (each
 * line's quantities as the cost engine computed them) and the standby region.
 */
function categoryNotes(ctx: PlanContext): Block[] {
  const cost = ctx.evaluation.cost;
  if (!cost) return [];
  const memory = cost.breakdown.filter((l) => l.category === 'memory');
  const notes: Block[] = [];
  if (memory.length > 0)
    notes.push(
      paragraph(
        'Memory: an Active-Active database needs more memory than its data. Redis Software’s documentation on database memory limits states that replication doubles the memory a database uses and that Active-Active replication doubles it again, so each member needs the data set × 2 (when it has a replica) × 2. Where the instances of a member hold less than that, the missing memory is priced at the instance’s price per GiB:',
      ),
      bullets(memory.map((l) => inline(bold(labelOf(ctx, l.nodeId)), `: ${l.detail}.`))),
    );
  if (cost.byCategory.standby !== undefined)
    notes.push(
      paragraph(
        'Standby region: every line of the components in a region that takes no traffic until a failover (its instances, datastores and backups), shown as one figure: what the alternate site costs while it waits.',
      ),
    );
  return notes;
}
