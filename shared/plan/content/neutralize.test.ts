import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../../catalog/price-book';
import type { NinesDocument } from '../../model/types';
import { writeMarkdown } from '../markdown/write-markdown';
import { buildPlan } from './build-plan';

const PRICE_BOOK = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);
const TEMPLATE = new URL(
  '../../../assets/templates/pilot-light-2-regions.nines.json',
  import.meta.url,
);

describe('strings from the file in the plan', () => {
  it('show control characters and bidirectional overrides as escapes, never raw', () => {
    const doc = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as NinesDocument;
    doc.name = 'Shop\u202Egpj.exe\u001b]0;pwned\u0007';
    const variant = doc.variants[0];
    if (!variant) throw new Error('no variant');
    variant.name = 'Pilot\u0085light';
    for (const node of variant.nodes) if (node.kind === 'service') node.name = 'API\u2066\u001b[2J';
    const result = buildPlan(doc, { priceBook: PRICE_BOOK, date: '2026-12-07' });
    if (!result.ok) throw new Error('plan failed');
    // Every string of the plan, read off the object itself (JSON text would escape C0 on its own).
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(result.plan);
    const raw = strings.filter((value) =>
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(value.replace(/\n/g, '')),
    );
    expect(raw).toEqual([]);
    const markdown = writeMarkdown(result.plan);
    // The Markdown writer escapes the backslash of the escape itself: it renders as \u202e.
    expect(markdown).toMatch(/Shop\\+u202egpj\.exe\\+u001b/);
    expect(markdown).toMatch(/API\\+u2066\\+u001b/);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(markdown).not.toMatch(/[\u001b\u202e\u2066\u0085]/);
  });
});
