import { describe, expect, it } from 'vitest';
import type { Variant } from '../../model/types';
import type { Box } from '../routing';
import { MAX_ASPECT, OVERLAP_TOLERANCE, unreadableBoxes, unreadableLayout } from './index';

/** A region `r` holding a zone `z` with a card `app`, and a card `lb` in the region itself. */
const variant: Variant = {
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
  layout: { r: { x: 0, y: 0 }, z: { x: 0, y: 0 }, lb: { x: 0, y: 0 }, app: { x: 0, y: 0 } },
};

/** Absolute boxes that read: the region 500 × 300, the zone under the router card. */
const reads: Record<string, Box> = {
  r: { x: 0, y: 0, width: 500, height: 300 },
  z: { x: 14, y: 140, width: 228, height: 130 },
  lb: { x: 14, y: 46, width: 200, height: 72 },
  app: { x: 28, y: 174, width: 200, height: 72 },
};

const boxes = (changes: Record<string, Partial<Box>> = {}) =>
  new Map(Object.entries(reads).map(([id, b]) => [id, { ...b, ...changes[id] }]));

describe('the readability rule', () => {
  it('reads a layout whose siblings are apart, children inside and aspect within bounds', () => {
    expect(unreadableLayout(variant, boxes())).toBeUndefined();
    expect(unreadableBoxes(variant, boxes())).toBeUndefined();
  });

  it('a node without a saved position is "no-layout", whatever the boxes', () => {
    const { app: _app, ...rest } = variant.layout ?? {};
    expect(unreadableLayout({ ...variant, layout: rest }, boxes())).toBe('no-layout');
    expect(unreadableLayout({ ...variant, layout: undefined }, boxes())).toBe('no-layout');
    expect(unreadableBoxes({ ...variant, layout: undefined }, boxes())).toBeUndefined();
    expect(unreadableLayout({ ...variant, nodes: [], layout: undefined }, new Map())).toBe(
      undefined,
    );
  });

  it(`siblings overlapping by more than ${OVERLAP_TOLERANCE} each way overlap; a shared edge does not`, () => {
    // The router card moved onto the zone (y 140..270).
    expect(unreadableBoxes(variant, boxes({ lb: { y: 150 } }))).toBe('overlap');
    expect(unreadableBoxes(variant, boxes({ lb: { y: 140 - 72 + OVERLAP_TOLERANCE } }))).toBe(
      undefined,
    );
    expect(unreadableBoxes(variant, boxes({ lb: { y: 140 - 72 + OVERLAP_TOLERANCE + 0.5 } }))).toBe(
      'overlap',
    );
  });

  it('a node partly outside its container (absolute boxes) is "outside"', () => {
    expect(unreadableBoxes(variant, boxes({ app: { y: 100 } }))).toBe('outside');
    expect(unreadableBoxes(variant, boxes({ app: { x: 0 } }))).toBe('outside');
    expect(unreadableBoxes(variant, boxes({ app: { x: 14 - OVERLAP_TOLERANCE } }))).toBe(undefined);
  });

  it(`a drawing more than ${MAX_ASPECT} times as wide as tall, or as tall as wide, is "aspect"`, () => {
    // The region alone is the top level: 1,200 × 300 is 4:1 exactly.
    expect(unreadableBoxes(variant, boxes({ r: { width: 1200 } }))).toBeUndefined();
    expect(unreadableBoxes(variant, boxes({ r: { width: 1201 } }))).toBe('aspect');
    expect(unreadableBoxes(variant, boxes({ r: { height: 2001 } }))).toBe('aspect');
  });
});
