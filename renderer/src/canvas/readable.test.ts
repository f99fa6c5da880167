import { describe, expect, it } from 'vitest';
import type { Variant } from '../../../shared/model/types';
import { generatedModel } from '../../../shared/testing/generated-model';
import { BUNDLED_TEMPLATES } from '../app/templates';
import { MAX_ASPECT } from '../../../shared/diagram/readable';
import { canvasUnreadable as unreadableLayout } from './readable';

const templates = BUNDLED_TEMPLATES.flatMap((t) => (t.parsed.ok ? [t.parsed.document] : []));

const small: Variant = {
  id: 'v',
  name: 'V',
  entry: 'lb',
  nodes: [
    { id: 'r', kind: 'region' },
    { id: 'z', kind: 'zone', parent: 'r' },
    { id: 'lb', kind: 'router', parent: 'r' },
    { id: 'app', kind: 'service', parent: 'z' },
  ],
  edges: [{ from: 'lb', to: 'app', kind: 'depends' }],
  layout: {
    r: { x: 0, y: 0, width: 500, height: 300 },
    z: { x: 14, y: 140, width: 228, height: 130 },
    lb: { x: 14, y: 46 },
    app: { x: 14, y: 34 },
  },
};

const moved = (id: string, at: { x: number; y: number }): Variant => ({
  ...small,
  layout: { ...small.layout, [id]: { ...small.layout?.[id], ...at } },
});

/** The shared rule, on the boxes the canvas draws (its card 200 × 72 px). */
describe('open readable', () => {
  it('every template reads as saved: none is laid out again on opening', () => {
    expect(templates.length).toBe(BUNDLED_TEMPLATES.length);
    for (const doc of templates) {
      for (const variant of doc.variants)
        expect(unreadableLayout(variant), variant.id).toBeUndefined();
    }
  });

  it('a variant with a node without a saved position, or no layout at all, is laid out', () => {
    expect(unreadableLayout(small)).toBeUndefined();
    expect(unreadableLayout({ ...small, layout: undefined })).toBe('no-layout');
    const { app: _app, ...rest } = small.layout ?? {};
    expect(unreadableLayout({ ...small, layout: rest })).toBe('no-layout');
    expect(unreadableLayout(generatedModel(12).variants[0] as Variant)).toBe('no-layout');
    expect(unreadableLayout({ ...small, nodes: [], edges: [], layout: undefined })).toBeUndefined();
  });

  it('siblings that overlap are laid out; touching edges are not an overlap', () => {
    // The zone (y 140..270) and the router card (y 46..118) moved onto it.
    expect(unreadableLayout(moved('lb', { x: 20, y: 150 }))).toBe('overlap');
    expect(unreadableLayout(moved('lb', { x: 14, y: 140 - 72 }))).toBeUndefined();
  });

  it('a component drawn outside the zone it is placed in is laid out', () => {
    expect(unreadableLayout(moved('app', { x: 14, y: 100 }))).toBe('outside');
    expect(unreadableLayout(moved('app', { x: -40, y: 34 }))).toBe('outside');
  });

  it(`a drawing more than ${MAX_ASPECT} times as wide as tall (or tall as wide) is laid out`, () => {
    const row = (count: number): Variant => ({
      id: 'row',
      name: 'Row',
      entry: 'r0',
      nodes: Array.from({ length: count }, (_, i) => ({ id: `r${i}`, kind: 'region' as const })),
      edges: [],
      layout: Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          `r${i}`,
          { x: i * 300, y: 0, width: 250, height: 300 },
        ]),
      ),
    });
    // n regions: width 300n − 50 against a height of 300.
    expect(unreadableLayout(row(4))).toBeUndefined();
    expect(unreadableLayout(row(5))).toBe('aspect');
  });
});
