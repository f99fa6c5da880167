import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, parseDocumentText } from '../../schema/parse';
import { nodeKinds } from '../../schema/nines-v1';
import type { NinesDocument } from '../types';
import { addNode } from './add-node';
import { canConnect, connect } from './connect';
import { deleteEdges, deleteNodes } from './delete';
import { moveNodes } from './move';
import { copyNodes, pasteNodes } from './paste';
import { setTrafficShare } from './traffic';
import { updateDocumentField, updateNodeField } from './update-field';
import { deleteVariant, duplicateVariant, renameVariant, setEntry } from './variants';

const templatesDir = new URL('../../../assets/templates/', import.meta.url);
const templates: NinesDocument[] = readdirSync(templatesDir)
  .filter((f) => f.endsWith('.nines.json'))
  .map((f) => {
    const parsed = parseDocumentText(readFileSync(new URL(f, templatesDir), 'utf8'));
    if (!parsed.ok) throw new Error(`${f} does not parse`);
    return deepFreeze(parsed.document);
  });

/** Freezes a value and everything in it, so that any operation that mutates its input throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
const aa2 = templates.find((t) => t.variants[0]?.id === 'aa2') as NinesDocument;

const problemsOf = (doc: NinesDocument) => {
  const parsed = parseDocument(structuredClone(doc));
  return parsed.ok ? [] : parsed.problems;
};

describe('deleteNodes', () => {
  it('removes a region with its zones, components, edges, links and traffic share', () => {
    const doc = deleteNodes(aa2, 'aa2', ['euw1']);
    const variant = doc.variants[0];
    expect(variant?.nodes.some((n) => n.id === 'euw1' || n.parent === 'euw1')).toBe(false);
    expect(variant?.links ?? []).toEqual([]);
    expect(variant?.trafficShare).toEqual({ use1: 1 });
    expect(problemsOf(doc)).toEqual([]);
  });
  it('moves the entry to the next root when the entry goes', () => {
    const doc = deleteNodes(aa2, 'aa2', ['dns']);
    expect(doc.variants[0]?.entry).not.toBe('dns');
    expect(problemsOf(doc)).toEqual([]);
  });
  it('lowers a router’s target count when its targets go', () => {
    const doc = deleteEdges(aa2, 'aa2', [{ from: 'dns', to: 'lb-use1', kind: 'depends' }]);
    expect(problemsOf(doc)).toEqual([]);
  });
});

describe('updateNodeField', () => {
  it('sets a valid value and refuses an invalid one with the schema’s words', () => {
    const ok = updateNodeField(aa2, 'aa2', 'app-use1', 'instances', 9);
    expect(ok.ok && ok.document.variants[0]?.nodes.find((n) => n.id === 'app-use1')).toMatchObject({
      instances: 9,
    });
    expect(updateNodeField(aa2, 'aa2', 'app-use1', 'instances', 0)).toEqual({
      ok: false,
      message: 'must be a positive integer',
    });
    const tooFew = updateNodeField(aa2, 'aa2', 'app-use1', 'instances', 2);
    expect(tooFew).toEqual({ ok: false, message: 'must be at most instances (5 > 2)' });
  });
  it('replaces MTBF and MTTR by an availability and the reverse', () => {
    const result = updateNodeField(aa2, 'aa2', 'app-use1', 'availability', 0.999);
    const node = result.ok
      ? result.document.variants[0]?.nodes.find((n) => n.id === 'app-use1')
      : undefined;
    expect(node?.availability).toBe(0.999);
    expect(node?.mtbfHours).toBeUndefined();
  });
  it('removes a field so that its default applies, and refuses the placement fields', () => {
    const result = updateNodeField(aa2, 'aa2', 'app-use1', 'capacityRps', undefined);
    expect(result.ok).toBe(true);
    expect(updateNodeField(aa2, 'aa2', 'app-use1', 'parent', 'euw1').ok).toBe(false);
  });
  it('edits targets and workload with their schemas', () => {
    expect(updateDocumentField(aa2, 'targets', 'availability', 1.5).ok).toBe(false);
    const ok = updateDocumentField(aa2, 'workload', 'requestsPerSecond', 100);
    expect(ok.ok && ok.document.workload?.requestsPerSecond).toBe(100);
  });
});

describe('setTrafficShare', () => {
  it('sets one region’s share and rescales the others to add up to 1', () => {
    const result = setTrafficShare(aa2, 'aa2', 'use1', 0.7);
    expect(result.ok && result.document.variants[0]?.trafficShare).toEqual({
      use1: 0.7,
      euw1: expect.closeTo(0.3, 12) as number,
    });
    expect(setTrafficShare(aa2, 'aa2', 'use1', 2).ok).toBe(false);
  });
});

describe('variants', () => {
  it('duplicates, renames and deletes, keeping at least one', () => {
    const { document, variantId } = duplicateVariant(aa2, 'aa2');
    expect(variantId).toBe('aa2-copy-1');
    expect(document.variants.map((v) => v.id)).toEqual(['aa2', 'aa2-copy-1']);
    const renamed = renameVariant(document, variantId, '  Other ');
    expect(renamed.ok && renamed.document.variants[1]?.name).toBe('Other');
    expect(renameVariant(document, variantId, ' ').ok).toBe(false);
    const deleted = deleteVariant(document, 'aa2');
    expect(deleted.ok && deleted.document.variants.map((v) => v.id)).toEqual(['aa2-copy-1']);
    expect(deleted.ok && deleteVariant(deleted.document, 'aa2-copy-1').ok).toBe(false);
    expect(setEntry(aa2, 'aa2', 'use1').ok).toBe(false);
  });
});

describe('copy and paste', () => {
  it('pastes a region with fresh ids, its contents and the edges among them', () => {
    const clip = copyNodes(aa2.variants[0] as (typeof aa2.variants)[number], ['use1']);
    const { document, nodeIds } = pasteNodes(aa2, 'aa2', clip);
    expect(nodeIds[0]).toBe('region-1');
    expect(nodeIds).toContain('zone-1');
    const variant = document.variants[0];
    const copiedApp = variant?.nodes.find((n) => n.id === 'app-1');
    expect(copiedApp?.parent).toBe('region-1');
    expect(variant?.edges).toContainEqual({
      from: 'router-1',
      to: 'app-1',
      kind: 'depends',
    } as never);
    expect(problemsOf(document)).toEqual([]);
  });
});

describe('any sequence of edits', () => {
  const kinds = nodeKinds;
  const edit = fc.oneof(
    fc.record({
      op: fc.constant('add' as const),
      kind: fc.constantFrom(...kinds),
      parent: fc.nat(),
      x: fc.integer({ min: -500, max: 2000 }),
    }),
    fc.record({
      op: fc.constant('connect' as const),
      a: fc.nat(),
      b: fc.nat(),
      kind: fc.constantFrom('depends' as const, 'replicates' as const, 'backs-up' as const),
    }),
    fc.record({ op: fc.constant('delete' as const), a: fc.nat() }),
    fc.record({ op: fc.constant('deleteEdge' as const), a: fc.nat() }),
    fc.record({
      op: fc.constant('move' as const),
      a: fc.nat(),
      parent: fc.nat(),
      x: fc.integer({ min: -500, max: 2000 }),
    }),
    fc.record({
      op: fc.constant('field' as const),
      a: fc.nat(),
      field: fc.constantFrom('instances', 'minHealthy', 'availability', 'mtbfHours', 'minTargets'),
      value: fc.integer({ min: 0, max: 8 }),
    }),
    fc.record({ op: fc.constant('paste' as const), a: fc.nat() }),
    fc.record({
      op: fc.constant('share' as const),
      a: fc.nat(),
      value: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    fc.record({ op: fc.constant('duplicate' as const) }),
  );

  it('keeps every template valid under parseDocument', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        fc.array(edit, { maxLength: 25 }),
        (start, edits) => {
          let doc = start;
          const variantId = start.variants[0]?.id ?? '';
          for (const e of edits) {
            const variant = doc.variants.find((v) => v.id === variantId);
            if (!variant) break;
            const pick = (i: number) => variant.nodes[i % Math.max(variant.nodes.length, 1)];
            const containers = variant.nodes.filter(
              (n) => n.kind === 'region' || n.kind === 'zone',
            );
            const container = (i: number) =>
              i % 3 === 0 ? undefined : containers[i % Math.max(containers.length, 1)];
            switch (e.op) {
              case 'add': {
                const parent = container(e.parent);
                const fits =
                  e.kind === 'region'
                    ? !parent
                    : e.kind === 'zone'
                      ? parent?.kind === 'region'
                      : true;
                if (fits)
                  doc = addNode(doc, variantId, e.kind, parent?.id, { x: e.x, y: 40 }).document;
                break;
              }
              case 'connect': {
                const a = pick(e.a);
                const b = pick(e.b);
                if (a && b && canConnect(variant, a.id, b.id, e.kind).ok)
                  doc = connect(doc, variantId, a.id, b.id, e.kind);
                break;
              }
              case 'delete': {
                const a = pick(e.a);
                if (a) doc = deleteNodes(doc, variantId, [a.id]);
                break;
              }
              case 'deleteEdge': {
                const edge = variant.edges[e.a % Math.max(variant.edges.length, 1)];
                if (edge) doc = deleteEdges(doc, variantId, [edge]);
                break;
              }
              case 'move': {
                const a = pick(e.a);
                if (a)
                  doc = moveNodes(
                    doc,
                    variantId,
                    [
                      {
                        nodeId: a.id,
                        parentId: container(e.parent)?.id,
                        absolute: { x: e.x, y: 10 },
                      },
                    ],
                    new Map(),
                  );
                break;
              }
              case 'field': {
                const a = pick(e.a);
                const value = e.field === 'availability' ? e.value / 8 : e.value;
                const result = a
                  ? updateNodeField(doc, variantId, a.id, e.field, value)
                  : undefined;
                if (result?.ok) doc = result.document;
                break;
              }
              case 'paste': {
                const a = pick(e.a);
                if (a) doc = pasteNodes(doc, variantId, copyNodes(variant, [a.id])).document;
                break;
              }
              case 'share': {
                const region = variant.nodes.filter((n) => n.kind === 'region')[e.a % 4];
                const result = region
                  ? setTrafficShare(doc, variantId, region.id, e.value)
                  : undefined;
                if (result?.ok) doc = result.document;
                break;
              }
              case 'duplicate':
                doc = duplicateVariant(doc, variantId).document;
                break;
            }
          }
          const hasEntry = doc.variants.every((v) => v.nodes.some((n) => n.id === v.entry));
          const problems = problemsOf(doc);
          // Deleting every component leaves nothing to be the entry: the only problem allowed.
          if (hasEntry) expect(problems).toEqual([]);
          else expect(problems.every((p) => p.message.startsWith('names no node'))).toBe(true);
        },
      ),
      { seed: 9, numRuns: 200 },
    );
  });
});
