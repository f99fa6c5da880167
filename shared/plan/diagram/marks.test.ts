// The exports' marks: standby regions and datastores, scaled-down tiers, how replication edges
// replicate and promote, and the legend that names them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NinesDocument, Variant } from '../../model/types';
import type { GroupShape, LineShape, RectShape, Shape, TextShape } from '../drawing';
import { buildTopologyDrawing } from './index';
import { EDGE_STYLES, LEGEND_LABELS, STANDBY_DASH } from './legend';

function variantOf(name: string): Variant {
  const url = new URL(`../../../assets/templates/${name}.nines.json`, import.meta.url);
  const doc = JSON.parse(readFileSync(url, 'utf8')) as NinesDocument;
  return doc.variants[0] as Variant;
}

const group = (shapes: readonly Shape[], id: string): GroupShape => {
  const found = shapes.find((s): s is GroupShape => s.type === 'group' && s.id === id);
  if (!found) throw new Error(`no group ${id}`);
  return found;
};
const texts = (g: GroupShape) =>
  g.shapes.filter((s): s is TextShape => s.type === 'text').map((t) => t.text);
/** Text with its non-breaking spaces (shared/text puts one before `%`) as plain spaces. */
const plain = (g: GroupShape) => texts(g).map((t) => t.replace(/\u00a0/g, ' '));
const outline = (g: GroupShape) => g.shapes.find((s): s is RectShape => s.type === 'rect');

describe('roles in the exported drawing', () => {
  const pilot = buildTopologyDrawing(variantOf('pilot-light-2-regions'), { maxWidth: 1200 });
  const warm = buildTopologyDrawing(variantOf('warm-standby-2-regions'), { maxWidth: 1200 });

  it('a standby region: dashed outline and its share of the traffic, the active one its share', () => {
    expect(plain(group(pilot.shapes, 'node-euw1'))).toContain('Standby · 0 % of traffic');
    expect(plain(group(pilot.shapes, 'node-use1'))).toContain('100 % of traffic');
    const regionOutline = pilot.shapes.find(
      (s): s is RectShape => s.type === 'rect' && s.dash === STANDBY_DASH,
    );
    expect(regionOutline).toBeDefined();
  });

  it('pilot light and warm standby say different things on the standby cards', () => {
    const kindLine = (d: typeof pilot, id: string) => plain(group(d.shapes, `node-${id}`))[0];
    expect(kindLine(pilot, 'redis-euw1')).toMatch(/^Standby, promoted by hand, 1 of 2 · Datas/);
    expect(kindLine(warm, 'redis-euw1')).toMatch(/^Standby · Datastore/);
    expect(kindLine(pilot, 'app-euw1')).toBe('Scaled down, 1 of 15 · Service');
    expect(kindLine(warm, 'app-euw1')).toBe('Scaled down, 4 of 15 · Service');
    expect(outline(group(pilot.shapes, 'node-redis-euw1'))?.dash).toEqual(STANDBY_DASH);
    expect(outline(group(pilot.shapes, 'node-redis-use1'))?.dash).toBeUndefined();
  });

  it('replication: dash-dot when promoted by hand, long dashes between Active-Active members', () => {
    const replication = (d: typeof pilot) =>
      d.shapes.filter(
        (s): s is LineShape => s.type === 'line' && s.stroke === EDGE_STYLES.replication.colour,
      );
    expect(replication(pilot).map((l) => l.dash)).toEqual([EDGE_STYLES['manual-failover'].dash]);
    expect(replication(warm).map((l) => l.dash)).toEqual([EDGE_STYLES.replication.dash]);
    const aa = buildTopologyDrawing(variantOf('active-active-2-regions'), { maxWidth: 1200 });
    expect(replication(aa).map((l) => l.dash)).toEqual([EDGE_STYLES['active-active'].dash]);
  });

  it('the legend names every mark the drawing uses, wrapped within the drawing', () => {
    const legend = group(pilot.shapes, 'legend');
    expect(texts(legend)).toEqual([
      LEGEND_LABELS.depends,
      LEGEND_LABELS['manual-failover'],
      LEGEND_LABELS.backup,
      LEGEND_LABELS.pips,
      LEGEND_LABELS.standby,
    ]);
    const narrow = buildTopologyDrawing(variantOf('pilot-light-2-regions'), { maxWidth: 300 });
    const lines = group(narrow.shapes, 'legend').shapes.filter(
      (s): s is TextShape => s.type === 'text',
    );
    expect(new Set(lines.map((t) => t.y)).size).toBeGreaterThan(1);
    expect(Math.max(...lines.map((t) => t.y))).toBeLessThanOrEqual(narrow.height);
  });

  it("the document's traffic share, when given, decides the standby region", () => {
    const uneven = buildTopologyDrawing(variantOf('pilot-light-2-regions'), {
      maxWidth: 1200,
      trafficShare: new Map([
        ['use1', 0.6],
        ['euw1', 0.4],
      ]),
    });
    expect(plain(group(uneven.shapes, 'node-euw1'))).toContain('40 % of traffic');
    expect(plain(group(uneven.shapes, 'node-euw1')).join(' ')).not.toMatch(/Standby/);
  });
});
