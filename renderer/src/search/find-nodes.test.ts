import { describe, expect, it } from 'vitest';
import type { ModelNode, Variant } from '../../../shared/model/types';
import { findNodes, fold } from './find-nodes';

const node = (id: string, name?: string): ModelNode =>
  ({ id, kind: 'service', ...(name === undefined ? {} : { name }) }) as ModelNode;

const variant = {
  id: 'v',
  name: 'V',
  nodes: [
    node('app-use1', 'Checkout API'),
    node('api-gw', 'Gateway'),
    node('redis-euw1', 'Redis Zürich'),
    node('api', 'Frontend'),
    node('payments', 'Rapid API'),
    node('rapids', 'Rapids'),
  ],
} as unknown as Variant;

const ids = (query: string) => findNodes(variant, query).map((m) => m.node.id);

describe('findNodes', () => {
  it('finds by part of the name or of the id, ignoring case', () => {
    expect(ids('checkout')).toEqual(['app-use1']);
    expect(ids('EUW1')).toEqual(['redis-euw1']);
  });

  it('puts a whole match first, then the start of a word, then the rest, each in order', () => {
    // `api` is the whole id of `api`; the start of a word of `Checkout API`, `api-gw` and
    // `Rapid API` (after the `api` inside `Rapid`); only inside a word of `Rapids`.
    expect(ids('api')).toEqual(['api', 'app-use1', 'api-gw', 'payments', 'rapids']);
    expect(findNodes(variant, 'api').map((m) => m.rank)).toEqual([0, 1, 1, 1, 2]);
  });

  it('ignores accents and the blanks around the query', () => {
    expect(ids('  zurich ')).toEqual(['redis-euw1']);
    expect(fold('Zürich')).toBe('zurich');
  });

  it('finds nothing for an empty query or one that matches no node', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('postgres')).toEqual([]);
  });
});
