/** Price books on disk: the bundled one and the files a user imports. */
import { readFile } from 'node:fs/promises';
import {
  importPriceBookCsv,
  importPriceBookJson,
  type ImportProblem,
  type ImportResult,
} from '../shared/catalog/csv';
import { mergePriceBooks, priceBookSchema, type PriceBook } from '../shared/catalog/price-book';
import {
  PART_PROVIDERS,
  partProvidersOf,
  pricePartSchema,
  withPriceParts,
  type PricePart,
} from '../shared/catalog/price-parts';
import { encodingProblem } from '../shared/text/encoding';
import { writeLines, type CliIo } from './io';
import { readInputFile } from '../system';

/** The bundled price book, shipped in assets/pricing/. */
export const PRICEBOOK_URL = new URL('../assets/pricing/pricebook.json', import.meta.url);

/** The bundled bulk part of `provider` (shared/catalog/price-parts.ts). */
export const partUrl = (provider: string): URL =>
  new URL(`../assets/pricing/pricebook-${provider}.json`, import.meta.url);

/** The bundled price book as read, and the check that it is what the project ships. */
export interface UncheckedPriceBook {
  /** The core book with the parts' prices under it, built from the files as they were read. */
  readonly book: PriceBook;
  /**
   * Validates the files read with their schemas (about 30 ms, most of reading the book); throws
   * their first problem when the installation is broken. Until then, `book` may be anything.
   */
  check(): void;
}

/**
 * Reads the bundled price book without checking it: the core book with the bulk parts of
 * `providers` under it (every provider's unless given; a provider without a part is ignored).
 * For a caller that has other work for the check to overlap (`nines plan`, while its PDF is laid
 * out on the other thread); everything else calls {@link loadBundledPriceBook}. Throws the
 * files' own problem when they cannot even be put together.
 */
export async function readBundledPriceBook(
  providers: Iterable<string | undefined> = PART_PROVIDERS,
): Promise<UncheckedPriceBook> {
  const wanted = partProvidersOf(providers);
  const [core, ...parts] = (await Promise.all([
    readFile(PRICEBOOK_URL, 'utf8').then(JSON.parse),
    ...wanted.map(async (provider) => JSON.parse(await readFile(partUrl(provider), 'utf8'))),
  ])) as unknown[];
  const check = () => {
    priceBookSchema.parse(core);
    for (const part of parts) pricePartSchema.parse(part);
  };
  return {
    book: checkedOnFailure(check, () => withPriceParts(core as PriceBook, parts as PricePart[])),
    check,
  };
}

/**
 * `use()`; when it throws, `check()` runs first, so that a broken book is reported by what is
 * wrong with it rather than by what it broke.
 */
export function checkedOnFailure<T>(check: () => void, use: () => T): T {
  try {
    return use();
  } catch (error) {
    check();
    throw error;
  }
}

/**
 * Reads and validates the bundled price book: the core book with the bulk parts of `providers`
 * under it (every provider's unless given; a provider without a part is ignored); throws when
 * the installation is broken.
 */
export async function loadBundledPriceBook(
  providers: Iterable<string | undefined> = PART_PROVIDERS,
): Promise<PriceBook> {
  const { book, check } = await readBundledPriceBook(providers);
  check();
  return book;
}

/**
 * Reads a price file (`.csv`, else JSON) with the project file's limits: a regular file only,
 * at most the same size ({@link readInputFile}); problems carry `FILE:line:column`.
 */
export async function loadPriceFile(
  path: string,
): Promise<ImportResult | { ok: false; message: string }> {
  const read = readInputFile(path);
  if (!read.ok) return { ok: false, message: read.message };
  const problem = encodingProblem(read.bytes);
  if (problem) return { ok: false, message: problem };
  const text = read.bytes.toString('utf8');
  return path.toLowerCase().endsWith('.csv') ? importPriceBookCsv(text) : importPriceBookJson(text);
}

/** One import problem as `FILE:line:column: message`, or `FILE: message` for the whole file. */
export function formatImportProblem(file: string, problem: ImportProblem): string {
  return problem.line === 0
    ? `${file}: ${problem.message}`
    : `${file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/**
 * The bundled book with the prices of `pricesFile` (`--prices`) added over it, and how many
 * it added; undefined after writing the file's problems (the caller exits 1).
 */
export async function loadBookWithImports(
  io: CliIo,
  pricesFile: string | undefined,
): Promise<{ book: PriceBook; imported: number } | undefined> {
  const book = await loadBundledPriceBook();
  if (pricesFile === undefined) return { book, imported: 0 };
  const prices = await loadPriceFile(pricesFile);
  if (!prices.ok) {
    if ('message' in prices) io.stderr.write(`${pricesFile}: ${prices.message}\n`);
    else
      writeLines(
        io,
        prices.problems.map((p) => formatImportProblem(pricesFile, p)),
      );
    return undefined;
  }
  return {
    book: mergePriceBooks(book, prices.book),
    imported: Object.keys(prices.book.entries).length,
  };
}
