/**
 * The appendices: every parameter with its source, the component inventory, the connections
 * between regions, the availability method with this variant's figures, and a glossary.
 */
import { LINK_DEFAULTS, NODE_DEFAULTS, nodeDefault, type DefaultValue } from '../../model/defaults';
import { componentDetail } from '../diagram';
import { replicationLagSeconds, replicationMbps } from '../../engine';
import type { ModelNode } from '../../model/types';
import { appendix, code, heading, paragraph, type Block, type Cell, PAGE_BREAK } from '../document';
import {
  components,
  eventLabel,
  labelOf,
  linkBetween,
  locationOf,
  replicationPairs,
  type PlanContext,
} from './context';
import {
  formatAvailability,
  formatCount,
  formatDuration,
  formatMinutesPerYear,
  formatNines,
  formatNumber,
  formatRate,
  formatUsd,
} from '../../text';

/** The parameters each kind reports beyond its failure figure, in reading order. */
const KIND_FIELDS: Partial<Record<ModelNode['kind'], readonly string[]>> = {
  router: ['minTargets', 'healthCheckSeconds', 'failureThreshold', 'dnsTtlSeconds'],
  service: ['instances', 'minHealthy'],
  queue: ['instances', 'minHealthy'],
  datastore: [
    'instances',
    'minHealthy',
    'replication',
    'sync',
    'autoFailover',
    'failoverSeconds',
    'persistence',
    'replicationDelayMs',
  ],
  backup: ['intervalSeconds', 'retentionDays', 'restoreThroughputMBps'],
};

function show(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value, 6);
  return String(value);
}

/** A default cited by the parameters table: its key, the parameters that use it, its source. */
interface CitedDefault {
  readonly key: string;
  readonly uses: string[];
  readonly source: string;
}

/**
 * Parameters table rows, one per component (components of one kind with the same parameters
 * share a row), each parameter with its value and `file` or the default it falls back to; the
 * defaults are numbered D1, D2, … by source.
 */
function parameterRows(ctx: PlanContext): { rows: Cell[][]; defaults: CitedDefault[] } {
  const defaults: CitedDefault[] = [];
  const cite = (what: string, value: DefaultValue): string => {
    let cited = defaults.find((d) => d.source === value.source);
    if (!cited) {
      cited = { key: `D${defaults.length + 1}`, uses: [], source: value.source };
      defaults.push(cited);
    }
    const use = `${what} = ${show(value.value)}`;
    if (!cited.uses.includes(use)) cited.uses.push(use);
    return cited.key;
  };
  const groups = new Map<string, { labels: string[]; kind: string; text: string }>();
  const add = (kind: string, label: string, parts: string[]) => {
    const text = parts.join('; ');
    const group = groups.get(`${kind}|${text}`) ?? { labels: [], kind, text };
    group.labels.push(label);
    groups.set(`${kind}|${text}`, group);
  };
  for (const node of ctx.variant.nodes) {
    const table = NODE_DEFAULTS[node.kind];
    const fields: string[] = [];
    const record = node as Readonly<Record<string, unknown>>;
    if (node.availability !== undefined) fields.push('availability');
    else if (node.mtbfHours === undefined && node.mttrHours === undefined && table.availability)
      fields.push('availability');
    else fields.push('mtbfHours', 'mttrHours');
    fields.push(...(KIND_FIELDS[node.kind] ?? []));
    const parts = fields.flatMap((field) => {
      const given = record[field];
      const fallback = nodeDefault(node.kind, field, node);
      if (given !== undefined) return [`${field} ${show(given)} (file)`];
      if (fallback === undefined) return [];
      return [`${field} ${show(fallback.value)} (${cite(`${node.kind}.${field}`, fallback)})`];
    });
    add(node.kind, labelOf(ctx, node.id), parts);
  }
  for (const [a, b] of regionPairs(ctx)) {
    const link = linkBetween(ctx, a, b);
    const parts = (['mtbfHours', 'mttrHours', 'rttMs', 'bandwidthMbps'] as const).flatMap(
      (field) => {
        const given = link?.[field];
        const fallback = LINK_DEFAULTS[field];
        if (given !== undefined) return [`${field} ${show(given)} (file)`];
        if (fallback === undefined) return [];
        return [`${field} ${show(fallback.value)} (${cite(`link.${field}`, fallback)})`];
      },
    );
    add('link', eventLabel(ctx, `link:${a}|${b}`), parts);
  }
  const rows: Cell[][] = [...groups.values()].map((g) => [
    g.labels.length === 1
      ? (g.labels[0] ?? '')
      : `${formatCount(g.labels.length, g.kind)}: ${g.labels.join(', ')}`,
    g.text,
  ]);
  return { rows, defaults };
}

/** Every pair of regions of the variant, file order. */
function regionPairs(ctx: PlanContext): [string, string][] {
  const pairs: [string, string][] = [];
  const regions = ctx.graph.regions;
  for (let i = 0; i < regions.length; i += 1)
    for (let j = i + 1; j < regions.length; j += 1)
      pairs.push([regions[i] as string, regions[j] as string]);
  return pairs;
}

function parametersAppendix(ctx: PlanContext): Block[] {
  const t = ctx.doc.targets ?? {};
  const w = ctx.doc.workload ?? {};
  const { rows, defaults } = parameterRows(ctx);
  const given: { key: string; value: string }[] = [
    ...Object.entries(t).map(([k, v]) => ({ key: `targets.${k}`, value: show(v) })),
    ...Object.entries(w)
      .filter(([k]) => k !== 'trafficShare')
      .map(([k, v]) => ({ key: `workload.${k}`, value: show(v) })),
    ...Object.entries(ctx.variant.trafficShare ?? w.trafficShare ?? {}).map(([r, v]) => ({
      key: `traffic share of ${labelOf(ctx, r)}`,
      value: formatAvailability(v),
    })),
  ];
  return [
    appendix('Appendix A. Parameters and their sources', 'appendix-parameters'),
    paragraph(
      'Every figure of this plan is computed from the parameters below. “file” means the value is given in the model; “Dn” means the file leaves it out and the documented default applies, with the source listed in Table A.3. Units are in the parameter names (hours, seconds, milliseconds, megabits per second).',
    ),
    {
      kind: 'table',
      caption: 'Table A.1. Objectives and workload (from the file)',
      columns: [
        { header: 'Parameter', width: 3 },
        { header: 'Value', width: 2, align: 'right' },
      ],
      rows: given.map((g) => [[code(g.key)], g.value]),
    },
    {
      kind: 'table',
      caption: 'Table A.2. Failure and recovery parameters (value and source)',
      columns: [
        { header: 'Component', width: 3 },
        { header: 'Parameters', width: 6 },
      ],
      rows,
    },
    ...(defaults.length === 0
      ? []
      : [
          {
            kind: 'table' as const,
            caption: 'Table A.3. Defaults used, with their sources (shared/model/defaults.ts)',
            columns: [
              { header: 'Key', width: 0.7 },
              { header: 'Used for', width: 3 },
              { header: 'Source', width: 6 },
            ],
            rows: defaults.map((d) => [d.key, d.uses.join('; '), d.source]),
          },
        ]),
  ];
}

function placement(ctx: PlanContext, node: ModelNode): string {
  const zone = ctx.graph.zoneOf.get(node.id);
  if (zone !== undefined) return locationOf(ctx, zone) ?? zone;
  const region = ctx.graph.regionOf.get(node.id);
  if (region === undefined) return 'global';
  const zones = ctx.graph.zonesOf.get(region)?.length ?? 0;
  return `${locationOf(ctx, region) ?? region}${zones > 1 ? `, ${formatCount(zones, 'zone')}` : ''}`;
}

function inventoryAppendix(ctx: PlanContext): Block[] {
  const cost = ctx.evaluation.cost;
  const monthly = (id: string): string => {
    if (!cost) return '—';
    const lines = cost.breakdown.filter((l) => l.nodeId === id);
    const unpriced = cost.unpriced.some((u) => u.nodeId === id);
    if (lines.length === 0) return unpriced ? 'unpriced' : '—';
    return `${formatUsd(lines.reduce((sum, l) => sum + l.monthlyUsd, 0))}${unpriced ? '+' : ''}`;
  };
  return [
    appendix('Appendix B. Component inventory', 'appendix-inventory'),
    paragraph(
      'Every component of the variant with its placement, its instances and its monthly price from the cost estimate (“+”: part of it is unpriced; see chapter “Options compared and cost”).',
    ),
    {
      kind: 'table',
      caption: 'Table B.1. Components',
      columns: [
        { header: 'Component', width: 2.8 },
        { header: 'Id', width: 1.6 },
        { header: 'Kind', width: 1.3 },
        { header: 'Placement', width: 2 },
        { header: 'Instances and type', width: 2.6 },
        { header: 'Monthly', width: 1.3, align: 'right' },
      ],
      rows: components(ctx).map((n) => [
        labelOf(ctx, n.id),
        [code(n.id)],
        n.kind,
        placement(ctx, n),
        componentDetail(n, ctx.variant) || '—',
        monthly(n.id),
      ]),
    },
  ];
}

function interconnectionsAppendix(ctx: PlanContext): Block[] {
  const cross = ctx.variant.edges.filter((e) => {
    if (e.kind !== 'depends') return false;
    const a = ctx.graph.regionOf.get(e.from);
    const b = ctx.graph.regionOf.get(e.to);
    return a !== undefined && b !== undefined && a !== b;
  });
  const pairs = replicationPairs(ctx);
  const blocks: Block[] = [
    appendix('Appendix C. Interconnections', 'appendix-interconnections'),
    heading(2, 'Cross-region dependencies', 'cross-region-dependencies'),
    cross.length === 0
      ? paragraph(
          'No request crosses a region: every consumer calls dependencies in its own region or global ones, so a partition between regions does not stop a request path.',
        )
      : {
          kind: 'table',
          caption: 'Table C.1. Dependencies that cross regions (each also needs the link)',
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
    return blocks;
  }
  const volume = replicationMbps(ctx.doc.workload, 1);
  blocks.push(
    paragraph(
      `Replication volume per peer is writes per second × average write size × 8 bits: ${formatRate(volume, 'Mbit/s')} for this workload; a member sends it to each of its peers, and the model flags a lag without bound when that exceeds the link’s bandwidth. Lag is half the round trip plus the engine’s replication delay; it is the data at risk when a member fails (docs/scenarios.md).`,
    ),
    {
      kind: 'table',
      caption: 'Table C.2. Replication between data-tier members',
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
  return blocks;
}

function methodAppendix(ctx: PlanContext): Block[] {
  const a = ctx.evaluation.availability;
  return [
    appendix('Appendix D. Availability method', 'appendix-method'),
    paragraph(
      'Nines builds one Boolean function, “the entry works”, over independent basic events: each region, zone, link between regions and instance, with the steady-state availability MTBF / (MTBF + MTTR) or a given availability. Instances placed in a zone fail with it; a tier works while at least its minimum of instances works; a component works when it and all its dependencies work; a router works when enough of its targets work; a dependency between regions also needs their link. The probability of that function is computed exactly with a binary decision diagram, so shared zones and regions are never multiplied as if independent (docs/availability.md).',
    ),
    paragraph(
      'The headline figure is request-weighted: the share of good requests. It adds to the structural unavailability the time traffic takes to move after a tolerated failure (health-check detection, DNS TTL, data-tier promotion, weighted by each failure’s frequency and the share of traffic it touches) and the requests refused for lack of capacity after a failover: U = U_structural + U_transition + U_capacity.',
    ),
    {
      kind: 'table',
      caption: `Table D.1. Availability of ${ctx.variant.name}`,
      columns: [
        { header: 'Term', width: 3 },
        { header: 'Unavailability', width: 2, align: 'right' },
        { header: 'Downtime', width: 2, align: 'right' },
      ],
      rows: [
        [
          'Structural',
          a.unavailability.structural.toExponential(3),
          formatMinutesPerYear(a.structuralMinutesPerYear),
        ],
        [
          'Transitions',
          a.unavailability.transition.toExponential(3),
          formatMinutesPerYear(a.transitionMinutesPerYear),
        ],
        [
          'Capacity',
          a.unavailability.capacity.toExponential(3),
          formatMinutesPerYear(a.capacityMinutesPerYear),
        ],
        [
          `Request-weighted (availability ${formatAvailability(a.requestWeighted)}${a.nines === null ? '' : `, ${formatNines(a.nines)}`})`,
          a.unavailability.requestWeighted.toExponential(3),
          formatMinutesPerYear(a.downtimeMinutesPerYear),
        ],
      ],
    },
    {
      kind: 'table',
      caption:
        'Table D.2. Most probable minimal cut sets (failures that together stop the service)',
      columns: [
        { header: 'Events', width: 7 },
        { header: 'Probability', width: 1.6, align: 'right' },
      ],
      rows: ctx.evaluation.cutSets
        .slice(0, 8)
        .map((c) => [
          c.events.map((e) => eventLabel(ctx, e)).join(' + '),
          c.probability.toExponential(3),
        ]),
    },
    paragraph(
      'The figures were checked against brute-force enumeration on small models and an independent fault-tree engine (SCRAM) on the templates; the Monte Carlo simulation of the same model (nines simulate) gives an interval that holds the exact figure.',
    ),
  ];
}

const GLOSSARY: readonly [string, string][] = [
  [
    'Active-Active',
    'Every site serves reads and writes; data replicates between them (here: Redis Enterprise CRDB).',
  ],
  [
    'Active-passive',
    'One site (the primary) serves writes; a standby takes over after a failover.',
  ],
  [
    'AOF',
    'Append-only file: Redis persistence that logs every write, fsynced every second or on every write.',
  ],
  [
    'BIA',
    'Business impact analysis: the effect of a disruption on the mission, and the recovery objectives.',
  ],
  [
    'Birnbaum importance',
    'How much the service’s availability depends on one event: P(up | event up) − P(up | event down).',
  ],
  [
    'CRDT',
    'Conflict-free replicated data type: data that merges concurrent writes without coordination.',
  ],
  [
    'Cut set',
    'A set of failures that together stop the service; minimal when no smaller part does.',
  ],
  ['Failback', 'Returning traffic to the original site after it is repaired.'],
  ['Fussell–Vesely importance', 'The share of the unavailability in which an event takes part.'],
  ['ISCP', 'Information System Contingency Plan (NIST SP 800-34).'],
  [
    'Lag-aware failback',
    'Failback that waits until the recovered member’s replication lag is below a threshold.',
  ],
  ['MTBF', 'Mean time between failures.'],
  ['MTD', 'Maximum tolerable downtime: the longest disruption the organisation accepts.'],
  ['MTTR', 'Mean time to repair.'],
  [
    'RPO',
    'Recovery point objective: the data that may be lost, as a span of time before the disruption.',
  ],
  ['RTO', 'Recovery time objective: how long the system may remain unavailable.'],
  ['Split-brain', 'A partition between sites that each keep serving on their own.'],
  ['TTL', 'Time to live: how long clients cache a DNS answer.'],
];

function glossaryAppendix(): Block[] {
  return [
    appendix('Appendix E. Glossary', 'appendix-glossary'),
    { kind: 'keyValue', rows: GLOSSARY.map(([key, value]) => ({ key, value })) },
  ];
}

/** Appendices A–E. */
export function appendices(ctx: PlanContext): Block[] {
  return [
    PAGE_BREAK,
    ...parametersAppendix(ctx),
    ...inventoryAppendix(ctx),
    ...interconnectionsAppendix(ctx),
    ...methodAppendix(ctx),
    ...glossaryAppendix(),
  ];
}
