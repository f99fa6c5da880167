/** Price books on disk: the bundled one and the files a user imports. */
import { readFile } from 'node:fs/promises';
import { importPriceBookCsv, importPriceBookJson, type ImportResult } from '../shared/catalog/csv';
import { priceBookSchema, type PriceBook } from '../shared/catalog/price-book';
import { encodingProblem } from '../shared/text/encoding';

/** The bundled price book, shipped in assets/pricing/. */
export const PRICEBOOK_URL = new URL('../assets/pricing/pricebook.json', import.meta.url);

/** Reads and validates the bundled price book; throws when the installation is broken. */
export async function loadBundledPriceBook(): Promise<PriceBook> {
  return priceBookSchema.parse(JSON.parse(await readFile(PRICEBOOK_URL, 'utf8')));
}

/** Reads a price file (`.csv`, else JSON); problems carry `FILE:line:column`. */
export async function loadPriceFile(
  path: string,
): Promise<ImportResult | { ok: false; message: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, message: `cannot read: ${(error as Error).message}` };
  }
  const problem = encodingProblem(bytes);
  if (problem) return { ok: false, message: problem };
  const text = bytes.toString('utf8');
  return path.toLowerCase().endsWith('.csv') ? importPriceBookCsv(text) : importPriceBookJson(text);
}
