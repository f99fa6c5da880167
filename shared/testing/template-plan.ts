/** The bundled price book, a bundled template and its plan, for the plan's tests. */
import { readFileSync } from 'node:fs';
import { priceBookSchema, type PriceBook } from '../catalog/price-book';
import type { NinesDocument } from '../model/types';
import type { PlanDocument } from '../plan/document';
import { buildPlan } from '../plan/content/build-plan';

/** `assets/pricing/pricebook.json`, validated. */
export const BUNDLED_PRICE_BOOK: PriceBook = priceBookSchema.parse(
  JSON.parse(readFileSync(new URL('../../assets/pricing/pricebook.json', import.meta.url), 'utf8')),
);

/** The bundled template `name` (a file name in `assets/templates/`), as written. */
export function bundledTemplate(name: string): NinesDocument {
  return JSON.parse(
    readFileSync(new URL(`../../assets/templates/${name}`, import.meta.url), 'utf8'),
  ) as NinesDocument;
}

/** The plan of `doc` with the bundled price book, dated 2026-12-07; throws when it is refused. */
export function planOf(doc: NinesDocument): PlanDocument {
  const result = buildPlan(doc, { priceBook: BUNDLED_PRICE_BOOK, date: '2026-12-07' });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.plan;
}
