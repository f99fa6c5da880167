/**
 * Appendix: every parameter of the model's components and links with its value and where it
 * comes from (the file, or a documented default with its source).
 */
import {
  LINK_DEFAULTS,
  NODE_DEFAULTS,
  nodeDefault,
  type DefaultValue,
} from '../../../model/defaults';
import type { ModelNode } from '../../../model/types';
import { code, paragraph, type Block, type Cell } from '../../document';
import { eventLabel, labelOf, linkBetween, type PlanContext } from '../context';
import { formatAvailability, formatCount, formatNumber } from '../../../text';
import { appendixHeading, appendixTable } from '../appendix-labels';

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

/** Appendix: every parameter of the model with its value and its source. */
export function parametersAppendix(ctx: PlanContext): Block[] {
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
    appendixHeading('parameters'),
    paragraph(
      `Every figure of this plan is computed from the parameters below. “file” means the value is given in the model; “Dn” means the file leaves it out and the documented default applies, with the source listed in ${appendixTable('parameters', 3).slice(0, -1)}. Units are in the parameter names (hours, seconds, milliseconds, megabits per second).`,
    ),
    {
      kind: 'table',
      caption: `${appendixTable('parameters', 1)} Objectives and workload (from the file)`,
      columns: [
        { header: 'Parameter', width: 3 },
        { header: 'Value', width: 2, align: 'right' },
      ],
      rows: given.map((g) => [[code(g.key)], g.value]),
    },
    {
      kind: 'table',
      caption: `${appendixTable('parameters', 2)} Failure and recovery parameters (value and source)`,
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
            caption: `${appendixTable('parameters', 3)} Defaults used, with their sources`,
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
