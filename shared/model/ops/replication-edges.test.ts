import { describe, expect, it } from 'vitest';
import { singleVariant } from '../../testing/builders';
import type { NinesDocument } from '../types';
import { updatePromotionField } from './replication-edges';

function pair(): NinesDocument {
  return singleVariant(
    'a',
    [
      { id: 'a', kind: 'datastore', replication: 'active-passive', role: 'primary' },
      { id: 'b', kind: 'datastore', replication: 'active-passive' },
    ],
    [{ from: 'a', to: 'b', kind: 'replicates' }],
  );
}

describe('promotion across a replicates edge', () => {
  it('sets failover and failoverSeconds on the edge, in either direction, and removes them', () => {
    const manual = updatePromotionField(pair(), 'v', 'b', 'a', 'failover', 'manual');
    if (!manual.ok) throw new Error(manual.message);
    const timed = updatePromotionField(manual.document, 'v', 'a', 'b', 'failoverSeconds', 600);
    if (!timed.ok) throw new Error(timed.message);
    expect(timed.document.variants[0]?.edges).toEqual([
      { from: 'a', to: 'b', kind: 'replicates', failover: 'manual', failoverSeconds: 600 },
    ]);
    const cleared = updatePromotionField(timed.document, 'v', 'a', 'b', 'failover', undefined);
    expect(cleared.ok && cleared.document.variants[0]?.edges[0]?.failover).toBe(undefined);
  });

  it('refuses a value its schema refuses, and a pair without a replicates edge', () => {
    expect(updatePromotionField(pair(), 'v', 'a', 'b', 'failover', 'sometimes')).toMatchObject({
      ok: false,
      message: 'must be automatic or manual',
    });
    expect(updatePromotionField(pair(), 'v', 'a', 'b', 'failoverSeconds', -1).ok).toBe(false);
    expect(updatePromotionField(pair(), 'v', 'a', 'x', 'failover', 'manual').ok).toBe(false);
  });
});
