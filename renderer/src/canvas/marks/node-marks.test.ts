import { describe, expect, it } from 'vitest';
import { regionTrafficShares } from '../../../../shared/model/traffic';
import type { NinesDocument, Variant } from '../../../../shared/model/types';
import { diagramRoles } from '../../../../shared/plan/diagram';
import { generatedModel } from '../../../../shared/testing/generated-model';
import { BUNDLED_TEMPLATES } from '../../app/templates';
import { toFlow } from '../to-flow';
import { nodeMarks } from './node-marks';

function templates(): [string, NinesDocument][] {
  return BUNDLED_TEMPLATES.flatMap((t) => (t.parsed.ok ? [[t.stem, t.parsed.document]] : []));
}

function marksOf(doc: NinesDocument, variant: Variant, stopped: string[] = []) {
  return nodeMarks(
    variant,
    diagramRoles(variant, regionTrafficShares(doc, variant)),
    new Set(stopped),
  );
}

/**
 * The spread rule written out (FORMAT.md): instance i of a tier placed in a region goes to the
 * region's zone i mod z, zones in file order. Instances per tier id, per zone id.
 */
function spread(variant: Variant): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const tier of variant.nodes) {
    if (tier.kind !== 'service' && tier.kind !== 'datastore' && tier.kind !== 'queue') continue;
    const zones = variant.nodes.filter((n) => n.kind === 'zone' && n.parent === tier.parent);
    if (zones.length === 0) continue;
    for (let i = 0; i < (tier.instances ?? 1); i += 1) {
      const zone = (zones[i % zones.length] as { id: string }).id;
      const inZone = out.get(zone) ?? new Map<string, number>();
      inZone.set(tier.id, (inZone.get(tier.id) ?? 0) + 1);
      out.set(zone, inZone);
    }
  }
  return out;
}

function pipCounts(marks: ReturnType<typeof marksOf>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [id, { marks: m }] of marks) {
    if (m.pips) out.set(id, new Map(m.pips.map((p) => [p.tier, p.count])));
  }
  return out;
}

describe('zone pips', () => {
  it('reads every bundled template', () =>
    expect(templates()).toHaveLength(BUNDLED_TEMPLATES.length));

  for (const [file, doc] of templates()) {
    for (const variant of doc.variants) {
      it(`${file} ${variant.id}: each zone holds what the round-robin spread puts there`, () => {
        const expected = spread(variant);
        expect(expected.size).toBeGreaterThan(0);
        expect(pipCounts(marksOf(doc, variant))).toEqual(expected);
      });
    }
  }

  it('a generated 12-region design: every zone of every region, the same rule', () => {
    const doc = generatedModel(12);
    const variant = doc.variants[0] as Variant;
    expect(pipCounts(marksOf(doc, variant))).toEqual(spread(variant));
  });

  it('a zone outage dims exactly the pips of that zone; a tier outage that tier in every zone', () => {
    const [, doc] = templates().find(([f]) => f.startsWith('single-region')) as [
      string,
      NinesDocument,
    ];
    const variant = doc.variants[0] as Variant;
    const zoneDown = marksOf(doc, variant, ['use1-a']);
    const down = (marks: typeof zoneDown) =>
      [...marks].flatMap(([zone, { marks: m }]) =>
        (m.pips ?? []).filter((p) => p.isDown).map((p) => `${zone}:${p.tier}`),
      );
    const inA = [...(zoneDown.get('use1-a')?.marks.pips ?? [])].map((p) => `use1-a:${p.tier}`);
    expect(inA.length).toBeGreaterThan(0);
    expect(down(zoneDown)).toEqual(inA);
    const tier = variant.nodes.find((n) => n.kind === 'service') as { id: string };
    const tierDown = down(marksOf(doc, variant, [tier.id]));
    expect(tierDown.every((p) => p.endsWith(`:${tier.id}`))).toBe(true);
    expect(tierDown).toHaveLength(variant.nodes.filter((n) => n.kind === 'zone').length);
    // A region outage takes every zone of the region with it.
    expect(down(marksOf(doc, variant, ['use1']))).toHaveLength(
      [...zoneDown.values()].reduce((sum, { marks: m }) => sum + (m.pips?.length ?? 0), 0),
    );
  });
});

describe('roles on the canvas', () => {
  const doc = (stem: string) =>
    (templates().find(([f]) => f.startsWith(stem)) as [string, NinesDocument])[1];

  it('pilot light: the standby replica promoted by hand, the scaled-down app', () => {
    const d = doc('pilot-light');
    const marks = marksOf(d, d.variants[0] as Variant);
    expect(marks.get('euw1')?.marks.region).toEqual({ share: 0, isStandby: true });
    expect(marks.get('redis-euw1')?.marks).toEqual({
      standby: { promotion: 'manual' },
      scaledDown: { instances: 1, full: 2 },
    });
    expect(marks.get('app-euw1')?.marks).toEqual({ scaledDown: { instances: 1, full: 15 } });
    expect(marks.has('lb-euw1')).toBe(false);
  });

  it('the view reuses a node whose marks did not change and rebuilds one whose marks did', () => {
    const d = doc('single-region');
    const variant = d.variants[0] as Variant;
    const selection = (stopped: string[]) => ({
      nodes: new Set<string>(),
      edges: new Set<string>(),
      marks: new Map(),
      nodeMarks: marksOf(d, variant, stopped),
    });
    const first = toFlow(variant, selection([]));
    const second = toFlow(variant, selection(['use1-a']), first);
    const byId = (view: typeof first, id: string) => view.nodes.find((n) => n.id === id);
    expect(byId(second, 'use1-b')).toBe(byId(first, 'use1-b'));
    expect(byId(second, 'use1-a')).not.toBe(byId(first, 'use1-a'));
    expect(byId(second, 'use1-a')?.data.marks?.pips?.every((p) => p.isDown)).toBe(true);
  });

  it('replication edges: manual failover and Active-Active in the label and the class', () => {
    const view = (stem: string) => {
      const d = doc(stem);
      const variant = d.variants[0] as Variant;
      const roles = diagramRoles(variant, regionTrafficShares(d, variant));
      return toFlow(variant, {
        nodes: new Set(),
        edges: new Set(),
        marks: new Map(),
        roles,
      }).edges.find((e) => e.type === 'replicates');
    };
    expect(view('pilot-light')?.data?.label).toBe('async · manual failover');
    expect(view('pilot-light')?.className).toContain('is-manual');
    expect(view('warm-standby')?.data?.label).toBe('async');
    expect(view('active-active-2')?.data?.label).toBe('active-active · async');
    expect(view('active-active-2')?.className).toContain('is-active-active');
  });
});
