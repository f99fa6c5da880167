/**
 * Chapter: concept of operations — the system as modelled (with the topology figure drawn from
 * the variant), the three phases of recovery and the roles.
 */
import { topologyFigure } from '../diagram';
import { bold, bullets, heading, inline, paragraph, placeholder, type Block } from '../document';
import { components, labelOf, type PlanContext } from './context';
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
  const hasData = components(ctx).some((n) => n.kind === 'datastore');
  const hasBackups = components(ctx).some((n) => n.kind === 'backup');
  // The ISCP templates of NIST SP 800-34 Rev. 1 (section 2.3) lead with an ISCP Director, who
  // "has overall management responsibility for the plan", and an ISCP Coordinator, who oversees
  // recovery and reconstitution; the other roles are this design's technical points of contact.
  const roles: string[][] = [
    ['ISCP director', 'Has overall management responsibility for the plan.'],
    [
      'Authorizing official',
      'Approves the plan; is told when it is activated and when normal operation resumes.',
    ],
    [
      'ISCP coordinator',
      'Activates the plan, leads the recovery, decides on failover and failback, reports to management.',
    ],
    [
      'Platform on-call',
      'Runs the runbooks for the routers and the stateless tiers; watches error rate and latency.',
    ],
    ...(hasData
      ? [
          [
            'Data tier on-call',
            `Runs the data-tier steps (failover, replication, ${hasBackups ? 'restores, ' : ''}conflict checks); watches replication lag.`,
          ],
        ]
      : []),
    [
      'Communications lead',
      'Informs users, the service desk and stakeholders; keeps the status page current.',
    ],
  ];
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
      'Solid arrows are request dependencies (consumer to dependency); dashed arcs join data-tier members that replicate; dotted arrows go from a backup to the datastore it protects; a dependency that crosses regions is drawn in orange. Appendix B lists every component and Appendix C the connections between regions.',
    ),
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
    {
      kind: 'table',
      caption: 'Table 2. Recovery roles',
      columns: [
        { header: 'Role', width: 2 },
        { header: 'Responsibility', width: 5 },
        { header: 'Name and contact', width: 2 },
      ],
      rows: roles.map(([role = '', duty = '']) => [role, duty, 'to be completed']),
    },
    placeholder(
      'Name each role holder and an alternate with office and mobile phone numbers, and the escalation chain with the time after which each level is called.',
    ),
  ];
}
