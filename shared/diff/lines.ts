/**
 * The pieces of a diff that every output shares (terminal text, Markdown, the app's diff view):
 * the headline, the topology lines with their `~ + -` keys, a scenario's change in words and the
 * figure rows. Numbers go through `display.ts` (shared/text); values the user typed are echoed
 * as the file has them (docs/conventions.md).
 */
import { formatCount, formatNines, listOf, withUnit } from '../text';
import {
  arrow,
  minutesArrow,
  MISSING,
  SHOW,
  signedMinutes,
  signedPercent,
  signedUsd,
} from './display';
import type {
  CostPair,
  DesignDiff,
  DocumentChanges,
  FieldChange,
  FiguresDiff,
  ScenarioDiff,
  ScenarioOutcome,
  TopologyDiff,
  VariantDiff,
} from './types';

/** The key printed under every list of changes. */
export const KEY_LINE = 'Key: ~ changed, + added, - removed, > renamed.';

/** A value the user typed, as the file has it; a default says so. */
function value(v: unknown, explicit: boolean): string {
  if (v === null || v === undefined) return 'none';
  const text = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v);
  return explicit ? text : `${text} (default)`;
}

/** `instances 15 → 9; minHealthy 1 (default) → 2`. */
export function fieldsText(fields: readonly FieldChange[]): string {
  return fields
    .map((f) => `${f.path} ${value(f.before, f.explicit[0])} → ${value(f.after, f.explicit[1])}`)
    .join('; ');
}

function withFields(head: string, fields: readonly FieldChange[]): string {
  return fields.length === 0 ? head : `${head}  ${fieldsText(fields)}`;
}

/** One line per topology change of a variant (layout moves are counted by the caller). */
export function topologyLines(t: TopologyDiff): string[] {
  const edge = (e: { from: string; to: string; kind: string }): string =>
    `edge ${e.from} → ${e.to} (${e.kind})`;
  const link = (l: { a: string; b: string }): string => `link ${l.a} ↔ ${l.b}`;
  return [
    ...(t.fields.length > 0 ? [withFields('~ variant', t.fields)] : []),
    ...t.nodes.changed.map((n) => withFields(`~ ${n.id} (${n.kind})`, n.fields)),
    ...t.nodes.renamed.map((r) => withFields(`> ${r.from} → ${r.to} (${r.kind})`, r.fields)),
    ...t.nodes.added.map((n) => `+ ${n.id} (${n.kind})`),
    ...t.nodes.removed.map((n) => `- ${n.id} (${n.kind})`),
    ...t.edges.changed.map((e) => withFields(`~ ${edge(e)}`, e.fields)),
    ...t.edges.added.map((e) => `+ ${edge(e)}`),
    ...t.edges.removed.map((e) => `- ${edge(e)}`),
    ...t.links.changed.map((l) => withFields(`~ ${link(l)}`, l.fields)),
    ...t.links.added.map((l) => `+ ${link(l)}`),
    ...t.links.removed.map((l) => `- ${link(l)}`),
  ];
}

/** One line per change outside the variants. */
export function documentLines(d: DocumentChanges): string[] {
  return [
    ...d.fields.map((f) => `~ ${fieldsText([f])}`),
    ...d.scenarios.changed.map((s) => withFields(`~ scenario ${s.id}`, s.fields)),
    ...d.scenarios.added.map((id) => `+ scenario ${id}`),
    ...d.scenarios.removed.map((id) => `- scenario ${id}`),
  ];
}

/** `1 node changed, 1 added, 1 edge removed; 4 layout moves not shown`. */
export function topologySummary(t: TopologyDiff): string {
  const parts: string[] = [];
  const nodeParts = [
    [t.nodes.changed.length, 'changed'],
    [t.nodes.added.length, 'added'],
    [t.nodes.removed.length, 'removed'],
    [t.nodes.renamed.length, 'renamed'],
  ] as const;
  const group = (noun: string, counts: readonly (readonly [number, string])[]): void => {
    const present = counts.filter(([n]) => n > 0);
    present.forEach(([n, what], i) =>
      parts.push(i === 0 ? `${formatCount(n, noun)} ${what}` : `${SHOW.count(n)} ${what}`),
    );
  };
  group('node', nodeParts);
  group('edge', [
    [t.edges.changed.length, 'changed'],
    [t.edges.added.length, 'added'],
    [t.edges.removed.length, 'removed'],
  ]);
  group('link', [
    [t.links.changed.length, 'changed'],
    [t.links.added.length, 'added'],
    [t.links.removed.length, 'removed'],
  ]);
  if (t.fields.length > 0) parts.push(formatCount(t.fields.length, 'variant field') + ' changed');
  const listed = parts.length === 0 ? 'no topology change' : parts.join(', ');
  return t.layoutChanges === 0
    ? listed
    : `${listed}; ${formatCount(t.layoutChanges, 'layout move')} not shown`;
}

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
const metMissed = (b: boolean): string => (b ? 'met' : 'missed');

/** What changed in one scenario's outcome, in words: `served 100 % → 60 %; RTO 30 s → 90 s (met → missed)`. */
export function scenarioChangeText(s: ScenarioDiff): string {
  const { before: b, after: a } = s;
  if (b === null || a === null) {
    const side = (b ?? a) as ScenarioOutcome;
    return `${b === null ? 'new' : 'gone'}: ${outcomeText(side)}`;
  }
  if (!b.applies || !a.applies) {
    return b.applies === a.applies
      ? 'does not apply'
      : `applies ${yesNo(b.applies)} → ${yesNo(a.applies)}`;
  }
  const parts: string[] = [];
  if (b.status !== a.status) parts.push(`status ${b.status ?? MISSING} → ${a.status ?? MISSING}`);
  if (SHOW.share(b.servedShare) !== SHOW.share(a.servedShare)) {
    parts.push(`served ${arrow(b.servedShare, a.servedShare, SHOW.share)}`);
  }
  const time = (label: string, x: number | null, y: number | null, m: boolean, n: boolean) => {
    if (SHOW.duration(x) !== SHOW.duration(y) || m !== n) {
      parts.push(
        `${label} ${arrow(x, y, SHOW.duration)}${m === n ? '' : ` (${metMissed(m)} → ${metMissed(n)})`}`,
      );
    }
  };
  time('RTO', b.rtoSeconds, a.rtoSeconds, b.meetsRto, a.meetsRto);
  time('RPO', b.rpoSeconds, a.rpoSeconds, b.meetsRpo, a.meetsRpo);
  if (b.meetsMtd !== a.meetsMtd)
    parts.push(`MTD ${metMissed(b.meetsMtd)} → ${metMissed(a.meetsMtd)}`);
  return parts.join('; ');
}

/** One side's outcome in a few words: `degraded, 60 % served, RTO 90 s, RPO 1 ms`. */
export function outcomeText(o: ScenarioOutcome): string {
  if (!o.applies) return 'does not apply';
  return `${o.status ?? MISSING}, ${SHOW.share(o.servedShare)} served, RTO ${SHOW.duration(o.rtoSeconds)}, RPO ${SHOW.duration(o.rpoSeconds)}${o.meetsTargets ? '' : ', misses its targets'}`;
}

/** A monthly cost with `≥` when it is a lower bound. */
export function costText(amount: number | null, complete: boolean | null): string {
  if (amount === null) return MISSING;
  return `${complete === false ? '≥ ' : ''}${SHOW.usd(amount)}`;
}

/**
 * The cost change in words, claimed only where the unpriced items allow (see `CostPair`):
 * `−$845, −14 %`, `at least +$120, +2.0 %`, or why no direction is claimed.
 */
export function costChangeText(c: CostPair): string {
  if (c.before === null || c.after === null || c.delta === null) return '';
  if (c.direction === 'none') return 'no change';
  if (c.direction === 'unknown') {
    const why = [
      ...(c.unpricedOnlyInHead.length > 0
        ? [`${SHOW.count(c.unpricedOnlyInHead.length)} only in the head`]
        : []),
      ...(c.unpricedOnlyInBase.length > 0
        ? [`${SHOW.count(c.unpricedOnlyInBase.length)} only in the base`]
        : []),
    ];
    return `change not known: unpriced items differ, ${listOf(why)}`;
  }
  const bound = c.complete[0] === true && c.complete[1] === true ? '' : 'at least ';
  const pct = c.deltaPct === null ? '' : `, ${signedPercent(c.deltaPct)}`;
  return `${bound}${signedUsd(c.delta)}${pct}`;
}

/**
 * The single points of failure: `+ redis, - dns` when they changed, `dns (unchanged)`, or
 * `dns → —` for a variant on one side only.
 */
export function spofText(f: FiguresDiff): string {
  const spof = f.singlePointsOfFailure;
  const list = (events: readonly string[] | null): string | null =>
    events === null ? null : events.join(', ') || 'none';
  if (spof.before === null || spof.after === null) {
    return arrow(list(spof.before), list(spof.after), (x) => x);
  }
  if (spof.added.length + spof.removed.length === 0) return `${list(spof.after)} (unchanged)`;
  return [...spof.added.map((e) => `+ ${e}`), ...spof.removed.map((e) => `- ${e}`)].join(', ');
}

/**
 * Nines before → after with the word once, `4.93 → 4.27 nines`: `∞` where a side has no
 * unavailability at all, {@link MISSING} where it has no figures.
 */
export function ninesText(f: FiguresDiff): string {
  const side = (nines: number | null, availability: number | null): string =>
    availability === null ? MISSING : nines === null ? '∞' : formatNines(nines, { bare: true });
  const rw = f.availability.requestWeighted;
  return withUnit(`${side(f.nines.before, rw.before)} → ${side(f.nines.after, rw.after)}`, 'nines');
}

/** `6.2 → 15.7 min/yr (+9.4 min/yr, +151 %)`. */
export function downtimeText(v: VariantDiff): string {
  const d = v.figures.downtimeMinutesPerYear;
  const change =
    d.delta === null || !d.changed
      ? ''
      : ` (${signedMinutes(d.delta)}${d.deltaPct === null ? '' : `, ${signedPercent(d.deltaPct)}`})`;
  return `${minutesArrow(d.before, d.after)}${change}`;
}

/** The variants whose figures a headline speaks of: the changed ones. */
function changedVariants(diff: DesignDiff): VariantDiff[] {
  return diff.variants.filter((v) => v.status !== 'unchanged');
}

/**
 * The headline's parts: the regression count (`tone` for an output's own mark), then for a single changed variant its main
 * deltas (availability, downtime, cost), else how many variants changed. Identical designs read
 * `No design change`.
 */
export function headlineParts(diff: DesignDiff): {
  verdict: string;
  tone: 'same' | 'regression' | 'ok';
  deltas: string[];
} {
  const s = diff.summary;
  const moves = s.layoutChanges === 0 ? '' : ` (${formatCount(s.layoutChanges, 'layout move')})`;
  if (!s.designChanged) return { verdict: `No design change${moves}`, tone: 'same', deltas: [] };
  const tone = s.regressions > 0 ? 'regression' : 'ok';
  const verdict = s.regressions > 0 ? formatCount(s.regressions, 'regression') : 'no regression';
  const changed = changedVariants(diff);
  const single = changed.length === 1 ? changed[0] : undefined;
  if (single === undefined) {
    return {
      verdict,
      tone,
      deltas:
        changed.length === 0
          ? ['document changed, figures unchanged']
          : [
              `${SHOW.count(changed.length)} of ${formatCount(diff.variants.length, 'variant')} changed`,
            ],
    };
  }
  const f = single.figures;
  const cost = f.monthlyCostUsd;
  const costChange = costChangeText(cost);
  return {
    verdict,
    tone,
    deltas: [
      `availability ${arrow(f.availability.requestWeighted.before, f.availability.requestWeighted.after, SHOW.availability)}`,
      `downtime ${downtimeText(single)}`,
      `cost ${costText(cost.before, cost.complete[0])} → ${costText(cost.after, cost.complete[1])} /mo${costChange === '' || costChange === 'no change' ? '' : ` (${costChange})`}`,
    ],
  };
}

/** `Prices: bundled price book 2026-11-26 + 12 prices from prices.csv.` */
export function pricesLine(diff: DesignDiff): string {
  const imported = diff.importedPrices;
  const extra =
    imported === null ? '' : ` + ${formatCount(imported.count, 'price')} from ${imported.file}`;
  return `Prices: bundled price book ${diff.priceBookAsOf}${extra}, the same for both sides.`;
}

/** `base migrated from nines/0 (nines/0 → nines/1)` lines, one per migrated side. */
export function migrationLines(diff: DesignDiff): string[] {
  return (
    [
      ['base', diff.base],
      ['head', diff.head],
    ] as const
  ).flatMap(([label, side]) =>
    side.migrated.length === 0
      ? []
      : [`The ${label} was migrated first: ${side.migrated.join(', ')}.`],
  );
}
