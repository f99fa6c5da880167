/**
 * The diff as a pull-request comment (GitHub Markdown): a hidden marker line CI finds to update
 * its previous comment, a headline with the main deltas, the regressions, a variant table, a
 * scenario table, the topology changes in a collapsed block, and the price book's date.
 */
import { fixed, formatAvailability, formatCount, formatNines } from '../text';
import { MISSING, SHOW, signedMinutes, signedUsd } from './display';
import {
  costText,
  documentLines,
  headlineParts,
  KEY_LINE,
  migrationLines,
  pricesLine,
  topologyLines,
  topologySummary,
} from './lines';
import type { DesignDiff, NumberPair, ScenarioDiff, ScenarioOutcome, VariantDiff } from './types';

/** The start of the marker line, for a CI script to find the comment it posted before. */
export const MARKER_PREFIX = '<!-- nines-diff:';

/** The diff as Markdown, ending with a line break. */
export function renderMarkdown(diff: DesignDiff): string {
  const { verdict, tone, deltas } = headlineParts(diff);
  const mark = tone === 'regression' ? '⚠️ ' : tone === 'ok' ? '✅ ' : '';
  const out = [
    `${MARKER_PREFIX} ${markerSafe(diff.head.file)} -->`,
    `### Nines design review — ${codeSpan(diff.head.file)}`,
    '',
    [`**${mark}${verdict}**`, ...deltas.map(escapeText)].join(' · '),
    '',
  ];
  const migrated = migrationLines(diff);
  if (migrated.length > 0) out.push(...migrated.map(escapeText), '');
  const regressions = diff.variants.flatMap((v) =>
    v.regressions.map((r) => `- ${codeSpan(v.id)}: ${escapeText(r.detail)}`),
  );
  if (regressions.length > 0) out.push('**Regressions**', '', ...regressions, '');
  const improvements = diff.variants.flatMap((v) =>
    v.improvements.map((r) => `- ${codeSpan(v.id)}: ${escapeText(r.detail)}`),
  );
  if (improvements.length > 0) out.push('**Improvements**', '', ...improvements, '');
  if (diff.summary.designChanged) {
    out.push(...variantTable(diff.variants), '');
    out.push(...scenarioTable(diff.variants), '');
    out.push(...topologyBlock(diff), '');
  }
  out.push(escapeText(`${pricesLine(diff)} ${KEY_LINE}`), '');
  return out.join('\n');
}

function variantTable(variants: readonly VariantDiff[]): string[] {
  const cell = (p: NumberPair, show: (x: number) => string, delta?: (d: number) => string) => {
    const text = `${p.before === null ? MISSING : show(p.before)} → ${p.after === null ? MISSING : show(p.after)}`;
    const change = p.changed && p.delta !== null && delta ? ` (${delta(p.delta)})` : '';
    return p.changed ? `**${text}${change}**` : text;
  };
  const minutes = (m: number): string => fixed(m, 1);
  const rows = variants.map((v) => {
    const f = v.figures;
    const cost = f.monthlyCostUsd;
    const costCell = `${costText(cost.before, cost.complete[0])} → ${costText(cost.after, cost.complete[1])}${
      cost.changed &&
      cost.delta !== null &&
      (cost.direction === 'increase' || cost.direction === 'decrease')
        ? ` (${signedUsd(cost.delta)})`
        : cost.direction === 'unknown' && cost.before !== null && cost.after !== null
          ? ' (change not known)'
          : ''
    }`;
    return [
      `${codeSpan(v.id)} ${escapeText(v.name)}`,
      v.status,
      cell(f.availability.requestWeighted, (x) => formatAvailability(x)),
      cell(f.downtimeMinutesPerYear, minutes, (d) => signedMinutes(d).replace(/\s*min\/yr$/, '')),
      cell(f.nines, (n) => formatNines(n, { bare: true })),
      cost.changed ? `**${costCell}**` : costCell,
      cell(f.yearlyTotalUsd, SHOW.usd),
      cell(f.scenariosFailing, SHOW.count),
    ];
  });
  return table(
    [
      'Variant',
      'Status',
      'Availability',
      'Downtime (min/yr)',
      'Nines',
      'Monthly cost',
      'Yearly total',
      'Scenarios failing',
    ],
    rows,
  );
}

const check = (b: boolean): string => (b ? '✅' : '❌');

function scenarioTable(variants: readonly VariantDiff[]): string[] {
  const changed = variants.flatMap((v) =>
    v.scenarios.filter((s) => s.changed).map((s) => ({ v, s })),
  );
  if (changed.length === 0) return ['No scenario outcome changed.'];
  const part = (s: ScenarioDiff, show: (o: ScenarioOutcome) => string, always = false): string => {
    const text = (o: ScenarioOutcome | null): string =>
      o === null ? MISSING : o.applies || always ? show(o) : 'n/a';
    const before = text(s.before);
    const after = text(s.after);
    return before === after ? `${before} → ${after}` : `${before} → **${after}**`;
  };
  // The Applies column only when some scenario starts or stops applying.
  const appliesChanged = changed.some(
    ({ s }) => s.before !== null && s.after !== null && s.before.applies !== s.after.applies,
  );
  const rows = changed.map(({ v, s }) => [
    codeSpan(v.id),
    `${escapeText(s.name)} (${codeSpan(s.id)})`,
    ...(appliesChanged ? [part(s, (o) => (o.applies ? 'yes' : 'no'), true)] : []),
    part(s, (o) => o.status ?? MISSING),
    part(s, (o) => SHOW.share(o.servedShare)),
    part(s, (o) => SHOW.duration(o.rtoSeconds)),
    part(s, (o) => SHOW.duration(o.rpoSeconds)),
    part(s, (o) => check(o.meetsTargets)),
  ]);
  return table(
    [
      'Variant',
      'Scenario',
      ...(appliesChanged ? ['Applies'] : []),
      'Status',
      'Served',
      'RTO',
      'RPO',
      'Meets targets',
    ],
    rows,
  );
}

function topologyBlock(diff: DesignDiff): string[] {
  const body: string[] = [];
  const doc = documentLines(diff.document);
  if (doc.length > 0) body.push('document:', ...doc.map((l) => `  ${l}`));
  const summaries: string[] = [];
  for (const v of diff.variants) {
    const lines = topologyLines(v.topology);
    if (v.status === 'added' || v.status === 'removed') {
      body.push(`${v.status === 'added' ? '+' : '-'} variant ${v.id}`);
      continue;
    }
    if (lines.length === 0 && v.topology.layoutChanges === 0) continue;
    summaries.push(`${v.id}: ${topologySummary(v.topology)}`);
    if (lines.length > 0) body.push(`${v.id}:`, ...lines.map((l) => `  ${l}`));
  }
  if (body.length === 0 && summaries.length === 0) return ['No topology change.'];
  const summary = [
    ...(doc.length > 0 ? [formatCount(doc.length, 'document change')] : []),
    ...summaries,
  ].join('; ');
  const fence = fenceFor(body.join('\n'));
  return [
    `<details><summary>Topology changes (${escapeText(summary || 'variants added or removed')})</summary>`,
    '',
    ...(body.length > 0 ? [fence, ...body, fence] : ['Layout moves only.']),
    '',
    '</details>',
  ];
}

function table(header: readonly string[], rows: readonly string[][]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.map(cellSafe).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)];
}

/** A table cell: a `|` would end it and a line break would end the row. */
function cellSafe(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

/** Text a user typed (names) or a sentence made from it, with Markdown's and HTML's active characters escaped. */
export function escapeText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

/** Inline code that holds any text: delimited by one more backtick than its longest run. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** A code fence longer than any run of backticks in `body`, so the body cannot close it. */
function fenceFor(body: string): string {
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** A file name inside an HTML comment: `--` and `>` could end it early. */
function markerSafe(file: string): string {
  return file.replace(/\r?\n/g, ' ').replace(/-{2,}/g, '-').replace(/>/g, '');
}
