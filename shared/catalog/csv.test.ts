import { describe, expect, it } from 'vitest';
import type { CostEstimate } from '../engine';
import {
  costBreakdownCsv,
  csvCell,
  importPriceBookCsv,
  importPriceBookJson,
  parseCsv,
} from './csv';

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
    expect(result.problems[0]?.message).toMatch(/^entries\.a:b:c:d\.usd: /);
  });

  it('reports a JSON syntax error at its line', () => {
    const result = importPriceBookJson('{\n  "format": nope\n}');
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ line: 2, column: 13, message: 'not valid JSON: InvalidSymbol' }),
      ],
    });
  });
});

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
