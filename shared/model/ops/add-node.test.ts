import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../schema/parse';
import { addNode } from './add-node';
import { moveNodes } from './move';
import { emptyDocument } from './new-document';
import { dropTarget } from './placement';

describe('addNode', () => {
  it('gives readable fresh ids and makes the first component the entry', () => {
    let doc = emptyDocument();
    const region = addNode(doc, 'v1', 'region', undefined, { x: 0, y: 0 });
    doc = region.document;
    const zone = addNode(doc, 'v1', 'zone', region.nodeId, { x: 14, y: 46 });
    doc = zone.document;
    const app = addNode(doc, 'v1', 'service', zone.nodeId, { x: 14, y: 34 });
    const app2 = addNode(app.document, 'v1', 'service', undefined, { x: 700, y: 0 });
    expect([region.nodeId, zone.nodeId, app.nodeId, app2.nodeId]).toEqual([
      'region-1',
      'zone-1',
      'app-1',
      'app-2',
    ]);
    const variant = app2.document.variants[0];
    expect(variant?.entry).toBe('app-1');
    expect(variant?.nodes.find((n) => n.id === 'app-1')?.parent).toBe('zone-1');
    expect(parseDocument(app2.document).ok).toBe(true);
  });

  it('refuses a zone outside a region and never mutates its input', () => {
    const doc = emptyDocument();
    const before = JSON.stringify(doc);
    expect(() => addNode(doc, 'v1', 'zone', undefined, { x: 0, y: 0 })).toThrow();
    addNode(doc, 'v1', 'region', undefined, { x: 0, y: 0 });
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('keeps a node dropped on a container’s title below it', () => {
    let doc = addNode(emptyDocument(), 'v1', 'region', undefined, { x: 0, y: 0 }).document;
    doc = addNode(doc, 'v1', 'service', 'region-1', { x: -30, y: 5 }).document;
    expect(doc.variants[0]?.layout?.['app-1']).toEqual({ x: 14, y: 46 });
  });

  it('grows the containers around a node placed near their edge', () => {
    let doc = addNode(emptyDocument(), 'v1', 'region', undefined, { x: 0, y: 0 }).document;
    doc = addNode(doc, 'v1', 'service', 'region-1', { x: 600, y: 400 }).document;
    const box = doc.variants[0]?.layout?.['region-1'];
    expect(box?.width).toBe(600 + 200 + 14);
    expect(box?.height).toBe(400 + 72 + 14);
  });
});

describe('dropTarget', () => {
  const region = { id: 'r', kind: 'region' } as const;
  const zone = { id: 'z', kind: 'zone', parent: 'r' } as const;
  it('puts a node in the deepest container that may hold it', () => {
    expect(dropTarget('service', [region, zone])).toBe(zone);
    expect(dropTarget('zone', [region, zone])).toBe(region);
    expect(dropTarget('region', [region, zone])).toBeUndefined();
    expect(dropTarget('service', [])).toBeUndefined();
    expect(dropTarget('zone', [])).toBeNull();
  });
});

describe('moveNodes', () => {
  it('re-parents a node and keeps its place on the canvas', () => {
    let doc = addNode(emptyDocument(), 'v1', 'region', undefined, { x: 100, y: 50 }).document;
    doc = addNode(doc, 'v1', 'service', undefined, { x: 400, y: 500 }).document;
    const boxes = new Map([
      ['region-1', { x: 100, y: 50, width: 520, height: 300 }],
      ['app-1', { x: 400, y: 500, width: 200, height: 72 }],
    ]);
    const moved = moveNodes(
      doc,
      'v1',
      [{ nodeId: 'app-1', parentId: 'region-1', absolute: { x: 150, y: 120 } }],
      boxes,
    );
    const variant = moved.variants[0];
    expect(variant?.nodes.find((n) => n.id === 'app-1')?.parent).toBe('region-1');
    expect(variant?.layout?.['app-1']).toEqual({ x: 50, y: 70 });
    const back = moveNodes(
      moved,
      'v1',
      [{ nodeId: 'app-1', parentId: undefined, absolute: { x: 150, y: 120 } }],
      new Map([...boxes, ['app-1', { x: 50, y: 70, width: 200, height: 72 }]]),
    );
    expect(back.variants[0]?.nodes.find((n) => n.id === 'app-1')?.parent).toBeUndefined();
    expect(back.variants[0]?.layout?.['app-1']).toEqual({ x: 150, y: 120 });
  });

  it('keeps the parent when the new one may not hold the node, or lies inside it', () => {
    let doc = addNode(emptyDocument(), 'v1', 'region', undefined, { x: 0, y: 0 }).document;
    doc = addNode(doc, 'v1', 'zone', 'region-1', { x: 14, y: 46 }).document;
    doc = addNode(doc, 'v1', 'service', 'zone-1', { x: 14, y: 34 }).document;
    const boxes = new Map([
      ['region-1', { x: 0, y: 0, width: 520, height: 300 }],
      ['zone-1', { x: 14, y: 46, width: 228, height: 200 }],
    ]);
    const zoneOut = moveNodes(
      doc,
      'v1',
      [{ nodeId: 'zone-1', parentId: undefined, absolute: { x: 900, y: 0 } }],
      boxes,
    );
    expect(zoneOut.variants[0]?.nodes.find((n) => n.id === 'zone-1')?.parent).toBe('region-1');
    expect(parseDocument(zoneOut).ok).toBe(true);
    const regionIn = moveNodes(
      doc,
      'v1',
      [{ nodeId: 'region-1', parentId: 'zone-1', absolute: { x: 30, y: 30 } }],
      boxes,
    );
    expect(regionIn.variants[0]?.nodes.find((n) => n.id === 'region-1')?.parent).toBeUndefined();
  });
});
