/**
 * CSV in and out of the cost engine: price book imports (CSV or JSON, validated, every problem
 * with its line and column) and the cost breakdown export (RFC 4180, with cells that a
 * spreadsheet would run as a formula neutralised).
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { CostEstimate } from '../engine';
import {
  priceBookSchema,
  priceUnits,
  type PriceBook,
  type PriceEntry,
  type PriceUnit,
} from './price-book';
import { textEncodingProblem } from '../text/encoding';

/**
 * A problem in an imported file: 1-based line, and 1-based column: the field number for a bad
 * cell, the character position for a syntax error, 0 for the whole line.
 */
export interface ImportProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** An imported price book, or every problem found (nothing is half-imported). */
export type ImportResult =
  | { readonly ok: true; readonly book: PriceBook }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** Columns of a price CSV: `key,usd,unit,source` required, the rest optional, any order. */
export const PRICE_CSV_COLUMNS = {
  required: ['key', 'usd', 'unit', 'source'],
  optional: ['asOf', 'upTo', 'memGiB', 'note'],
} as const;

const KEY = /^[^:\s]+:[^:\s]+:[^:\s]+:[^\s]+$/;
const NUMBER = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A parsed CSV record: its fields and the line it starts on. */
interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Splits RFC 4180 CSV text into records: fields separated by commas, records by CRLF or LF,
 * quoted fields may hold commas, line breaks and doubled quotes. Blank lines are skipped.
 */
export function parseCsv(
  text: string,
): { ok: true; records: CsvRecord[] } | { ok: false; problem: ImportProblem } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let column = 1;
  let recordLine = 1;
  let quoted = false;
  let wasQuoted = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !wasQuoted)) {
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
          column += 1;
        } else {
          quoted = false;
        }
      } else {
        field += c;
        if (c === '\n') {
          line += 1;
          column = 0;
        }
      }
    } else if (c === '"') {
      if (field !== '' || wasQuoted) {
        return {
          ok: false,
          problem: {
            line,
            column,
            message: 'a quote inside an unquoted field (quote the field and double the quote)',
          },
        };
      }
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      wasQuoted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      column = 0;
      recordLine = line;
    } else if (wasQuoted) {
      return {
        ok: false,
        problem: {
          line,
          column,
          message: 'text after a closing quote (a field is either quoted or not)',
        },
      };
    } else {
      field += c;
    }
    column += 1;
  }
  if (quoted) {
    return {
      ok: false,
      problem: { line: recordLine, column: 0, message: 'a quoted field is never closed' },
    };
  }
  if (field !== '' || fields.length > 0 || wasQuoted) endRecord();
  return { ok: true, records };
}

/**
 * Imports prices from CSV text with a header row naming {@link PRICE_CSV_COLUMNS}. Every bad
 * cell is reported with its line and column: unknown or missing columns, a key that is not
 * `provider:location:category:item`, a duplicate key (both lines), a price or quantity that is
 * not a non-negative number, an unknown unit, an empty source, an `asOf` that is not a date.
 * The book's `asOf` is the latest row date (`unknown` when no row has one).
 */
export function importPriceBookCsv(text: string): ImportResult {
  const textProblem = textEncodingProblem(text);
  if (textProblem) return { ok: false, problems: [{ line: 1, column: 0, message: textProblem }] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseCsv(body);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const [header, ...rows] = parsed.records;
  if (!header)
    return { ok: false, problems: [{ line: 1, column: 0, message: 'the file is empty' }] };

  const problems: ImportProblem[] = [];
  const known: readonly string[] = [...PRICE_CSV_COLUMNS.required, ...PRICE_CSV_COLUMNS.optional];
  const index = new Map<string, number>();
  header.fields.forEach((name, i) => {
    const trimmed = name.trim();
    if (!known.includes(trimmed)) {
      problems.push({
        line: header.line,
        column: i + 1,
        message: `unknown column "${trimmed}" (columns: ${known.join(', ')})`,
      });
    } else if (index.has(trimmed)) {
      problems.push({
        line: header.line,
        column: i + 1,
        message: `column "${trimmed}" appears twice`,
      });
    } else {
      index.set(trimmed, i);
    }
  });
  for (const name of PRICE_CSV_COLUMNS.required) {
    if (!index.has(name))
      problems.push({ line: header.line, column: 0, message: `missing column "${name}"` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const entries: Record<string, PriceEntry> = {};
  const firstLine = new Map<string, number>();
  let latest: string | undefined;
  for (const row of rows) {
    const cell = (name: string): { value: string; column: number } | undefined => {
      const i = index.get(name);
      if (i === undefined) return undefined;
      return { value: (row.fields[i] ?? '').trim(), column: i + 1 };
    };
    const bad = (column: number, message: string) =>
      problems.push({ line: row.line, column, message });
    if (row.fields.length !== header.fields.length) {
      bad(0, `${row.fields.length} fields, the header has ${header.fields.length}`);
      continue;
    }
    const key = cell('key') as { value: string; column: number };
    const usd = cell('usd') as { value: string; column: number };
    const unit = cell('unit') as { value: string; column: number };
    const source = cell('source') as { value: string; column: number };
    const asOf = cell('asOf');
    const upTo = cell('upTo');
    const memGiB = cell('memGiB');
    const note = cell('note');
    const before = problems.length;

    if (!KEY.test(key.value)) {
      bad(key.column, `key "${key.value}" is not provider:location:category:item`);
    } else if (firstLine.has(key.value)) {
      bad(key.column, `duplicate key "${key.value}" (first on line ${firstLine.get(key.value)})`);
    }
    const price = parseNumber(usd.value);
    if (price === undefined) bad(usd.column, `usd "${usd.value}" is not a number ≥ 0`);
    if (!(priceUnits as readonly string[]).includes(unit.value)) {
      bad(unit.column, `unit "${unit.value}" is not one of ${priceUnits.join(', ')}`);
    }
    if (source.value === '') bad(source.column, 'source is empty (say where the price comes from)');
    if (asOf && asOf.value !== '' && !DATE.test(asOf.value)) {
      bad(asOf.column, `asOf "${asOf.value}" is not a date YYYY-MM-DD`);
    }
    const limit = upTo && upTo.value !== '' ? parseNumber(upTo.value) : undefined;
    if (upTo && upTo.value !== '' && limit === undefined) {
      bad(upTo.column, `upTo "${upTo.value}" is not a number ≥ 0`);
    }
    const memory = memGiB && memGiB.value !== '' ? parseNumber(memGiB.value) : undefined;
    if (memGiB && memGiB.value !== '' && memory === undefined) {
      bad(memGiB.column, `memGiB "${memGiB.value}" is not a number ≥ 0`);
    }
    if (problems.length > before || price === undefined) continue;

    firstLine.set(key.value, row.line);
    const date = asOf?.value ?? '';
    if (date !== '' && (latest === undefined || date > latest)) latest = date;
    entries[key.value] = {
      usd: price,
      unit: unit.value as PriceUnit,
      source: source.value,
      asOf: date === '' ? 'unknown' : date,
      ...(limit === undefined ? {} : { upTo: limit }),
      ...(memory === undefined ? {} : { memGiB: memory }),
      ...(note && note.value !== '' ? { note: note.value } : {}),
    };
  }
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0)
    return {
      ok: false,
      problems: [{ line: header.line + 1, column: 0, message: 'no price rows' }],
    };
  return {
    ok: true,
    book: {
      format: 'nines-pricebook/1',
      asOf: latest ?? 'unknown',
      currency: 'USD',
      hoursPerMonth: 730,
      sources: {},
      entries,
    },
  };
}

/**
 * Imports a price book from JSON text in the format of assets/pricing/pricebook.json. Schema
 * problems are reported at line 1 with their JSON path (JSON has no useful columns); a syntax
 * error at its line and column.
 */
export function importPriceBookJson(text: string): ImportResult {
  const textProblem = textEncodingProblem(text);
  if (textProblem) return { ok: false, problems: [{ line: 1, column: 0, message: textProblem }] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const errors: ParseError[] = [];
    parseJsonc(body, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const before = body.slice(0, first?.offset ?? 0).split('\n');
    return {
      ok: false,
      problems: [
        {
          line: before.length,
          column: first === undefined ? 0 : (before[before.length - 1]?.length ?? 0) + 1,
          message: `not valid JSON${first === undefined ? '' : `: ${printParseErrorCode(first.error)}`}`,
        },
      ],
    };
  }
  const checked = priceBookSchema.safeParse(value);
  if (!checked.success) {
    return {
      ok: false,
      problems: checked.error.issues.map((issue) => ({
        line: 1,
        column: 0,
        message: `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
      })),
    };
  }
  return { ok: true, book: checked.data };
}

function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * One CSV cell per RFC 4180: a text beginning with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading single quote so that a spreadsheet shows it instead of running it
 * (OWASP CSV injection); a cell holding a comma, a quote, a line break or a leading single
 * quote is quoted with its quotes doubled.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Columns of the cost breakdown CSV. */
export const COST_CSV_COLUMNS = [
  'variant',
  'nodeId',
  'region',
  'tier',
  'category',
  'monthlyUsd',
  'detail',
  'source',
] as const;

/**
 * The breakdowns of `estimates` as CSV (CRLF line ends, a header row, one row per line, USD
 * rounded to cents), then one `unpriced` row per unpriced item with its reason in `detail`.
 */
export function costBreakdownCsv(estimates: readonly CostEstimate[]): string {
  const rows: (string | number)[][] = [[...COST_CSV_COLUMNS]];
  for (const estimate of estimates) {
    for (const line of estimate.breakdown) {
      rows.push([
        estimate.variantId,
        line.nodeId,
        line.region ?? 'global',
        line.tier,
        line.category,
        Math.round(line.monthlyUsd * 100) / 100,
        line.detail,
        line.source,
      ]);
    }
    for (const item of estimate.unpriced) {
      rows.push([
        estimate.variantId,
        item.nodeId,
        item.region ?? 'global',
        item.tier,
        item.category,
        'unpriced',
        `${item.code}: ${item.reason}`,
        '',
      ]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
