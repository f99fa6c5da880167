/** Chapter: introduction — purpose, background, scope (impact level, targets), assumptions. */
import { bold, bullets, heading, paragraph, type Block } from '../document';
import { appendixRef } from './appendix-labels';
import { labelOf, type PlanContext } from './context';
import {
  capitalise,
  formatAvailability,
  formatCount,
  formatDuration,
  formatGiB,
  formatRate,
  formatUsd,
  listOf,
} from '../../text';

/** Purpose, background, scope with the impact level and recovery objectives, assumptions. */
export function introductionChapter(ctx: PlanContext): Block[] {
  const { doc, variant, graph } = ctx;
  const t = doc.targets ?? {};
  const w = doc.workload ?? {};
  const regionNames = graph.regions.map((r) => labelOf(ctx, r));
  const componentCount = variant.nodes.filter(
    (n) => n.kind !== 'region' && n.kind !== 'zone',
  ).length;
  const objectives: { key: string; value: string }[] = [];
  if (t.impact) objectives.push({ key: 'Impact level (FIPS 199)', value: capitalise(t.impact) });
  if (t.availability !== undefined)
    objectives.push({ key: 'Availability target', value: formatAvailability(t.availability) });
  if (t.rtoSeconds !== undefined)
    objectives.push({ key: 'Recovery time objective (RTO)', value: formatDuration(t.rtoSeconds) });
  if (t.rpoSeconds !== undefined)
    objectives.push({ key: 'Recovery point objective (RPO)', value: formatDuration(t.rpoSeconds) });
  if (t.mtdSeconds !== undefined)
    objectives.push({
      key: 'Maximum tolerable downtime (MTD)',
      value: formatDuration(t.mtdSeconds),
    });
  if (t.downtimeCostPerHour !== undefined)
    objectives.push({
      key: 'Cost of downtime',
      value: `${formatUsd(t.downtimeCostPerHour)} per hour`,
    });

  const workload: string[] = [];
  if (w.requestsPerSecond !== undefined)
    workload.push(formatRate(w.requestsPerSecond, 'requests per second'));
  if (w.writesPerSecond !== undefined)
    workload.push(
      `${formatRate(w.writesPerSecond, 'writes per second')}${w.avgWriteBytes === undefined ? '' : ` of ${formatCount(w.avgWriteBytes, 'byte')} on average`}`,
    );
  if (w.dataSetGiB !== undefined) workload.push(`a data set of ${formatGiB(w.dataSetGiB)}`);

  const assumptions: string[] = [
    ...(doc.assumptions ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    `Failures of regions, zones, the networks between regions and individual instances are independent events, each with the steady-state availability of ${appendixRef('parameters')}; a figure the file does not give is the documented default named there with its source.`,
    ...(workload.length === 0 ? [] : [`The workload is ${listOf(workload)}.`]),
    `Costs are list prices of the bundled price book as of ${ctx.comparison.priceBookAsOf}, in US dollars.`,
    'The people, contacts and facilities named in the blanks and placeholders of this plan exist and are reachable when the plan is activated.',
  ];

  return [
    heading(1, 'Introduction'),
    heading(2, 'Purpose'),
    paragraph(
      'This plan establishes the procedures to recover ',
      bold(doc.name),
      ' after a disruption: who decides, how the disruption is detected and assessed, the order in which its components are brought back, one runbook per failure scenario, and how normal operation is resumed. It is written for the people who operate the system and for those who approve its recovery capabilities.',
    ),
    ...(doc.description ? [heading(2, 'Background'), paragraph(doc.description)] : []),
    heading(2, 'Scope'),
    paragraph(
      'The plan covers the variant ',
      bold(variant.name),
      ` with its ${formatCount(componentCount, 'component')}`,
      regionNames.length === 0
        ? ''
        : ` in ${regionNames.length === 1 ? 'the region' : `${formatCount(regionNames.length, 'region')}:`} ${listOf(regionNames)}`,
      `. Client applications, the organisation-wide business continuity plan and the recovery of facilities are out of its scope (the plans that cover them are listed in ${appendixRef('associatedPlans')}). The recovery objectives it is held to are:`,
    ),
    { kind: 'keyValue', rows: objectives },
    ...(t.rtoSeconds !== undefined && t.mtdSeconds !== undefined
      ? [
          paragraph(
            `The RTO of ${formatDuration(t.rtoSeconds)} is ${t.rtoSeconds <= t.mtdSeconds ? 'within' : 'beyond'} the MTD of ${formatDuration(t.mtdSeconds)}; NIST SP 800-34 Rev. 1 (section 3.2.1): “Because the RTO must ensure that the MTD is not exceeded, the RTO must normally be shorter than the MTD.” The RPO is not part of the MTD.`,
          ),
        ]
      : []),
    heading(2, 'Assumptions'),
    bullets(assumptions),
  ];
}
