import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../../shared/model/ops/new-document';
import { copyNodes } from '../../../../shared/model/ops/paste';
import type { NinesDocument, Variant } from '../../../../shared/model/types';
import { layoutVariant } from '../layout';
import { alignRects, arrangeNodes, distributeRects } from './align';
import { dropMoves, moveAndTidy, placeNode, resizeAndTidy } from './edits';
import { nearestFree, type Rect } from './geometry';
import { snapToGuides } from './guides';
import { overlapsIn } from './overlaps.testing';
import { paletteSpot } from './palette-spot';
import { copyName, duplicateSpot, pasteAt } from './paste';
import { tidy, TOP_LEVEL_GAP, type TreeNode } from './tidy';
import { absoluteBox } from './variant-geometry';

const only = (doc: NinesDocument): Variant => doc.variants[0] as Variant;
const VID = only(emptyDocument()).id;

/** Adds nodes in order: [kind, parent id or undefined, centre]. Returns the document and ids. */
function build(steps: [Parameters<typeof placeNode>[2], string | undefined, number, number][]) {
  let doc = emptyDocument();
  const ids: string[] = [];
  for (const [kind, parent, x, y] of steps) {
    const added = placeNode(doc, VID, kind, parent, { x, y });
    doc = added.document;
    ids.push(added.nodeId);
  }
  return { doc, ids };
}

const boxOf = (doc: NinesDocument, id: string) => layoutVariant(only(doc)).get(id);

describe('zone strip', () => {
  it('puts three zones added to a region in three slots of one row, the region growing', () => {
    const { doc, ids } = build([
      ['region', undefined, 200, 200],
      ['zone', 'region-1', 0, 0],
      ['zone', 'region-1', 0, 0],
      ['zone', 'region-1', 0, 0],
    ]);
    const zones = ids.slice(1).map((id) => boxOf(doc, id));
    // Slot i at x = 14 + i × (228 + 14), below the region's title bar; all 228 × 160.
    expect(zones).toEqual([
      { x: 14, y: 46, width: 228, height: 160 },
      { x: 256, y: 46, width: 228, height: 160 },
      { x: 498, y: 46, width: 228, height: 160 },
    ]);
    expect(boxOf(doc, 'region-1')?.width).toBe(498 + 228 + 14);
    expect(overlapsIn(only(doc))).toEqual([]);
  });

  it('draws the zones of a strip as tall as the tallest, as a zone grows', () => {
    const { doc } = build([
      ['region', undefined, 200, 200],
      ['zone', 'region-1', 0, 0],
      ['zone', 'region-1', 0, 0],
      ['zone', 'region-1', 0, 0],
      ['service', 'zone-1', 0, 0],
      ['datastore', 'zone-1', 0, 0],
    ]);
    const heights = ['zone-1', 'zone-2', 'zone-3'].map((id) => boxOf(doc, id)?.height);
    expect(heights[0]).toBeGreaterThan(160);
    expect(heights).toEqual([heights[0], heights[0], heights[0]]);
    expect(overlapsIn(only(doc))).toEqual([]);
  });

  it('fills the first free slot and starts below the region’s own components', () => {
    const { doc } = build([
      ['region', undefined, 200, 200],
      ['router', 'region-1', 120, 100],
      ['zone', 'region-1', 0, 0],
    ]);
    const lb = boxOf(doc, 'router-1');
    const zone = boxOf(doc, 'zone-1');
    expect(zone?.y).toBe((lb?.y ?? 0) + 72 + 14);
    expect(zone?.x).toBe(14);
  });
});

describe('moving', () => {
  it('a zone dragged into another region takes that region’s next slot', () => {
    const { doc } = build([
      ['region', undefined, 200, 200],
      ['zone', 'region-1', 0, 0],
      ['region', undefined, 800, 200],
      ['zone', 'region-2', 0, 0],
    ]);
    const variant = only(doc);
    const r2 = absoluteBox(variant, layoutVariant(variant), 'region-2');
    const zone = absoluteBox(variant, layoutVariant(variant), 'zone-1');
    const dropped = { x: r2.x + 100, y: r2.y + 150 };
    const moves = dropMoves(variant, [
      { id: 'zone-1', absolute: dropped, width: zone.width, height: zone.height },
    ]);
    const moved = moveAndTidy(doc, VID, moves);
    expect(only(moved).nodes.find((n) => n.id === 'zone-1')?.parent).toBe('region-2');
    expect(boxOf(moved, 'zone-1')).toEqual({ x: 14 + 228 + 14, y: 46, width: 228, height: 160 });
    expect(overlapsIn(only(moved))).toEqual([]);
  });

  it('a card dropped onto another stays where it was dropped and pushes the other aside', () => {
    const { doc } = build([
      ['region', undefined, 300, 300],
      ['service', 'region-1', 300, 300],
      ['datastore', 'region-1', 300, 420],
    ]);
    const variant = only(doc);
    const app = absoluteBox(variant, layoutVariant(variant), 'app-1');
    const moves = dropMoves(variant, [
      { id: 'db-1', absolute: { x: app.x + 10, y: app.y + 10 }, width: 200, height: 72 },
    ]);
    const moved = only(moveAndTidy(doc, VID, moves));
    const shown = layoutVariant(moved);
    expect(absoluteBox(moved, shown, 'db-1')).toEqual({
      x: app.x + 10,
      y: app.y + 10,
      width: 200,
      height: 72,
    });
    expect(absoluteBox(moved, shown, 'app-1')).not.toEqual(app);
    expect(overlapsIn(moved)).toEqual([]);
  });
});

describe('push aside', () => {
  it('a region made wider pushes the regions on its right, in a chain, by as little as needed', () => {
    const { doc } = build([
      ['region', undefined, 180, 160],
      ['region', undefined, 600, 160],
      ['region', undefined, 1000, 160],
    ]);
    const [a, b, c] = ['region-1', 'region-2', 'region-3'].map((id) => boxOf(doc, id));
    if (!a || !b || !c) throw new Error('regions not placed');
    // Regions are added apart: 360 wide each, side by side.
    expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
    const wider = resizeAndTidy(doc, VID, 'region-1', { ...a, width: a.width + 300 });
    const [a2, b2, c2] = ['region-1', 'region-2', 'region-3'].map((id) => boxOf(wider, id));
    expect(a2).toEqual({ ...a, width: a.width + 300 });
    expect(b2).toEqual({ ...b, x: a.x + a.width + 300 + TOP_LEVEL_GAP });
    expect(c2?.x).toBe((b2?.x ?? 0) + b.width + TOP_LEVEL_GAP);
    expect(c2?.y).toBe(c.y);
    expect(overlapsIn(only(wider))).toEqual([]);
  });

  it('leaves a layout that breaks no rule exactly as it was', () => {
    const nodes: TreeNode[] = [
      { id: 'r', shape: 'region' },
      { id: 'z', parent: 'r', shape: 'zone' },
      { id: 'c', parent: 'z', shape: 'card' },
      { id: 'g', shape: 'card' },
    ];
    const boxes = new Map([
      ['r', { x: 0, y: 0, width: 300, height: 260 }],
      ['z', { x: 14, y: 46, width: 228, height: 160 }],
      ['c', { x: 14, y: 34, width: 200, height: 72 }],
      ['g', { x: 320, y: 0, width: 200, height: 72 }],
    ]);
    expect(tidy(nodes, boxes)).toEqual(boxes);
  });

  it('a card that arrives where another is takes the nearest free spot; an anchored one pushes', () => {
    const nodes: TreeNode[] = [
      { id: 'a', shape: 'card' },
      { id: 'b', shape: 'card' },
    ];
    const boxes = new Map([
      ['a', { x: 0, y: 0, width: 200, height: 72 }],
      ['b', { x: 20, y: 10, width: 200, height: 72 }],
    ]);
    // Arriving b: below a is nearer (72 + 40 − 10 = 102 px) than right of it (220 px).
    expect(tidy(nodes, boxes, { arriving: ['b'] }).get('b')).toEqual({
      x: 20,
      y: 112,
      width: 200,
      height: 72,
    });
    expect(tidy(nodes, boxes, { arriving: ['b'] }).get('a')).toEqual(boxes.get('a'));
    // Anchored b: it stays, a moves up out of its way.
    const pushed = tidy(nodes, boxes, { anchored: ['b'] });
    expect(pushed.get('b')).toEqual(boxes.get('b'));
    expect(pushed.get('a')).toEqual({ x: 0, y: 10 - 40 - 72, width: 200, height: 72 });
  });

  it('a card in a container never goes above its title bar or left of its padding', () => {
    const at = nearestFree(
      { x: 14, y: 34, width: 200, height: 72 },
      [{ x: 14, y: 34, width: 200, height: 72 }],
      { minX: 14, minY: 34 },
      14,
    );
    expect(at).toEqual({ x: 14, y: 34 + 72 + 14 });
  });
});

describe('palette spot', () => {
  const { doc } = build([
    ['region', undefined, 200, 200],
    ['zone', 'region-1', 0, 0],
    ['region', undefined, 800, 200],
  ]);
  const variant = only(doc);
  const view = { x: -100, y: -100, width: 800, height: 600 };

  it('with nothing selected, the middle of the view, in the container under it', () => {
    const spot = paletteSpot(variant, 'service', [], view);
    // region-1 was added centred on (200, 200): 360 × 320 from (20, 40), under (300, 200).
    expect(spot).toEqual({ parentId: 'region-1', centre: { x: 300, y: 200 } });
    const outside = { ...view, y: 400 };
    expect(paletteSpot(variant, 'service', [], outside)).toEqual({
      parentId: undefined,
      centre: { x: 300, y: 700 },
    });
  });

  it('with a zone selected, in the zone, at the middle of its part in view', () => {
    const zone = absoluteBox(variant, layoutVariant(variant), 'zone-1');
    const spot = paletteSpot(variant, 'datastore', ['zone-1'], view);
    expect(spot?.parentId).toBe('zone-1');
    expect(spot?.centre).toEqual({ x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 });
    // Half the zone scrolled off to the left: the middle of what shows.
    const shifted = { ...view, x: zone.x + zone.width / 2 };
    expect(paletteSpot(variant, 'datastore', ['zone-1'], shifted)?.centre.x).toBe(
      zone.x + (zone.width * 3) / 4,
    );
  });

  it('a region with a zone selected goes to the top level; a zone with none, to the nearest region', () => {
    expect(paletteSpot(variant, 'region', ['zone-1'], view)?.parentId).toBeUndefined();
    const far = { x: 1200, y: 0, width: 400, height: 300 };
    expect(paletteSpot(variant, 'zone', [], far)?.parentId).toBe('region-2');
    expect(paletteSpot(only(emptyDocument()), 'zone', [], view)).toBeNull();
  });

  it('a new region goes right of the rightmost one, level with the highest', () => {
    const shown = layoutVariant(variant);
    const r2 = absoluteBox(variant, shown, 'region-2');
    const r1 = absoluteBox(variant, shown, 'region-1');
    expect(paletteSpot(variant, 'region', [], view)).toEqual({
      parentId: undefined,
      centre: { x: r2.x + r2.width + TOP_LEVEL_GAP + 180, y: Math.min(r1.y, r2.y) + 160 },
    });
  });

  it('a component clicked with the zone selected lands inside it, free of the others', () => {
    let next = doc;
    for (let i = 0; i < 3; i += 1) {
      const spot = paletteSpot(only(next), 'service', ['zone-1'], view);
      next = placeNode(
        next,
        VID,
        'service',
        spot?.parentId,
        spot?.centre ?? { x: 0, y: 0 },
      ).document;
    }
    const apps = only(next).nodes.filter((n) => n.kind === 'service');
    expect(apps.map((n) => n.parent)).toEqual(['zone-1', 'zone-1', 'zone-1']);
    expect(overlapsIn(only(next))).toEqual([]);
  });
});

describe('paste', () => {
  it('names copies "… copy", "… copy 2", and a copy of a copy counts on', () => {
    expect(copyName('App', new Set())).toBe('App copy');
    expect(copyName('App', new Set(['App copy']))).toBe('App copy 2');
    expect(copyName('App copy', new Set(['App copy', 'App copy 2']))).toBe('App copy 3');
    expect(copyName('App copy 2', new Set(['App copy 2']))).toBe('App copy');
  });

  it('lands at the pointer in the container there, with a fresh id and a copy name', () => {
    const { doc } = build([
      ['region', undefined, 200, 200],
      ['region', undefined, 800, 200],
      ['service', 'region-1', 200, 200],
    ]);
    const named = {
      ...doc,
      variants: doc.variants.map((v) => ({
        ...v,
        nodes: v.nodes.map((n) => (n.id === 'app-1' ? { ...n, name: 'Checkout' } : n)),
      })),
    };
    const clip = copyNodes(only(named), ['app-1']);
    const r2 = absoluteBox(only(named), layoutVariant(only(named)), 'region-2');
    const pointer = { x: r2.x + r2.width / 2, y: r2.y + r2.height / 2 };
    const first = pasteAt(named, VID, clip, pointer);
    const second = pasteAt(first.document, VID, clip, pointer);
    const nodes = only(second.document).nodes;
    const copy = nodes.find((n) => n.id === first.nodeIds[0]);
    expect(first.nodeIds).toEqual(['app-2']);
    expect(copy?.parent).toBe('region-2');
    expect(copy?.name).toBe('Checkout copy');
    expect(nodes.find((n) => n.id === second.nodeIds[0])?.name).toBe('Checkout copy 2');
    const placed = absoluteBox(only(first.document), layoutVariant(only(first.document)), 'app-2');
    expect(placed.x + placed.width / 2).toBe(pointer.x);
    expect(placed.y + placed.height / 2).toBe(pointer.y);
    expect(overlapsIn(only(second.document))).toEqual([]);
  });

  it('without a pointer, lands beside the original in free space, in the same container', () => {
    const { doc } = build([
      ['region', undefined, 200, 200],
      ['service', 'region-1', 200, 200],
    ]);
    const pasted = pasteAt(doc, VID, copyNodes(only(doc), ['app-1']), null);
    const copy = only(pasted.document).nodes.find((n) => n.id === 'app-2');
    expect(copy?.parent).toBe('region-1');
    expect(overlapsIn(only(pasted.document))).toEqual([]);
  });
});

describe('duplicate', () => {
  it('puts a region’s copy right of the rightmost region, level with its original, clear of all', () => {
    const { doc } = build([
      ['region', undefined, 200, 200],
      ['zone', 'region-1', 0, 0],
      ['region', undefined, 900, 400],
      ['external', undefined, 1600, 300],
    ]);
    const variant = only(doc);
    const clip = copyNodes(variant, ['region-1']);
    const at = duplicateSpot(variant, clip);
    const pasted = pasteAt(doc, VID, clip, at);
    const after = only(pasted.document);
    const boxes = layoutVariant(after);
    const [original, other, copy] = ['region-1', 'region-2', pasted.rootIds[0] ?? ''].map((id) =>
      absoluteBox(after, boxes, id),
    ) as [Rect, Rect, Rect];
    expect(pasted.rootIds).toEqual(['region-3']);
    expect(pasted.nodeIds).toEqual(['region-3', 'zone-2']);
    expect(copy.x).toBeGreaterThanOrEqual(other.x + other.width + TOP_LEVEL_GAP);
    expect(copy.y).toBe(original.y);
    expect(copy).toMatchObject({ width: original.width, height: original.height });
    expect(overlapsIn(after)).toEqual([]);
  });

  it('leaves anything but regions beside the originals', () => {
    const { doc } = build([
      ['region', undefined, 200, 200],
      ['service', 'region-1', 200, 200],
    ]);
    expect(duplicateSpot(only(doc), copyNodes(only(doc), ['app-1']))).toBeNull();
    expect(duplicateSpot(only(doc), copyNodes(only(doc), ['region-1', 'app-1']))).not.toBeNull();
  });
});

describe('align and distribute', () => {
  const rects = [
    { x: 10, y: 0, width: 100, height: 40 },
    { x: 200, y: 50, width: 50, height: 20 },
    { x: 400, y: 10, width: 80, height: 60 },
  ];
  it('lines boxes up on the selection’s edges and centre lines', () => {
    expect(alignRects(rects, 'left').map((p) => p.x)).toEqual([10, 10, 10]);
    expect(alignRects(rects, 'right').map((p) => p.x)).toEqual([380, 430, 400]);
    expect(alignRects(rects, 'centre').map((p) => p.x)).toEqual([195, 220, 205]);
    expect(alignRects(rects, 'top').map((p) => p.y)).toEqual([0, 0, 0]);
    expect(alignRects(rects, 'bottom').map((p) => p.y)).toEqual([30, 50, 10]);
    expect(alignRects(rects, 'middle').map((p) => p.y)).toEqual([15, 25, 5]);
  });
  it('makes the gaps equal, the first and last boxes staying', () => {
    // Span 10..480 = 470, boxes 230 wide in all: two gaps of 120.
    expect(distributeRects(rects, 'horizontal').map((p) => p.x)).toEqual([10, 230, 400]);
    expect(distributeRects(rects.slice(0, 2), 'horizontal').map((p) => p.x)).toEqual([10, 200]);
  });
});

describe('arrangeNodes', () => {
  it('aligns a card in a region with one left of it: the region grows left to hold it', () => {
    const { doc } = build([
      ['external', undefined, 100, 0],
      ['region', undefined, 500, 300],
      ['service', 'region-1', 500, 300],
    ]);
    const before = only(doc);
    const shownBefore = layoutVariant(before);
    const app = absoluteBox(before, shownBefore, 'app-1');
    const ext = absoluteBox(before, shownBefore, 'ext-1');
    const aligned = arrangeNodes(doc, VID, ['ext-1', 'app-1'], (r) => alignRects(r, 'left'));
    const after = only(aligned);
    const shown = layoutVariant(after);
    expect(absoluteBox(after, shown, 'app-1')).toEqual({ ...app, x: ext.x });
    expect(after.nodes.find((n) => n.id === 'app-1')?.parent).toBe('region-1');
    expect(absoluteBox(after, shown, 'region-1').x).toBe(ext.x - 14);
    expect(overlapsIn(after)).toEqual([]);
  });
});

describe('snapping guides', () => {
  it('snaps an edge within the threshold onto another box’s edge and draws the guide', () => {
    const other = { x: 100, y: 300, width: 200, height: 72 };
    const snap = snapToGuides({ x: 104, y: 0, width: 200, height: 72 }, [other], 6);
    expect(snap.dx).toBe(-4);
    expect(snap.dy).toBe(0);
    expect(snap.guides).toContainEqual({ axis: 'x', at: 100, from: 0, to: 372 });
  });
  it('does not snap beyond the threshold', () => {
    const snap = snapToGuides(
      { x: 120, y: 0, width: 50, height: 50 },
      [{ x: 0, y: 200, width: 50, height: 50 }],
      6,
    );
    expect(snap).toEqual({ dx: 0, dy: 0, guides: [] });
  });
});
