/**
 * Chapter: concept of operations — the system as modelled (with the topology figure drawn from
 * the variant), its planned maintenance, the three phases of recovery and the roles.
 */
import { topologyFigure } from '../diagram';
import { bold, bullets, heading, inline, paragraph, type Block } from '../document';
import { appendixRef } from './appendix-labels';
import { components, labelOf, type PlanContext } from './context';
import { maintenanceScheduleSection } from './planned-maintenance';
import { raciSection } from './raci';
import { planRoles } from './roles';
import { formatCount, formatShare, listOf } from '../../text';

/** System description with the figure, the three phases, roles and responsibilities. */
export function conceptOfOperationsChapter(ctx: PlanContext): Block[] {
  const { variant, graph, doc } = ctx;
  const shares = variant.trafficShare ?? doc.workload?.trafficShare ?? {};
  const regionLines = graph.regions.map((r) => {
    const zones = graph.zonesOf.get(r) ?? [];
    const inRegion = components(ctx).filter((n) => graph.regionOf.get(n.id) === r);
    const share = shares[r];
    return inline(
      bold(labelOf(ctx, r)),
      zones.length === 0 ? ', no zones modelled' : `, ${formatCount(zones.length, 'zone')}`,
      share === undefined ? '' : `, ${formatShare(share)} of the traffic`,
      inRegion.length === 0 ? '' : `: ${listOf(inRegion.map((n) => labelOf(ctx, n.id)))}`,
      '.',
    );
  });
  const global = components(ctx).filter((n) => !graph.regionOf.has(n.id));
  return [
    heading(1, 'Concept of operations'),
    heading(2, 'System description'),
    ...(variant.description ? [paragraph(variant.description)] : []),
    paragraph(
      `The variant has ${formatCount(graph.regions.length, 'region')}`,
      global.length === 0
        ? '.'
        : ` and ${formatCount(global.length, 'global component')} outside every region (${listOf(global.map((n) => labelOf(ctx, n.id)))}).`,
      ' Requests enter through ',
      bold(labelOf(ctx, variant.entry)),
      '; the service is up while that entry and what it depends on work.',
    ),
    bullets(regionLines),
    topologyFigure(variant, {
      id: 'figure-topology',
      caption: `Figure 1. Topology of ${variant.name}`,
    }),
    paragraph(
      `Solid arrows are request dependencies (consumer to dependency); dashed lines without arrowheads join data-tier members that replicate; dotted arrows go from a backup to the datastore it protects. In the drawn figure a dependency that crosses regions is a thicker orange arrow, and the legend under the figure names each kind of line. ${appendixRef('inventory')} lists every component and ${appendixRef('interconnections')} the connections between regions and to external systems.`,
    ),
    ...maintenanceScheduleSection(ctx),
    heading(2, 'Phases of recovery'),
    paragraph(
      'Recovery proceeds in the three phases of NIST SP 800-34 Rev. 1 (section 4.1; section 2.2 of its ISCP templates):',
    ),
    bullets([
      inline(
        bold('Activation and notification'),
        ': the disruption is detected, its scope and expected duration assessed, the plan activated and the recovery staff notified (chapter “Activation and notification”).',
      ),
      inline(
        bold('Recovery'),
        ': components are brought back in dependency order and the runbook of the scenario is followed until the service works again, within the RTO (chapter “Recovery”).',
      ),
      inline(
        bold('Reconstitution'),
        ': data and function are validated, traffic fails back to the recovered site, and the plan is deactivated (chapter “Reconstitution”).',
      ),
    ]),
    heading(2, 'Roles and responsibilities'),
    paragraph(
      `The roles below carry the plan; ${appendixRef('personnel')} names the person who holds each and an alternate, with their contacts. The ISCP director and coordinator are the two roles of the NIST ISCP templates (section 2.3); the others are this design’s technical and communication points of contact.`,
    ),
    {
      kind: 'table',
      caption: 'Table 2. Recovery roles',
      columns: [
        { header: 'Role', width: 2 },
        { header: 'Responsibility', width: 7 },
      ],
      rows: planRoles(ctx).map((r) => [r.name, r.duty]),
    },
    ...raciSection(ctx),
  ];
}
