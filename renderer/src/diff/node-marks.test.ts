import { describe, expect, it } from 'vitest';
import type { VariantDiff } from '../../../shared/diff';
import { nodeMarks } from './node-marks';

describe('nodeMarks', () => {
  it('marks changed, renamed and added nodes of the head and lists the removed ones', () => {
    const nodes = {
      changed: [{ id: 'app', kind: 'service', fields: [] }],
      renamed: [{ from: 'db-old', to: 'db', kind: 'datastore', fields: [] }],
      added: [{ id: 'queue', kind: 'queue' }],
      removed: [{ id: 'cache', kind: 'datastore' }],
    };
    const { marks, removed } = nodeMarks({ topology: { nodes } } as unknown as VariantDiff);
    expect([...marks]).toEqual([
      ['app', 'changed'],
      ['db', 'renamed'],
      ['queue', 'added'],
    ]);
    expect(removed).toEqual(['cache']);
  });
});
