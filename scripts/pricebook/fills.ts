/**
 * The prices of data/pricing/fills.json: figures the bundled templates need that catalog.json
 * marks missing, each read from the source fills-sources.md cites (none scaled from another
 * region). Its sources join the book's; each price is dated by its source.
 */
import type { PriceSource } from '../../shared/catalog/price-book';
import { priceUnits, type PriceUnit } from '../../shared/catalog/price-book';
import { arr, num, obj, str, type Json } from './catalog-json';
import type { EntryBook } from './entries';

/** The sources of fills.json, in the book's form. */
export function readFillSources(fills: Json): Record<string, PriceSource> {
  const raw = obj(fills.sources, 'fills.sources');
  const out: Record<string, PriceSource> = {};
  for (const id of Object.keys(raw).sort()) {
    const s = obj(raw[id], `fills.sources.${id}`);
    out[id] = {
      title: str(s.title, `fills.sources.${id}.title`),
      where:
        typeof s.repo === 'string'
          ? `${s.repo} : ${str(s.path, `fills.sources.${id}.path`)}`
          : str(s.url, `fills.sources.${id}.url`),
      ...(typeof s.commit === 'string' ? { commit: s.commit } : {}),
      asOf: str(s.asOf, `fills.sources.${id}.asOf`),
      confidence: str(s.confidence, `fills.sources.${id}.confidence`),
    };
  }
  return out;
}

/** Adds every price of fills.json; throws on a key the catalog already prices. */
export function addFills(fills: Json, { put }: EntryBook): void {
  for (const row of arr(fills.prices, 'fills.prices')) {
    const unit = str(row.unit, 'fills.prices.unit');
    if (!(priceUnits as readonly string[]).includes(unit)) {
      throw new Error(`fills: unknown unit ${unit}`);
    }
    put(
      str(row.key, 'fills.prices.key'),
      num(row.usd, 'fills.prices.usd'),
      unit as PriceUnit,
      str(row.source, 'fills.prices.source'),
      { note: str(row.note, 'fills.prices.note') },
    );
  }
}
