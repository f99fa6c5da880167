import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../schema/parse';
import type { NinesDocument } from '../types';
import { findLink, updateLinkField } from './links';

const doc: NinesDocument = {
  format: 'nines/1',
  name: 'd',
  variants: [
    {
      id: 'v',
      name: 'v',
      entry: 'app',
      nodes: [
        { id: 'r1', kind: 'region' },
        { id: 'r2', kind: 'region' },
        { id: 'app', kind: 'service', parent: 'r1' },
      ],
      edges: [],
    },
  ],
};

describe('updateLinkField', () => {
  it('creates the link on its first figure, in either order, and drops it with none left', () => {
    const set = updateLinkField(doc, 'v', 'r2', 'r1', 'rttMs', 80);
    if (!set.ok) throw new Error(set.message);
    expect(findLink(set.document.variants[0]?.links, 'r1', 'r2')).toEqual({
      a: 'r2',
      b: 'r1',
      rttMs: 80,
    });
    expect(parseDocument(structuredClone(set.document)).ok).toBe(true);
    const cleared = updateLinkField(set.document, 'v', 'r1', 'r2', 'rttMs', undefined);
    expect(cleared.ok && cleared.document.variants[0]?.links).toBeUndefined();
  });
  it('refuses what the schema refuses and keeps one failure figure', () => {
    expect(updateLinkField(doc, 'v', 'r1', 'r2', 'bandwidthMbps', 0)).toEqual({
      ok: false,
      message: 'must be a positive number',
    });
    const mtbf = updateLinkField(doc, 'v', 'r1', 'r2', 'mtbfHours', 100);
    const a = mtbf.ok
      ? updateLinkField(mtbf.document, 'v', 'r1', 'r2', 'availability', 0.999)
      : mtbf;
    expect(a.ok && a.document.variants[0]?.links).toEqual([
      { a: 'r1', b: 'r2', availability: 0.999 },
    ]);
  });
});
