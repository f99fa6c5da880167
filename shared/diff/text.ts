/** The diff as text for a terminal: a headline, then each variant's figures and `~ + -` list. */
import { formatAvailability, formatCount } from '../text';
import { arrow, minutesArrow, SHOW } from './display';
import {
  costChangeText,
  costText,
  documentLines,
  downtimeText,
  headlineParts,
  KEY_LINE,
  migrationLines,
  pricesLine,
  ninesText,
  scenarioChangeText,
  spofText,
  topologyLines,
  topologySummary,
} from './lines';
import type { DesignDiff, NumberPair, VariantDiff } from './types';

/** The whole diff as lines of text, ending with a line break. */
export function renderText(diff: DesignDiff): string {
  const { verdict, tone, deltas } = headlineParts(diff);
  const out = [
    `Nines diff: ${diff.base.file} → ${diff.head.file}`,
    [tone === 'regression' ? `! ${verdict}` : verdict, ...deltas].join(' · '),
    ...migrationLines(diff),
    '',
  ];
  const doc = documentLines(diff.document);
  if (doc.length > 0) {
    out.push('Document:', ...doc.map((l) => `  ${l}`));
    if (diff.document.targetsChanged)
      out.push("  (targets changed: regressions are judged against the head's)");
    out.push('');
  }
  for (const v of diff.variants) out.push(...variantLines(v), '');
  out.push(pricesLine(diff), KEY_LINE, '');
  return out.join('\n');
}

function variantLines(v: VariantDiff): string[] {
  const renamed = v.baseId !== null && v.baseId !== v.id ? ` (base: ${v.baseId})` : '';
  const head = `Variant ${v.id}${renamed} — ${v.name}: ${v.status}`;
  if (v.status === 'unchanged') {
    return [
      v.topology.layoutChanges === 0
        ? head
        : `${head} (${formatCount(v.topology.layoutChanges, 'layout move')} not shown)`,
    ];
  }
  const f = v.figures;
  const row = (label: string, text: string): string => `  ${label.padEnd(20)}${text}`;
  const numbers = (p: NumberPair, show: (x: number) => string): string =>
    arrow(p.before, p.after, show);
  const cost = f.monthlyCostUsd;
  const costChange = costChangeText(cost);
  const lines = [
    head,
    row('availability', numbers(f.availability.requestWeighted, formatAvailability)),
    row('  structural', numbers(f.availability.structural, formatAvailability)),
    row('downtime', downtimeText(v)),
    row(
      '  structural',
      minutesArrow(f.downtimeTerms.structural.before, f.downtimeTerms.structural.after),
    ),
    row(
      '  transitions',
      minutesArrow(f.downtimeTerms.transition.before, f.downtimeTerms.transition.after),
    ),
    row(
      '  capacity',
      minutesArrow(f.downtimeTerms.capacity.before, f.downtimeTerms.capacity.after),
    ),
    row('nines', ninesText(f)),
    row('SPOFs', spofText(f)),
    row(
      'monthly cost',
      `${costText(cost.before, cost.complete[0])} → ${costText(cost.after, cost.complete[1])}${costChange === '' ? '' : ` (${costChange})`}`,
    ),
    row('yearly total', numbers(f.yearlyTotalUsd, SHOW.usd)),
    row('scenarios failing', numbers(f.scenariosFailing, SHOW.count)),
  ];
  if (v.status === 'added' || v.status === 'removed') {
    lines.push(`  Topology: ${topologySummary(v.topology)}`);
    return lines;
  }
  const scenarios = v.scenarios.filter((s) => s.changed);
  if (scenarios.length > 0) {
    lines.push(
      '  Scenarios:',
      ...scenarios.map((s) => `    ~ ${s.name} (${s.id}): ${scenarioChangeText(s)}`),
    );
  }
  const topology = topologyLines(v.topology);
  if (topology.length > 0 || v.topology.layoutChanges > 0) {
    lines.push(
      '  Topology:',
      ...topology.map((l) => `    ${l}`),
      ...(v.topology.layoutChanges > 0
        ? [`    ${formatCount(v.topology.layoutChanges, 'layout move')} not shown`]
        : []),
    );
  }
  if (v.regressions.length > 0)
    lines.push('  Regressions:', ...v.regressions.map((r) => `    ! ${r.detail}`));
  if (v.improvements.length > 0) {
    lines.push('  Improvements:', ...v.improvements.map((r) => `    ✓ ${r.detail}`));
  }
  return lines;
}
