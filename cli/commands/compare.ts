/**
 * `nines compare FILE [--json | --csv] [--prices PRICES.csv|.json]`: every variant priced from
 * the bundled price book (plus imported prices), ranked by yearly total among those that meet
 * the targets, with what each extra nine costs. The table names the price book's date.
 */
import type { Comparison } from '../../shared/engine';
import type { NinesDocument } from '../../shared/model/types';
import type { Command } from './command';
import { EXIT, loadOrReport } from '../io';
import {
  fixed,
  formatAvailability,
  formatCount,
  formatNines,
  formatSignedUsd,
  formatUsd,
  printable,
} from '../../shared/text';

export const compareCommand: Command = {
  name: 'compare',
  usage: 'nines compare FILE [--json | --csv] [--prices FILE.csv|FILE.json]',
  summary: 'Rank the variants by yearly cost among those that meet the targets.',
  options: {
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    prices: { type: 'string' },
  },
  async run({ positionals, values }, io) {
    if (positionals.length !== 1 || (values.json === true && values.csv === true))
      return EXIT.usage;
    const file = positionals[0] as string;
    const document = await loadOrReport(io, file);
    if (!document) return EXIT.invalid;
    // Loaded here, not at start-up: `nines validate` needs none of them.
    const [
      { costBreakdownCsv },
      { priceDateRange },
      { loadBookWithImports },
      { availabilityFromReport, compare, evaluate },
    ] = await Promise.all([
      import('../../shared/catalog/csv'),
      import('../../shared/catalog/price-book'),
      import('../price-files'),
      import('../../shared/engine'),
    ]);
    const loaded = await loadBookWithImports(
      io,
      typeof values.prices === 'string' ? values.prices : undefined,
    );
    if (!loaded) return EXIT.invalid;
    const { book, imported } = loaded;
    const doc = document;
    const result = compare(doc, {
      priceBook: book,
      availabilityOf: availabilityFromReport(doc, evaluate(doc)),
    });
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else if (values.csv === true) {
      io.stdout.write(costBreakdownCsv(result.variants.map((v) => v.cost)));
    } else {
      const range = priceDateRange(book);
      const sources = range ? ` (source snapshots ${range.oldest} to ${range.newest})` : '';
      const added = imported === 0 ? '' : ` + ${imported} prices from ${values.prices as string}`;
      io.stdout.write(formatComparison(doc, result, `${sources}${added}`));
    }
    return EXIT.ok;
  },
};

/** The comparison as a table for a terminal, with the price book's date. */
export function formatComparison(doc: NinesDocument, result: Comparison, extra = ''): string {
  const basis =
    Object.keys(doc.catalog?.discounts ?? {}).length > 0
      ? "USD, the document's discounts applied"
      : 'USD, list prices';
  const out: string[] = [
    `${printable(doc.name)}: ${formatCount(result.variants.length, 'variant')}, prices as of ${result.priceBookAsOf}${extra} (${basis})`,
    '',
  ];
  const header = [
    '#',
    'variant',
    'availability',
    'nines',
    'down min/yr',
    'monthly',
    'downtime/yr',
    'yearly total',
    'targets',
  ];
  const rows = result.variants.map((v) => [
    String(v.rank),
    v.id,
    v.availability === null ? '—' : formatAvailability(v.availability),
    v.nines === null ? '—' : formatNines(v.nines, { bare: true }),
    v.downtimeMinutesPerYear === null ? '—' : fixed(v.downtimeMinutesPerYear, 1),
    `${formatUsd(v.monthlyUsd)}${v.isComplete ? '' : '+'}`,
    v.expectedDowntimeCostPerYear === null ? '—' : formatUsd(v.expectedDowntimeCostPerYear),
    `${formatUsd(v.yearlyTotal)}${v.isComplete ? '' : '+'}`,
    v.meetsTargets ? 'met' : `missed: ${v.misses.join('; ')}`,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
  );
  const right = new Set([0, 2, 3, 4, 5, 6, 7]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === cells.length - 1
          ? c
          : right.has(i)
            ? c.padStart(widths[i] as number)
            : c.padEnd(widths[i] as number),
      )
      .join('  ');
  out.push(line(header), ...rows.map(line), '');
  if (result.steps.length > 0) {
    out.push('What each extra nine costs (yearly infrastructure, neighbours by availability):');
    for (const s of result.steps) {
      const per =
        s.usdPerNinePerYear === null || s.extraNines < 0.01
          ? ', no measurable extra nine'
          : `, ${formatUsd(s.usdPerNinePerYear)} per nine`;
      out.push(
        `  ${s.from} → ${s.to}: +${formatNines(s.extraNines)}, ${formatSignedUsd(s.extraYearlyUsd)}/yr${per}`,
      );
    }
    out.push('');
  }
  const unpriced = result.variants.flatMap((v) => v.cost.unpriced.map((u) => ({ id: v.id, u })));
  if (unpriced.length > 0) {
    out.push('Not priced, left out of the totals (+ marks a lower bound):');
    for (const { id, u } of unpriced) out.push(`  ${id}: ${u.nodeId} ${u.category}: ${u.reason}`);
    out.push('');
  }
  return out.join('\n');
}
