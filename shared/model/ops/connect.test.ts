import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCycle } from '../invariants';
import type { ModelNode, NinesDocument, Variant } from '../types';
import { canConnect, connect, edgeKindFor } from './connect';

const node = (id: string, kind: ModelNode['kind']): ModelNode => ({ id, kind }) as ModelNode;

const variant: Variant = {
  id: 'v',
  name: 'v',
  entry: 'app',
  nodes: [
    node('dns', 'router'),
    node('app', 'service'),
    node('db1', 'datastore'),
    node('db2', 'datastore'),
    node('r', 'region'),
    node('bk', 'backup'),
  ],
  edges: [{ from: 'app', to: 'db1', kind: 'depends' }],
};

describe('canConnect', () => {
  it('allows dependencies between components', () => {
    expect(canConnect(variant, 'dns', 'app', 'depends')).toEqual({ ok: true });
  });
  it.each([
    ['app', 'app', 'depends'],
    ['db1', 'app', 'depends'],
    ['app', 'db1', 'depends'],
    ['app', 'r', 'depends'],
    ['bk', 'db1', 'depends'],
    ['app', 'db2', 'replicates'],
    ['db1', 'app', 'backs-up'],
  ] as const)('refuses %s → %s (%s) with a reason', (from, to, kind) => {
    const check = canConnect(variant, from, to, kind);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason.length).toBeGreaterThan(10);
  });
  it('joins two datastores once by replication', () => {
    const doc = {
      format: 'nines/1' as const,
      name: 'd',
      variants: [variant],
    };
    const once = connect(doc, 'v', 'db1', 'db2', 'replicates');
    const [v] = once.variants;
    expect(v?.edges).toContainEqual({ from: 'db1', to: 'db2', kind: 'replicates' });
    expect(v && canConnect(v, 'db2', 'db1', 'replicates').ok).toBe(false);
  });
  it('never lets a sequence of accepted dependencies close a cycle', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: 30 }),
        (pairs) => {
          let doc: NinesDocument = {
            format: 'nines/1',
            name: 'd',
            variants: [
              {
                id: 'v',
                name: 'v',
                entry: 'a',
                nodes: ids.map((id) => node(id, 'service')),
                edges: [],
              },
            ],
          };
          for (const [from, to] of pairs) doc = connect(doc, 'v', from, to, 'depends');
          const out = new Map<string, string[]>();
          for (const e of doc.variants[0]?.edges ?? [])
            out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
          expect(findCycle(ids, out)).toBeUndefined();
        },
      ),
      { seed: 6, numRuns: 300 },
    );
  });
});

describe('connect', () => {
  it('puts a node drawn in front of the entry in its place', () => {
    const doc = { format: 'nines/1' as const, name: 'd', variants: [variant] };
    expect(connect(doc, 'v', 'dns', 'app', 'depends').variants[0]?.entry).toBe('dns');
  });
  it('returns the document unchanged for a refused edge', () => {
    const doc = { format: 'nines/1' as const, name: 'd', variants: [variant] };
    expect(connect(doc, 'v', 'db1', 'app', 'depends')).toBe(doc);
  });
  it('chooses replication between datastores and dependency otherwise', () => {
    expect(edgeKindFor(variant, 'db1', 'db2')).toBe('replicates');
    expect(edgeKindFor(variant, 'bk', 'db1')).toBe('backs-up');
    expect(edgeKindFor(variant, 'app', 'db2')).toBe('depends');
  });
});
