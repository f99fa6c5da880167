import { describe, expect, it } from 'vitest';
import type { CostEstimate } from '../engine';
import {
  costBreakdownCsv,
  csvCell,
  importPriceBookCsv,
  importPriceBookJson,
  MAX_CSV_FIELDS,
  parseCsv,
} from './csv';
import { MAX_PRICE_ENTRIES, MAX_PRICE_USD } from './price-book';
import { MAX_LISTED_PROBLEMS } from '../schema/json-text';

const HEADER = 'key,usd,unit,source,asOf';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF', () => {
    const parsed = parseCsv('a,"b,c","say ""hi"""\r\n"two\nlines",x,\n\nlast,1,2');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b,c', 'say "hi"'] },
        { line: 2, fields: ['two\nlines', 'x', ''] },
        { line: 5, fields: ['last', '1', '2'] },
      ],
    });
  });

  it('reports a stray quote and an unclosed quote with their place', () => {
    expect(parseCsv('a,b"c')).toEqual({
      ok: false,
      problem: expect.objectContaining({ line: 1, column: 4 }),
    });
    expect(parseCsv('ok\n"open,x')).toEqual({
      ok: false,
      problem: expect.objectContaining({ line: 2, message: 'a quoted field is never closed' }),
    });
  });
});

describe('importPriceBookCsv', () => {
  it('imports prices with their unit, source and date', () => {
    const result = importPriceBookCsv(
      `${HEADER}\ncustom:dc1:compute:vm,0.05,hour,quote 2026-10,2026-10-01\naws:eu-west-1:load-balancer:alb,0.0252,hour,AWS page,2026-11-02\n`,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.book.asOf).toBe('2026-11-02');
    expect(result.book.entries['custom:dc1:compute:vm']).toEqual({
      usd: 0.05,
      unit: 'hour',
      source: 'quote 2026-10',
      asOf: '2026-10-01',
    });
  });

  it('reports every bad cell by line and column, and duplicates with the first line', () => {
    const result = importPriceBookCsv(
      [
        HEADER,
        'aws:us-east-1:compute:a,0.1,hour,s,2026-01-01',
        'not-a-key,0.1,hour,s,2026-01-01',
        'aws:us-east-1:compute:b,ten,hour,s,2026-01-01',
        'aws:us-east-1:compute:c,-1,fortnight,,01/02/2026',
        'aws:us-east-1:compute:a,0.2,hour,s,2026-01-01',
        'aws:us-east-1:compute:d,0.1,hour',
      ].join('\n'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 1],
      [4, 2],
      [5, 2],
      [5, 3],
      [5, 4],
      [5, 5],
      [6, 1],
      [7, 0],
    ]);
    expect(result.problems[6]?.message).toContain(
      'duplicate key "aws:us-east-1:compute:a" (first on line 2)',
    );
    expect(result.problems[1]?.message).toContain('"ten" is not a number');
  });

  it('checks the header: unknown, repeated and missing columns', () => {
    const result = importPriceBookCsv('key,usd,price,usd\nx:y:z:w,1,2,3\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('unknown column "price"'),
      'column "usd" appears twice',
      'missing column "unit"',
      'missing column "source"',
    ]);
  });

  it('refuses UTF-16 text decoded as UTF-8 with a clear message', () => {
    const misread = importPriceBookCsv('\uFFFD\uFFFDk\u0000e\u0000y\u0000');
    expect(misread).toEqual({
      ok: false,
      problems: [expect.objectContaining({ line: 1, message: expect.stringContaining('UTF-16') })],
    });
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(importPriceBookCsv(`\uFEFF${HEADER}\na:b:c:d,1,hour,s,2026-01-01\n`).ok).toBe(true);
  });
});

describe('importPriceBookJson', () => {
  it('validates against the price book schema and reports paths', () => {
    const result = importPriceBookJson(
      JSON.stringify({
        format: 'nines-pricebook/1',
        asOf: '2026-01-01',
        currency: 'USD',
        hoursPerMonth: 730,
        sources: {},
        entries: { 'a:b:c:d': { usd: -1, unit: 'hour', source: 's', asOf: 'x' } },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(/^entries\["a:b:c:d"\]\.usd: /);
  });

  it('reports a JSON syntax error at its line', () => {
    const result = importPriceBookJson('{\n  "format": nope\n}');
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          line: 2,
          column: 13,
          message: 'not valid JSON: invalid symbol at line 2, column 13',
        }),
      ],
    });
  });
});

describe('hostile price files (issue 18)', () => {
  const row = (usd: string, asOf = '2026-01-01') => `a:b:c:d,${usd},hour,s,${asOf}`;
  const problemsOf = (result: ReturnType<typeof importPriceBookCsv>) =>
    result.ok ? [] : result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);

  it('caps prices like the project file: usd 1e308 is refused, not priced at Infinity', () => {
    expect(problemsOf(importPriceBookCsv(`${HEADER}\n${row('1e308')}\n`))).toEqual([
      `2:2: usd 1e308 is more than ${MAX_PRICE_USD}`,
    ]);
    expect(importPriceBookCsv(`${HEADER}\n${row('1e12')}\n`).ok).toBe(true);
    const json = importPriceBookJson(
      JSON.stringify({
        ...BOOK,
        entries: { 'a:b:c:d': { usd: 1e308, unit: 'hour', source: 's', asOf: '2026-01-01' } },
      }),
    );
    expect(json.ok ? [] : json.problems.map((p) => p.message)).toEqual([
      `entries["a:b:c:d"].usd: must be at most ${MAX_PRICE_USD}`,
    ]);
  });

  it('takes asOf for a real calendar date', () => {
    expect(
      problemsOf(
        importPriceBookCsv(
          `${HEADER}\n${row('1', '2025-13-45')}\n${row('1', '2026-02-29').replace('a:b', 'a:x')}\n`,
        ),
      ),
    ).toEqual([
      '2:5: asOf "2025-13-45" is not a date YYYY-MM-DD',
      '3:5: asOf "2026-02-29" is not a date YYYY-MM-DD',
    ]);
    expect(importPriceBookCsv(`${HEADER}\n${row('1', '2028-02-29')}\n`).ok).toBe(true);
    const json = importPriceBookJson(JSON.stringify({ ...BOOK, asOf: '2025-13-45' }));
    expect(json.ok ? [] : json.problems.map((p) => p.message)).toEqual([
      'asOf: is not a real date (YYYY-MM-DD)',
    ]);
    // A source's own words stay allowed where the book has no date.
    expect(importPriceBookJson(JSON.stringify({ ...BOOK, asOf: 'undated' })).ok).toBe(true);
  });

  it('refuses a header of 200,000 repeated columns in one line', () => {
    const header = Array.from({ length: 200_000 }, () => 'key').join(',');
    expect(problemsOf(importPriceBookCsv(`${header}\n`))).toEqual([
      `1:0: more than ${MAX_CSV_FIELDS} fields on one line (a price file has 8 columns at most)`,
    ]);
  });

  it(`refuses more than ${MAX_PRICE_ENTRIES} rows in one line`, () => {
    const rows = Array.from({ length: MAX_PRICE_ENTRIES + 1 }, (_, i) => `a:b:c:k${i},1,hour,s`);
    expect(problemsOf(importPriceBookCsv(`key,usd,unit,source\n${rows.join('\n')}\n`))).toEqual([
      `${MAX_PRICE_ENTRIES + 2}:0: more than ${MAX_PRICE_ENTRIES} price rows (at most ${MAX_PRICE_ENTRIES})`,
    ]);
  });

  it(`lists the first ${MAX_LISTED_PROBLEMS} problems and counts the rest`, () => {
    const rows = Array.from({ length: 500 }, (_, i) => `a:b:c:k${i},x,hour,s,2026-01-01`);
    const found = problemsOf(importPriceBookCsv(`${HEADER}\n${rows.join('\n')}\n`));
    expect(found).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(found[0]).toBe('2:2: usd "x" is not a number ≥ 0');
    expect(found.at(-1)).toBe(`0:0: and ${500 - MAX_LISTED_PROBLEMS} more problems`);
  });

  it('names a NUL byte as such, in CSV and JSON', () => {
    expect(problemsOf(importPriceBookCsv(`${HEADER}\n${row('1')}\u0000\n`))).toEqual([
      '1:0: a NUL character (0x00) at line 2, column 28: a text file has none (the file may be binary or damaged)',
    ]);
    const json = importPriceBookJson(`{"format": "\u0000"}`);
    expect(json.ok ? [] : json.problems.map((p) => p.message)).toEqual([
      'a NUL character (0x00) at line 1, column 13: a text file has none (the file may be binary or damaged)',
    ]);
  });

  it('JSON: refuses duplicate keys with their path, and two million `[` by the nesting limit', () => {
    const text = `{"entries": {"a:b:c:d": {"usd": 1, "usd": 1e6}}}`;
    expect(problemsOfJson(text)).toEqual([
      '1:36: entries["a:b:c:d"].usd: duplicate key "usd" (first at line 1, column 26): a JSON file may give a key once',
    ]);
    expect(problemsOfJson(`{"entries": ${'['.repeat(2_000_000)}`)).toEqual([
      `1:${13 + 63}: nested more than 64 levels deep at line 1, column ${13 + 63}`,
    ]);
  });
});

function problemsOfJson(text: string): string[] {
  const result = importPriceBookJson(text);
  return result.ok ? [] : result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
}

/** A valid empty price book. */
const BOOK = {
  format: 'nines-pricebook/1',
  asOf: '2026-01-01',
  currency: 'USD',
  hoursPerMonth: 730,
  sources: {},
  entries: {},
};

describe('cost breakdown CSV', () => {
  it('neutralises formula-like cells and quotes per RFC 4180', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe(`'+1`);
    expect(csvCell('-2')).toBe(`'-2`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('\tx')).toBe(`'\tx`);
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(12.5)).toBe('12.5');
  });

  it('writes one row per line and per unpriced item, and reads back to the same cells', () => {
    const estimate = {
      variantId: 'v',
      breakdown: [
        {
          nodeId: '=cmd',
          region: 'use1',
          tier: 'service',
          category: 'compute',
          monthlyUsd: 1103.7600000001,
          detail: '15 × m7i.large, "on-demand"',
          source: 'sky-aws',
          priceKeys: [],
        },
      ],
      unpriced: [
        {
          nodeId: 'lb',
          region: null,
          tier: 'router',
          category: 'loadBalancer',
          code: 'no-price',
          reason: 'no ALB price',
        },
      ],
    } as unknown as CostEstimate;
    const text = costBreakdownCsv([estimate]);
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(text);
    expect(parsed.ok && parsed.records.map((r) => r.fields)).toEqual([
      ['variant', 'nodeId', 'region', 'tier', 'category', 'monthlyUsd', 'detail', 'source'],
      [
        'v',
        "'=cmd",
        'use1',
        'service',
        'compute',
        '1103.76',
        '15 × m7i.large, "on-demand"',
        'sky-aws',
      ],
      ['v', 'lb', 'global', 'router', 'loadBalancer', 'unpriced', 'no-price: no ALB price', ''],
    ]);
  });
});
