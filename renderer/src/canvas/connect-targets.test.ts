// The targets offered by the keyboard's Connect are exactly the edges a drag could draw.
import { describe, expect, it } from 'vitest';
import { canConnect, edgeKindFor } from '../../../shared/model/ops/connect';
import { parseDocumentText } from '../../../shared/schema/parse';
import aa2 from '../../../assets/templates/active-active-2-regions.nines.json?raw';
import { connectedSentence, connectTargets } from './connect-targets';

const parsed = parseDocumentText(aa2);
if (!parsed.ok) throw new Error('the two-region template does not parse');
const variant = parsed.document.variants[0]!;

describe('connectTargets', () => {
  it('offers every node a drag may reach, and no other', () => {
    for (const from of variant.nodes) {
      const offered = connectTargets(variant, from.id).map((t) => t.to);
      const allowed = variant.nodes
        .filter((n) => canConnect(variant, from.id, n.id, edgeKindFor(variant, from.id, n.id)).ok)
        .map((n) => n.id);
      expect(offered, from.id).toEqual(allowed);
      expect(offered).not.toContain(from.id);
    }
  });

  it('offers nothing from a region or a zone, and replication between the two datastores', () => {
    const region = variant.nodes.find((n) => n.kind === 'region')!;
    const zone = variant.nodes.find((n) => n.kind === 'zone')!;
    expect(connectTargets(variant, region.id)).toEqual([]);
    expect(connectTargets(variant, zone.id)).toEqual([]);
    const datastores = variant.nodes.filter((n) => n.kind === 'datastore');
    expect(datastores.length).toBe(2);
    // The template already replicates one way: the other way is refused ("already replicate").
    const [a, b] = datastores as [(typeof datastores)[0], (typeof datastores)[0]];
    const fromA = connectTargets(variant, a.id).filter((t) => t.to === b.id);
    const fromB = connectTargets(variant, b.id).filter((t) => t.to === a.id);
    expect([...fromA, ...fromB]).toEqual([]);
  });

  it('names the target with its container and the edge it draws', () => {
    const app = variant.nodes.find((n) => n.id === 'app-use1')!;
    const targets = connectTargets(variant, app.id);
    const target = targets.find((t) => t.to === 'app-euw1');
    expect(target).toEqual({
      to: 'app-euw1',
      kind: 'depends',
      label: 'depends on Checkout API (Europe (Ireland))',
    });
    expect(connectedSentence(variant, app.id, target!)).toBe(
      'Checkout API (US East (N. Virginia)) depends on Checkout API (Europe (Ireland))',
    );
  });
});
