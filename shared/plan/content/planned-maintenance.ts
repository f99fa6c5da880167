/**
 * Planned maintenance in the plan: the maintenance schedule (a section of the concept of
 * operations: each window with its length, frequency, whether it rolls, its time a year and
 * whether it costs availability or capacity) and, in the BIA, the availability with and without
 * planned maintenance and which one the target is judged on. Every figure is the engine's:
 * `evaluate`'s `plannedMinutesPerYear`, `withoutPlannedDowntime` and `againstTarget`, a window's
 * time from `maintenanceOf` (the engine's event figure) and its downtime from the importance.
 */
import { eventDowntimeMinutes, maintenanceCost, MINUTES_PER_YEAR } from '../../engine';
import { MAINTENANCE_SUFFIX, maintenanceOf, tierSize } from '../../model/nodes';
import type { ModelNode } from '../../model/types';
import { heading, paragraph, type Block, type Cell } from '../document';
import { components, labelOf, type PlanBasis } from './context';
import {
  formatAvailability,
  formatCount,
  formatInterval,
  formatMinutesPerYear,
  formatNumber,
  formatShare,
} from '../../text';

/** The components of the variant that declare maintenance windows, file order. */
export function maintainedComponents(ctx: PlanBasis): ModelNode[] {
  return components(ctx).filter((n) => maintenanceOf(n) !== undefined);
}

/** `2,879.8 min/yr (98.97 %)`: downtime a year and its share of the variant's downtime. */
export function downtimeWithShare(ctx: PlanBasis, minutes: number): string {
  const total = ctx.evaluation.availability.downtimeMinutesPerYear;
  return `${formatMinutesPerYear(minutes)} (${formatShare(total > 0 ? minutes / total : 0)})`;
}

/** What one window costs, in the schedule's words. */
function costOf(node: ModelNode): string {
  const { instances, minHealthy } = tierSize(node);
  return maintenanceCost(node) === 'capacity'
    ? `capacity: 1 of ${formatCount(instances, 'instance')} out, ${formatNumber(minHealthy)} needed`
    : 'availability: the whole component is out';
}

/** The row of one maintained component in the maintenance schedule. */
function scheduleRow(ctx: PlanBasis, node: ModelNode): Cell[] {
  const window = 'maintenance' in node ? node.maintenance : undefined;
  const figure = maintenanceOf(node);
  if (!window || !figure) throw new Error(`"${node.id}" has no maintenance`);
  const event = `${node.id}${MAINTENANCE_SUFFIX}`;
  return [
    labelOf(ctx, node.id),
    formatInterval(window.windowMinutes * 60),
    formatNumber(window.perYear),
    figure.rolling ? 'yes' : 'no',
    formatMinutesPerYear((1 - figure.figure.availability) * MINUTES_PER_YEAR),
    costOf(node),
    downtimeWithShare(ctx, eventDowntimeMinutes(ctx.evaluation, [event])),
  ];
}

/** The maintenance schedule: a section of the concept of operations. */
export function maintenanceScheduleSection(ctx: PlanBasis): Block[] {
  const maintained = maintainedComponents(ctx);
  const a = ctx.evaluation.availability;
  if (maintained.length === 0) {
    return [
      heading(2, 'Planned maintenance'),
      paragraph(
        'The model declares no planned maintenance window: every figure of this plan counts unplanned failures only. A component that is patched or upgraded on a schedule should say so in the model (its window, how often, and whether it rolls one instance at a time), so that the downtime it costs is counted.',
      ),
    ];
  }
  return [
    heading(2, 'Planned maintenance'),
    paragraph(
      'The components below are maintained on a schedule. A window that is not rolling takes the whole component out while it lasts: it costs availability unless another component carries the requests. A rolling window takes one instance out at a time while the others serve: it costs capacity, and availability only when a failure overlaps it (the last column). The model counts every window at full weight and independently of failures; real windows are set at quiet hours and not during an incident. A window is a clean stop: it loses no data.',
    ),
    {
      kind: 'table',
      caption: 'Table 23. Maintenance schedule',
      columns: [
        { header: 'Component', width: 1.9 },
        { header: 'Window', width: 1.1, align: 'right' },
        { header: 'Per year', width: 0.9, align: 'right' },
        { header: 'Rolling', width: 1.1, align: 'center' },
        { header: 'In windows', width: 1.6, align: 'right' },
        { header: 'What a window costs', width: 2.2 },
        { header: 'Downtime it causes (share)', width: 1.8, align: 'right' },
      ],
      rows: maintained.map((n) => scheduleRow(ctx, n)),
    },
    paragraph(
      `Together the windows cost ${formatMinutesPerYear(a.plannedMinutesPerYear)} of downtime a year: the downtime with them (${formatMinutesPerYear(a.downtimeMinutesPerYear)}, availability ${formatAvailability(a.requestWeighted)}) less the downtime without them (${formatMinutesPerYear(a.withoutPlannedDowntime.downtimeMinutesPerYear)}, availability ${formatAvailability(a.withoutPlannedDowntime.requestWeighted)}). That difference also counts what the last column (the downtime of the failure combinations each window takes part in) leaves out: the time the routers take to move the requests away from a component a window takes out (detection, DNS TTL), and the requests refused for lack of capacity while a window is under way. Chapter “Business impact analysis” says which figure the availability target is judged on.`,
    ),
  ];
}

/**
 * The BIA's availability with and without planned maintenance, when a window exists: both
 * figures, the planned minutes, and which one the target is judged on.
 */
export function plannedDowntimeBlocks(ctx: PlanBasis): Block[] {
  if (maintainedComponents(ctx).length === 0) return [];
  const a = ctx.evaluation.availability;
  const target = ctx.doc.targets?.availability;
  const excluded = a.againstTarget.excludesPlannedDowntime;
  const judged = (row: boolean): string => (target === undefined ? '—' : row ? 'yes' : 'no');
  return [
    paragraph(
      'The figure above counts planned maintenance, as users feel it (section “Planned maintenance” in chapter “Concept of operations”). Without the maintenance windows, as a service level agreement that excludes announced maintenance counts it:',
    ),
    {
      kind: 'table',
      caption: 'Table 24. Availability with and without planned maintenance',
      columns: [
        { header: 'Figure', width: 3.4 },
        { header: 'Availability', width: 1.6, align: 'right' },
        { header: 'Downtime a year', width: 1.6, align: 'right' },
        { header: 'Target judged on it', width: 1.4, align: 'center' },
      ],
      rows: [
        [
          'With planned maintenance',
          formatAvailability(a.requestWeighted),
          formatMinutesPerYear(a.downtimeMinutesPerYear),
          judged(!excluded),
        ],
        [
          'Without planned maintenance',
          formatAvailability(a.withoutPlannedDowntime.requestWeighted),
          formatMinutesPerYear(a.withoutPlannedDowntime.downtimeMinutesPerYear),
          judged(excluded),
        ],
        ['Planned maintenance', '—', formatMinutesPerYear(a.plannedMinutesPerYear), '—'],
      ],
    },
    paragraph(
      target === undefined
        ? 'The model sets no availability target; both figures are reported.'
        : `The availability target (${formatAvailability(target)}) is judged on the availability ${excluded ? 'without' : 'with'} planned maintenance (${formatAvailability(a.againstTarget.requestWeighted)}), which ${a.againstTarget.requestWeighted >= target ? 'meets' : 'misses'} it: the model's targets ${excluded ? 'exclude' : 'count'} planned downtime.`,
    ),
  ];
}
