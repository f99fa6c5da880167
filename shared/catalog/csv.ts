/**
 * CSV in and out of the cost engine: price book imports (CSV or JSON, validated, every problem
 * with its line and column) and the cost breakdown export (RFC 4180, with cells that a
 * spreadsheet would run as a formula neutralised).
 */
import type { CostEstimate } from '../engine';
import {
  formatPath,
  MAX_FILE_CHARS,
  MAX_LISTED_PROBLEMS,
  parseJsonText,
} from '../schema/json-text';
import {
  isCalendarDate,
  MAX_PRICE_ENTRIES,
  MAX_PRICE_USD,
  priceBookSchema,
  priceUnits,
  type PriceBook,
  type PriceEntry,
  type PriceUnit,
} from './price-book';
import { textEncodingProblem } from '../text/encoding';

/**
 * A problem in an imported file: 1-based line, and 1-based column: the field number for a bad
 * cell, the character position for a syntax error, 0 for the whole line. Line 0 is the whole
 * file (e.g. `and 12 more problems` after the first {@link MAX_LISTED_PROBLEMS}).
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

/**
 * Most fields a CSV record may have: a price file has 8 columns at most, so a longer record is
 * refused at once (a header of 200,000 repeated columns is one problem, not 200,000).
 */
export const MAX_CSV_FIELDS = 64;

/** Every column a price CSV may have. */
const KNOWN_COLUMNS: readonly string[] = [
  ...PRICE_CSV_COLUMNS.required,
  ...PRICE_CSV_COLUMNS.optional,
];

const KEY = /^[^:\s]+:[^:\s]+:[^:\s]+:[^\s]+$/;
const NUMBER = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A parsed CSV record: its fields and the line it starts on. */
interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Splits RFC 4180 CSV text into records: fields separated by commas, records by CRLF or LF,
 * quoted fields may hold commas, line breaks and doubled quotes. Blank lines are skipped. A
 * record with more than {@link MAX_CSV_FIELDS} fields, or more records than a header and
 * {@link MAX_PRICE_ENTRIES} rows, stops the split with one problem, so that the memory it takes
 * stays in proportion to what a price file can hold.
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
      if (fields.length >= MAX_CSV_FIELDS) {
        return {
          ok: false,
          problem: {
            line: recordLine,
            column: 0,
            message: `more than ${MAX_CSV_FIELDS} fields on one line (a price file has ${KNOWN_COLUMNS.length} columns at most)`,
          },
        };
      }
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      if (records.length > MAX_PRICE_ENTRIES + 1) {
        return {
          ok: false,
          problem: {
            line: records.at(-1)?.line ?? recordLine,
            column: 0,
            message: `more than ${MAX_PRICE_ENTRIES} price rows (at most ${MAX_PRICE_ENTRIES})`,
          },
        };
      }
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
  if (text.length > MAX_FILE_CHARS) {
    return wholeFile(`file is too large (${text.length} characters; at most ${MAX_FILE_CHARS})`);
  }
  const textProblem = textEncodingProblem(text);
  if (textProblem) return wholeFile(textProblem);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseCsv(body);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const [header, ...rows] = parsed.records;
  if (!header)
    return { ok: false, problems: [{ line: 1, column: 0, message: 'the file is empty' }] };

  const problems = new ProblemList();
  const known = KNOWN_COLUMNS;
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
  if (problems.count > 0) return { ok: false, problems: problems.list() };

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
    const before = problems.count;

    if (!KEY.test(key.value)) {
      bad(key.column, `key "${key.value}" is not provider:location:category:item`);
    } else if (firstLine.has(key.value)) {
      bad(key.column, `duplicate key "${key.value}" (first on line ${firstLine.get(key.value)})`);
    }
    const price = parseNumber(usd.value);
    if (price === undefined) bad(usd.column, `usd "${usd.value}" is not a number ≥ 0`);
    else if (price > MAX_PRICE_USD)
      bad(usd.column, `usd ${usd.value} is more than ${MAX_PRICE_USD}`);
    if (!(priceUnits as readonly string[]).includes(unit.value)) {
      bad(unit.column, `unit "${unit.value}" is not one of ${priceUnits.join(', ')}`);
    }
    if (source.value === '') bad(source.column, 'source is empty (say where the price comes from)');
    if (asOf && asOf.value !== '' && !isCalendarDate(asOf.value)) {
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
    if (problems.count > before || price === undefined) continue;

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
  if (problems.count > 0) return { ok: false, problems: problems.list() };
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
 * Imports a price book from JSON text in the format of assets/pricing/pricebook.json, read with
 * the project file's reader ({@link parseJsonText}: the same size and nesting limits, duplicate
 * keys refused). Syntax errors and duplicate keys are placed at their line and column; schema
 * problems are reported at line 1 with their JSON path (JSON has no useful columns).
 */
export function importPriceBookJson(text: string): ImportResult {
  const json = parseJsonText(text);
  if (!json.ok) {
    return {
      ok: false,
      problems: json.problems.map((p) => ({
        line: p.line,
        column: p.column,
        message: p.path === '(document)' ? p.message : `${p.path}: ${p.message}`,
      })),
    };
  }
  // Counted before the schema looks at each entry: a file of a million prices is one problem.
  const entries = (json.value as { entries?: unknown } | null)?.entries;
  const count = typeof entries === 'object' && entries !== null ? Object.keys(entries).length : 0;
  if (count > MAX_PRICE_ENTRIES) {
    return wholeFile(`entries: ${count} prices (at most ${MAX_PRICE_ENTRIES})`);
  }
  const checked = priceBookSchema.safeParse(json.value);
  if (!checked.success) {
    const problems = new ProblemList();
    for (const issue of checked.error.issues) {
      problems.push({ line: 1, column: 0, message: `${formatPath(issue.path)}: ${issue.message}` });
    }
    return { ok: false, problems: problems.list() };
  }
  return { ok: true, book: checked.data };
}

function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function wholeFile(message: string): ImportResult {
  return { ok: false, problems: [{ line: 1, column: 0, message }] };
}

/**
 * Problems as they are found: the first {@link MAX_LISTED_PROBLEMS} kept, the rest counted, so
 * that a file of a million bad rows costs a count rather than a million messages.
 */
class ProblemList {
  private readonly kept: ImportProblem[] = [];
  count = 0;

  push(problem: ImportProblem): void {
    this.count += 1;
    if (this.kept.length < MAX_LISTED_PROBLEMS) this.kept.push(problem);
  }

  /** The problems kept, then `and N more problems` (line 0) when some were only counted. */
  list(): ImportProblem[] {
    const more = this.count - this.kept.length;
    return more === 0
      ? [...this.kept]
      : [
          ...this.kept,
          { line: 0, column: 0, message: `and ${more} more problem${more === 1 ? '' : 's'}` },
        ];
  }
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
