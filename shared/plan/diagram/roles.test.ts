import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regionTrafficShares } from '../../model/traffic';
import type { NinesDocument, Variant } from '../../model/types';
import { diagramRoles, replicationKey } from './roles';

function template(name: string): { doc: NinesDocument; variant: Variant } {
  const url = new URL(`../../../assets/templates/${name}.nines.json`, import.meta.url);
  const doc = JSON.parse(readFileSync(url, 'utf8')) as NinesDocument;
  const variant = doc.variants[0];
  if (!variant) throw new Error(`${name} has no variant`);
  return { doc, variant };
}

function rolesOf(name: string) {
  const { doc, variant } = template(name);
  return diagramRoles(variant, regionTrafficShares(doc, variant));
}

const REPLICATION = replicationKey({ from: 'redis-use1', to: 'redis-euw1' });

describe('diagramRoles', () => {
  it('pilot light: the second region is on standby with no traffic, scaled down, promoted by hand', () => {
    const roles = rolesOf('pilot-light-2-regions');
    expect(roles.regions.get('use1')).toEqual({ share: 1, isStandby: false });
    expect(roles.regions.get('euw1')).toEqual({ share: 0, isStandby: true });
    expect([...roles.standby].sort()).toEqual(['app-euw1', 'backup-euw1', 'lb-euw1', 'redis-euw1']);
    // maxInstances 15 for the app; the primary's 2 instances for the one-instance replica.
    expect(roles.scaledDown.get('app-euw1')).toEqual({ instances: 1, full: 15 });
    expect(roles.scaledDown.get('redis-euw1')).toEqual({ instances: 1, full: 2 });
    expect(roles.replication.get(REPLICATION)).toEqual({ mode: 'passive', isManual: true });
  });

  it('warm standby: standby region with 4 of 15 app instances, the replica full size, automatic', () => {
    const roles = rolesOf('warm-standby-2-regions');
    expect(roles.regions.get('euw1')?.isStandby).toBe(true);
    expect(roles.scaledDown.get('app-euw1')).toEqual({ instances: 4, full: 15 });
    expect(roles.scaledDown.has('redis-euw1')).toBe(false);
    expect(roles.standby.has('redis-euw1')).toBe(true);
    expect(roles.replication.get(REPLICATION)).toEqual({ mode: 'passive', isManual: false });
  });

  it('active-active: no standby, no region mark for an even split, replication between active members', () => {
    const roles = rolesOf('active-active-2-regions');
    expect(roles.regions.size).toBe(0);
    expect(roles.standby.size).toBe(0);
    expect(roles.replication.get(REPLICATION)).toEqual({ mode: 'active-active', isManual: false });
  });

  it('one region has no region role', () => {
    expect(rolesOf('single-region-3az').regions.size).toBe(0);
  });

  it('a replication edge overrides the primary: failover manual on the edge marks it manual', () => {
    const { doc, variant } = template('warm-standby-2-regions');
    const edited: Variant = {
      ...variant,
      edges: variant.edges.map((e) =>
        e.kind === 'replicates' ? { ...e, failover: 'manual' as const } : e,
      ),
    };
    const roles = diagramRoles(edited, regionTrafficShares(doc, edited));
    expect(roles.replication.get(REPLICATION)?.isManual).toBe(true);
  });

  it('without a resolvable graph, a datastore is standby by its own role only', () => {
    const { variant } = template('pilot-light-2-regions');
    const broken: Variant = { ...variant, entry: 'nowhere' };
    const roles = diagramRoles(
      broken,
      new Map([
        ['use1', 0.5],
        ['euw1', 0.5],
      ]),
    );
    expect([...roles.standby]).toEqual(['redis-euw1']);
    expect(roles.replication.get(REPLICATION)).toEqual({ mode: 'passive', isManual: true });
  });
});
