/** Appendices: the inventory of components (where each runs) and the interconnections between regions. */
import { LINK_DEFAULTS } from '../../../model/defaults';
import { componentDetail } from '../../diagram';
import { replicationLagSeconds, replicationMbps } from '../../../engine';
import { nodeFailureFigure } from '../../../model/nodes';
import type { ExternalNode, ModelNode } from '../../../model/types';
import { code, heading, inline, paragraph, type Block, type Cell } from '../../document';
import { blank } from '../blanks';
import {
  components,
  eventLabel,
  labelOf,
  linkBetween,
  locationOf,
  replicationPairs,
  type PlanContext,
} from '../context';
import {
  formatAvailability,
  formatCount,
  formatDuration,
  formatRate,
  formatUsd,
  listOf,
} from '../../../text';
import { appendixHeading, appendixTable } from '../appendix-labels';

function placement(ctx: PlanContext, node: ModelNode): string {
  const zone = ctx.graph.zoneOf.get(node.id);
  if (zone !== undefined) return locationOf(ctx, zone) ?? zone;
  const region = ctx.graph.regionOf.get(node.id);
  if (region === undefined) return 'global';
  const zones = ctx.graph.zonesOf.get(region)?.length ?? 0;
  return `${locationOf(ctx, region) ?? region}${zones > 1 ? `, ${formatCount(zones, 'zone')}` : ''}`;
}

/**
 * The software a component runs, as far as the model knows it: a datastore's engine; the version,
 * and the software of the other tiers, are blanks for the plan owner. Routers, object stores,
 * backups and external services are the provider's or vendor's service.
 */
function software(node: ModelNode): Cell {
  switch (node.kind) {
    case 'datastore':
      return node.engine === undefined
        ? [blank('software and version')]
        : inline(`${node.engine}, `, blank('version'));
    case 'service':
    case 'queue':
      return [blank('software and version')];
    case 'router':
    case 'objectStore':
    case 'backup':
      return 'provider service';
    case 'external':
      return 'vendor service';
    case 'region':
    case 'zone':
      return '';
  }
}

/** Appendix: the hardware and software inventory (the ISCP template's Appendix H). */
export function inventoryAppendix(ctx: PlanContext): Block[] {
  const cost = ctx.evaluation.cost;
  const monthly = (id: string): string => {
    if (!cost) return '—';
    const lines = cost.breakdown.filter((l) => l.nodeId === id);
    const unpriced = cost.unpriced.some((u) => u.nodeId === id);
    if (lines.length === 0) return unpriced ? 'unpriced' : '—';
    return `${formatUsd(lines.reduce((sum, l) => sum + l.monthlyUsd, 0))}${unpriced ? '+' : ''}`;
  };
  return [
    appendixHeading('inventory'),
    paragraph(
      'Every component of the variant with its placement, its instances and instance type, the software it runs and its monthly price from the cost estimate (“+”: part of it is unpriced; see chapter “Options compared and cost”). The id is the component’s name in the model and in the operators’ tools. The model does not hold software versions: fill them in from the deployment records.',
    ),
    {
      kind: 'table',
      caption: `${appendixTable('inventory', 1)} Components`,
      columns: [
        { header: 'Component', width: 2.6 },
        { header: 'Id', width: 1.6 },
        { header: 'Kind', width: 1.2 },
        { header: 'Placement', width: 1.9 },
        { header: 'Instances and type', width: 2.4 },
        { header: 'Software', width: 1.8 },
        { header: 'Monthly', width: 1.2, align: 'right' },
      ],
      rows: components(ctx).map((n) => [
        labelOf(ctx, n.id),
        [code(n.id)],
        n.kind,
        placement(ctx, n),
        componentDetail(n, ctx.variant) || '—',
        software(n),
        monthly(n.id),
      ]),
    },
  ];
}

/** Appendix: the interconnections table (the ISCP template's Appendix I). */
export function interconnectionsAppendix(ctx: PlanContext): Block[] {
  const cross = ctx.variant.edges.filter((e) => {
    if (e.kind !== 'depends') return false;
    const a = ctx.graph.regionOf.get(e.from);
    const b = ctx.graph.regionOf.get(e.to);
    return a !== undefined && b !== undefined && a !== b;
  });
  const pairs = replicationPairs(ctx);
  const blocks: Block[] = [
    appendixHeading('interconnections'),
    heading(2, 'Cross-region dependencies', 'cross-region-dependencies'),
    cross.length === 0
      ? paragraph(
          'No request crosses a region: every consumer calls dependencies in its own region or global ones, so a partition between regions does not stop a request path.',
        )
      : {
          kind: 'table',
          caption: `${appendixTable('interconnections', 1)} Dependencies that cross regions (each also needs the link)`,
          columns: [
            { header: 'Consumer', width: 3 },
            { header: 'Dependency', width: 3 },
            { header: 'Link', width: 3 },
          ],
          rows: cross.map((e) => {
            const a = ctx.graph.regionOf.get(e.from) as string;
            const b = ctx.graph.regionOf.get(e.to) as string;
            return [labelOf(ctx, e.from), labelOf(ctx, e.to), eventLabel(ctx, `link:${a}|${b}`)];
          }),
        },
    heading(2, 'Replication links', 'replication-links'),
  ];
  if (pairs.length === 0) {
    blocks.push(paragraph('No data tier replicates to another member.'));
    return [...blocks, ...externalConnections(ctx)];
  }
  const volume = replicationMbps(ctx.doc.workload, 1);
  blocks.push(
    paragraph(
      `Replication volume per peer is writes per second × average write size × 8 bits: ${formatRate(volume, 'Mbit/s')} for this workload; a member sends it to each of its peers, and the model flags a lag without bound when that exceeds the link’s bandwidth. Lag is half the round trip plus the engine’s replication delay; it is the data at risk when a member fails: the writes of that last stretch of time have not reached the other member yet.`,
    ),
    {
      kind: 'table',
      caption: `${appendixTable('interconnections', 2)} Replication between data-tier members`,
      columns: [
        { header: 'Members', width: 4 },
        { header: 'Mode', width: 1.8 },
        { header: 'RTT', width: 1, align: 'right' },
        { header: 'Bandwidth', width: 1.4, align: 'right' },
        { header: 'Sent by member', width: 1.4, align: 'right' },
        { header: 'Lag', width: 1.2, align: 'right' },
      ],
      rows: pairs.map(([a, b]) => {
        const ra = ctx.graph.regionOf.get(a.id);
        const rb = ctx.graph.regionOf.get(b.id);
        const crossRegion = ra !== undefined && rb !== undefined && ra !== rb;
        const link = crossRegion ? (linkBetween(ctx, ra, rb) ?? { a: ra, b: rb }) : undefined;
        const rtt = link === undefined ? 0 : (link.rttMs ?? (LINK_DEFAULTS.rttMs?.value as number));
        const bandwidth =
          link === undefined
            ? undefined
            : (link.bandwidthMbps ?? (LINK_DEFAULTS.bandwidthMbps?.value as number));
        return [
          `${labelOf(ctx, a.id)} and ${labelOf(ctx, b.id)}`,
          `${a.replication ?? 'none'}, ${a.sync === true ? 'sync' : 'async'}`,
          formatDuration(rtt / 1000),
          bandwidth === undefined ? 'in region' : formatRate(bandwidth, 'Mbit/s'),
          formatRate(
            replicationMbps(ctx.doc.workload, (ctx.graph.replicaPeers.get(a.id) ?? []).length),
            'Mbit/s',
          ),
          a.sync === true ? '0 s' : formatDuration(replicationLagSeconds(a, link)),
        ];
      }),
    },
  );
  return [...blocks, ...externalConnections(ctx)];
}

/**
 * The connections to systems outside the organisation: every external component of the model,
 * what uses it and its SLA; the interconnection agreement is a blank.
 */
function externalConnections(ctx: PlanContext): Block[] {
  const externals = components(ctx).filter((n): n is ExternalNode => n.kind === 'external');
  return [
    heading(2, 'Connections to external systems', 'external-connections'),
    externals.length === 0
      ? paragraph('The model has no external system: every dependency is a component of its own.')
      : {
          kind: 'table',
          caption: `${appendixTable('interconnections', 3)} External systems`,
          columns: [
            { header: 'External system', width: 2.6 },
            { header: 'Vendor', width: 1.8 },
            { header: 'Used by', width: 2.6 },
            { header: 'SLA in the model', width: 1.4, align: 'right' },
            { header: 'Agreement (ISA, MOU)', width: 1.8 },
          ],
          rows: externals.map((n) => [
            labelOf(ctx, n.id),
            n.vendor ?? [blank('vendor')],
            listOf(
              ctx.variant.edges
                .filter((e) => e.kind === 'depends' && e.to === n.id)
                .map((e) => labelOf(ctx, e.from)),
            ) || '—',
            formatAvailability(nodeFailureFigure(n).availability),
            [blank('agreement')],
          ]),
        },
  ];
}
