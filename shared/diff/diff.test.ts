import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../catalog/price-book';
import type { NinesDocument } from '../model/types';
import { parseDocumentText } from '../schema/parse';
import { fieldChanges } from './fields';
import { codeSpan, escapeText } from './markdown';
import { diffDesigns, renderMarkdown, renderText, type DesignDiff } from './index';

const priceBook = priceBookSchema.parse(
  JSON.parse(readFileSync(new URL('../../assets/pricing/pricebook.json', import.meta.url), 'utf8')),
);

function templateDoc(stem: string): NinesDocument {
  const text = readFileSync(
    new URL(`../../assets/templates/${stem}.nines.json`, import.meta.url),
    'utf8',
  );
  const parsed = parseDocumentText(text);
  if (!parsed.ok) throw new Error('template does not parse');
  return parsed.document;
}

function diffOf(base: NinesDocument, head: NinesDocument): DesignDiff {
  const side = (document: NinesDocument, file: string) => ({
    document,
    side: { file, sha256: null, migrated: [] },
  });
  const result = diffDesigns(side(base, 'a'), side(head, 'b'), { priceBook });
  if (!result.ok) throw new Error(result.message);
  return result.diff;
}

describe('fieldChanges', () => {
  it('compares effective values, objects key by key, and sorts by path', () => {
    const defaults = (_owner: unknown, field: string) => ({ minHealthy: 1 })[field];
    expect(
      fieldChanges(
        { minHealthy: 1, share: { a: 0.5, b: 0.5 }, fail: ['x'] },
        { share: { b: 0.5, a: 0.4 }, fail: ['x'], zz: true },
        { defaultOf: defaults },
      ),
    ).toEqual([
      { path: 'share.a', before: 0.5, after: 0.4, explicit: [true, true] },
      { path: 'zz', before: null, after: true, explicit: [false, true] },
    ]);
  });
});

describe('cost direction', () => {
  it('claims no decrease when the drop comes from an item that lost its price', () => {
    const base = templateDoc('active-active-2-regions');
    const head = structuredClone(base);
    const app = head.variants[0]?.nodes.find((n) => n.id === 'app-use1');
    if (app?.kind !== 'service') throw new Error('no app-use1');
    app.instanceType = 'no-such.type';
    const cost = diffOf(base, head).variants[0]!.figures.monthlyCostUsd;
    expect(cost.after!).toBeLessThan(cost.before!);
    expect(cost.unpricedOnlyInHead.map((u) => u.nodeId)).toContain('app-use1');
    expect(cost.direction).toBe('unknown');
    // The other way round the item gains a price: the increase is not claimed either.
    const back = diffOf(head, base).variants[0]!.figures.monthlyCostUsd;
    expect(back.unpricedOnlyInBase.map((u) => u.nodeId)).toContain('app-use1');
    expect(back.direction).toBe('unknown');
    expect(renderMarkdown(diffOf(base, head))).toContain('(change not known)');
  });
});

describe('Markdown escaping', () => {
  it('keeps names and file names from breaking the comment', () => {
    expect(escapeText('a | b *c* <img>')).toBe('a \\| b \\*c\\* \\<img\\>');
    expect(codeSpan('x`y')).toBe('``x`y``');
    const base = templateDoc('single-region-3az');
    const head = structuredClone(base);
    head.variants[0]!.name = 'Evil | name <script>';
    const diff = diffOf(base, head);
    const markdown = renderMarkdown({ ...diff, head: { ...diff.head, file: 'a-->b`c.json' } });
    expect(markdown.split('\n')[0]).toBe('<!-- nines-diff: a-b`c.json -->');
    expect(markdown).toContain('Evil \\| name \\<script\\>');
  });
});

describe('topology and sides', () => {
  it('counts no layout move for the layout entry of an added node', () => {
    const base = templateDoc('single-region-3az');
    const head = structuredClone(base);
    const variant = head.variants[0]!;
    variant.nodes.push({ id: 'extra', kind: 'external', name: 'Extra' });
    variant.layout = { ...variant.layout, extra: { x: 10, y: 10 } };
    const topology = diffOf(base, head).variants[0]!.topology;
    expect(topology.nodes.added).toEqual([{ id: 'extra', kind: 'external' }]);
    expect(topology.layoutChanges).toBe(0);
  });

  it('says when a side was migrated from an older format', () => {
    const doc = templateDoc('single-region-3az');
    const result = diffDesigns(
      { document: doc, side: { file: 'old.json', sha256: null, migrated: ['nines/0 → nines/1'] } },
      { document: doc, side: { file: 'new.json', sha256: null, migrated: [] } },
      { priceBook },
    );
    if (!result.ok) throw new Error(result.message);
    expect(renderText(result.diff)).toContain('The base was migrated first: nines/0 → nines/1.');
    expect(renderMarkdown(result.diff)).toContain(
      'The base was migrated first: nines/0 → nines/1.',
    );
  });
});

describe('the availability target', () => {
  it('is judged on the figure the target names, with or without planned maintenance', () => {
    // One region: its datastore's windows take the service down. Target 99.9 % (met before).
    const base = templateDoc('single-region-3az');
    base.targets = { ...base.targets, availability: 0.999 };
    const withWindows = (exclude: boolean): NinesDocument => {
      const doc = structuredClone(base);
      const store = doc.variants[0]?.nodes.find((n) => n.id === 'redis-use1');
      if (store?.kind !== 'datastore') throw new Error('the template has no redis-use1');
      store.maintenance = { windowMinutes: 60, perYear: 12 };
      doc.targets = { ...doc.targets, excludePlannedDowntime: exclude };
      return doc;
    };
    const targetRule = (diff: DesignDiff) =>
      diff.variants[0]?.regressions.filter((r) => r.rule === 'availability-target') ?? [];
    // Counted: 12 h a year down takes the design below 99.9 %.
    const counted = targetRule(diffOf(base, withWindows(false)));
    expect(counted).toHaveLength(1);
    // (The space before % is the formatter's no-break space.)
    expect(counted[0]?.detail).toMatch(
      /^availability 99\.9640\s% → 99\.8263\s% now misses the target 99\.9000\s%$/,
    );
    // Excluded by the target: the figure it names is the one without the windows, still met.
    expect(targetRule(diffOf(base, withWindows(true)))).toEqual([]);
  });
});
