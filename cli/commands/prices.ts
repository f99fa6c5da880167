/**
 * `nines prices [--provider P] [--region R] [--type T] [--json] [--prices FILE]`: what the
 * bundled price book holds (with the prices of `--prices` over it), one price a line: its key,
 * USD per unit, vCPUs and memory of an instance type, source and as-of date. `--type` keeps the
 * items that start with T (`m7i` lists every m7i size, `m7i.large` that size). `--json` gives
 * `{ format: "nines-prices/1", bookAsOf, count, prices: [...], sources: {...} }` with the
 * sources the listed prices cite.
 */
import type { BookRow } from '../../shared/catalog/price-index';
import { formatCount, formatGiB, formatNumber, withUnit } from '../../shared/text';
import type { Command } from './command';
import { EXIT } from '../io';

/** The rows that match the filters, sorted by key. */
export function selectPrices(
  filter: { provider?: string; region?: string; type?: string },
  rows: readonly BookRow[],
): BookRow[] {
  return rows
    .filter(
      (r) =>
        (filter.provider === undefined || r.provider === filter.provider) &&
        (filter.region === undefined || r.location === filter.region) &&
        (filter.type === undefined || r.item.startsWith(filter.type)),
    )
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** One line per price, columns padded: key, price, vCPU, memory, source, as of. */
export function formatPriceTable(rows: readonly BookRow[]): string {
  const cells = rows.map((r) => [
    r.key,
    `$${r.entry.usd}/${r.entry.unit}`,
    r.entry.vcpu === undefined ? '' : withUnit(formatNumber(r.entry.vcpu), 'vCPU'),
    r.entry.memGiB === undefined ? '' : formatGiB(r.entry.memGiB),
    r.entry.source,
    r.entry.asOf,
  ]);
  const head = ['key', 'price', 'vCPU', 'memory', 'source', 'as of'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), ...cells.map(line)].map((l) => `${l}\n`).join('');
}

export const pricesCommand: Command = {
  name: 'prices',
  usage: 'nines prices [--provider P] [--region R] [--type T] [--json] [--prices FILE]',
  summary: 'List the prices of the bundled price book (instance types with vCPU and memory).',
  options: {
    provider: { type: 'string' },
    region: { type: 'string' },
    type: { type: 'string' },
    json: { type: 'boolean' },
    prices: { type: 'string' },
  },
  async run({ positionals, values }, io) {
    if (positionals.length > 0) return EXIT.usage;
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const [{ loadBookWithImports }, { bookIndex }] = await Promise.all([
      import('../price-files'),
      import('../../shared/catalog/price-index'),
    ]);
    const loaded = await loadBookWithImports(io, text(values.prices));
    if (!loaded) return EXIT.invalid;
    const { book } = loaded;
    const rows = selectPrices(
      { provider: text(values.provider), region: text(values.region), type: text(values.type) },
      bookIndex(book).rows,
    );
    if (values.json === true) {
      const sources = Object.fromEntries(
        [...new Set(rows.map((r) => r.entry.source))]
          .sort()
          .flatMap((id) => (book.sources[id] ? [[id, book.sources[id]]] : [])),
      );
      const prices = rows.map((r) => ({
        key: r.key,
        provider: r.provider,
        location: r.location,
        category: r.category,
        item: r.item,
        ...r.entry,
      }));
      const out = {
        format: 'nines-prices/1',
        bookAsOf: book.asOf,
        count: rows.length,
        prices,
        sources,
      };
      io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return EXIT.ok;
    }
    if (rows.length === 0) {
      io.stderr.write('no price in the book matches (see nines prices --help)\n');
      return EXIT.invalid;
    }
    io.stdout.write(formatPriceTable(rows));
    io.stdout.write(`${formatCount(rows.length, 'price')}, book as of ${book.asOf}\n`);
    return EXIT.ok;
  },
};
