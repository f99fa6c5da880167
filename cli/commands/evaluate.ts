/**
 * `nines evaluate FILE [--variant ID] [--json]`: availability of each variant (FORMAT.md's JSON
 * with `--json`, else a readable table): request-weighted, structural, transition and capacity
 * minutes a year, nines, single points of failure, the top cut sets and the most important events,
 * the monthly cost from the bundled price book, and every scenario's survival, RTO and RPO.
 */
import type { EvaluationReport, VariantEvaluation } from '../../shared/engine';
import type { PriceBook, priceDateRange } from '../../shared/catalog/price-book';
import type { ScenarioResult } from '../../shared/engine';
import type { Command } from './command';
import { EXIT, loadOrReport, type CliIo } from '../io';
import {
  formatAvailability,
  formatDuration,
  formatMinutesPerYear,
  formatNines,
  formatShare,
  formatUsd,
  printable,
  withUnit,
} from '../../shared/text';

/** Rows of each list in the table. */
const TABLE_ROWS = 5;

export const evaluateCommand: Command = {
  name: 'evaluate',
  usage: 'nines evaluate FILE [--variant ID] [--json]',
  summary: 'Exact availability, downtime, cut sets and importance of each variant.',
  options: { json: { type: 'boolean' }, variant: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined || positionals.length !== 1) return EXIT.usage;
    const document = await loadOrReport(io, file);
    if (!document) return EXIT.invalid;
    const variantId = typeof values.variant === 'string' ? values.variant : undefined;
    // The engine and the price book load only for the commands that use them (`nines --help`
    // and `nines validate` start without them).
    const [{ evaluate }, { loadBundledPriceBook }, { priceDateRange }] = await Promise.all([
      import('../../shared/engine'),
      import('../price-files'),
      import('../../shared/catalog/price-book'),
    ]);
    const priceBook = await loadBundledPriceBook();
    const report = evaluate(document, variantId, { priceBook });
    for (const issue of [...report.issues, ...report.variants.flatMap((v) => v.issues)]) {
      io.stderr.write(`${file}: ${issue.severity}: ${issue.message}\n`);
    }
    if (values.json === true) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else writeTable(io, document.variants, report, priceBook, priceDateRange(priceBook));
    const failed = report.issues.length > 0 || report.variants.some((v) => !v.availability);
    return failed ? EXIT.invalid : EXIT.ok;
  },
};

function writeTable(
  io: CliIo,
  variants: readonly { id: string; name: string }[],
  report: EvaluationReport,
  priceBook: PriceBook,
  range: ReturnType<typeof priceDateRange>,
): void {
  const snapshots = range ? ` (source snapshots ${range.oldest} to ${range.newest})` : '';
  const lines: string[] = [`Prices as of ${priceBook.asOf}${snapshots}.`, ''];
  for (const v of report.variants) {
    const name = printable(variants.find((x) => x.id === v.id)?.name ?? v.id);
    lines.push(`${v.id} — ${name}`, ...variantLines(v), '');
  }
  io.stdout.write(lines.join('\n'));
}

function variantLines(v: VariantEvaluation): string[] {
  const a = v.availability;
  if (!a) return ['  not evaluated (see the messages above)'];
  // Finer than the plan: 6 decimals of availability, 2 of minutes a year.
  const percent = (x: number): string => formatAvailability(x, { digits: 6 });
  const minutes = (x: number): string => formatMinutesPerYear(x, { digits: 2 }).padStart(16);
  return [
    `  request-weighted  ${percent(a.requestWeighted)}  ${minutes(a.downtimeMinutesPerYear)}  ${a.nines === null ? withUnit('∞', 'nines') : formatNines(a.nines)}`,
    `  structural        ${percent(a.structural)}  ${minutes(a.structuralMinutesPerYear)}`,
    `  transitions       ${' '.repeat(12)}${minutes(a.transitionMinutesPerYear)}`,
    `  capacity          ${' '.repeat(12)}${minutes(a.capacityMinutesPerYear)}`,
    ...(a.plannedMinutesPerYear > 0
      ? [
          `  planned           ${' '.repeat(12)}${minutes(a.plannedMinutesPerYear)}`,
          `  without planned   ${percent(a.withoutPlannedDowntime.requestWeighted)}  ${minutes(a.withoutPlannedDowntime.downtimeMinutesPerYear)}`,
        ]
      : []),
    `  single points of failure: ${v.singlePointsOfFailure.join(', ') || 'none'}`,
    '  most probable cut sets:',
    ...v.cutSets
      .slice(0, TABLE_ROWS)
      .map((c) => `    ${c.probability.toExponential(3).padStart(10)}  ${c.events.join(' + ')}`),
    '  most important events (Fussell–Vesely, Birnbaum):',
    ...v.importance
      .slice(0, TABLE_ROWS)
      .map(
        (i) =>
          `    ${i.fussellVesely.toFixed(4).padStart(10)}  ${i.birnbaum.toExponential(3).padStart(10)}  ${i.event}`,
      ),
    ...costLines(v),
    ...scenarioLines(v.scenarios),
  ];
}

function costLines(v: VariantEvaluation): string[] {
  const cost = v.cost;
  if (!cost) return [];
  const bound = cost.isComplete ? '' : ' (lower bound: some items are unpriced)';
  return [
    `  monthly cost      ${formatUsd(cost.monthly)}${bound}`,
    ...(cost.expectedDowntimeCostPerYear === null
      ? []
      : [`  downtime cost     ${formatUsd(cost.expectedDowntimeCostPerYear)} a year expected`]),
    ...cost.unpriced.map((u) => `    unpriced: ${u.nodeId ?? ''} ${u.reason}`.trimEnd()),
  ];
}

function scenarioLines(scenarios: readonly ScenarioResult[]): string[] {
  if (scenarios.length === 0) return [];
  const time = (x: number | null): string => (x === null ? 'never' : formatDuration(x));
  const mark = (ok: boolean): string => (ok ? 'ok' : 'MISSED');
  const outcome = (s: ScenarioResult): string =>
    s.status === 'full'
      ? 'full service'
      : s.status === 'degraded'
        ? `degraded (${formatShare(s.servedShare)} served)`
        : 'service down';
  return [
    '  scenarios:',
    ...scenarios.flatMap((s) =>
      s.applies
        ? [
            `    ${printable(s.name)}: ${outcome(s)}; first requests after ${time(s.timeToServiceSeconds)}, every request after ${time(s.timeToFullCapacitySeconds)}; RTO ${time(s.rtoSeconds)} (${mark(s.meetsRto)}), RPO ${time(s.rpoSeconds)} (${mark(s.meetsRpo)}), MTD ${mark(s.meetsMtd)}`,
            ...[...s.notes, ...s.issues.map((i) => i.message)].map((n) => `      - ${n}`),
          ]
        : [
            `    ${printable(s.name)}: does not apply (${s.reason ?? 'names nothing of this variant'})`,
          ],
    ),
  ];
}
