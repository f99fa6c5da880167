// @vitest-environment jsdom
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { NinesDocument, Variant } from '../../model/types';
import {
  DIAGRAM_COLOURS,
  buildTopologyDrawing,
  componentDetail,
  displayName,
  hasCompleteLayout,
  mermaidId,
  toMermaid,
  topologyFigure,
  wrapText,
} from './index';
import { contentWidth } from '../document';
import {
  textWidth,
  toSvg,
  type Drawing,
  type GroupShape,
  type LineShape,
  type RectShape,
  type Shape,
} from '../drawing';

// Test files under jsdom get jsdom's URL, so paths are built from the module's own path.
const here = dirname(fileURLToPath(import.meta.url));

function template(name: string): NinesDocument {
  const path = join(here, '../../../assets/templates', `${name}.nines.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as NinesDocument;
}

function firstVariant(name: string): Variant {
  const variant = template(name).variants[0];
  if (!variant) throw new Error(`${name} has no variant`);
  return variant;
}

const aa3 = firstVariant('active-active-3-regions');

function group(drawing: Drawing, id: string): GroupShape {
  const found = drawing.shapes.find(
    (s): s is GroupShape => s.type === 'group' && s.id === `node-${id}`,
  );
  if (!found) throw new Error(`no group for ${id}`);
  return found;
}

/** The outline of a card, or the container rectangle drawn before the edges. */
function boxOf(drawing: Drawing, variant: Variant, id: string): RectShape {
  const node = variant.nodes.find((n) => n.id === id);
  if (node?.kind === 'region' || node?.kind === 'zone') {
    const containers = [
      ...variant.nodes.filter((n) => n.kind === 'region'),
      ...variant.nodes.filter((n) => n.kind === 'zone'),
    ];
    const rects = drawing.shapes.filter((s): s is RectShape => s.type === 'rect');
    const rect = rects[containers.findIndex((n) => n.id === id)];
    if (!rect) throw new Error(`no rect for ${id}`);
    return rect;
  }
  const first = group(drawing, id).shapes[0];
  if (first?.type !== 'rect') throw new Error(`card ${id} does not start with its outline`);
  return first;
}

function inside(inner: RectShape, outer: RectShape): boolean {
  const e = 1e-6;
  return (
    inner.x >= outer.x - e &&
    inner.y >= outer.y - e &&
    inner.x + inner.width <= outer.x + outer.width + e &&
    inner.y + inner.height <= outer.y + outer.height + e
  );
}

type Point = readonly [number, number];

/** Whether `p` lies on the outline of `box` (within rounding). */
function onBorder(p: Point | undefined, box: RectShape): boolean {
  if (!p) return false;
  const e = 1e-6;
  const withinX = p[0] >= box.x - e && p[0] <= box.x + box.width + e;
  const withinY = p[1] >= box.y - e && p[1] <= box.y + box.height + e;
  const onX = Math.abs(p[0] - box.x) < e || Math.abs(p[0] - box.x - box.width) < e;
  const onY = Math.abs(p[1] - box.y) < e || Math.abs(p[1] - box.y - box.height) < e;
  return (withinX && onY) || (withinY && onX);
}

/** Whether the segment a–b passes through the inside of `box` (touching its outline is not). */
function crossesInside(a: Point, b: Point, box: RectShape): boolean {
  // Liang–Barsky clipping against the box shrunk by a hair.
  const e = 1e-6;
  const [x0, x1, y0, y1] = [box.x + e, box.x + box.width - e, box.y + e, box.y + box.height - e];
  let [t0, t1] = [0, 1];
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  for (const [p, q] of [
    [-dx, a[0] - x0],
    [dx, x1 - a[0]],
    [-dy, a[1] - y0],
    [dy, y1 - a[1]],
  ] as const) {
    if (p === 0) {
      if (q <= 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t1 - t0 > e;
}

function texts(shapes: readonly Shape[]): string[] {
  return shapes.flatMap((s) =>
    s.type === 'text' ? [s.text] : s.type === 'group' ? texts(s.shapes) : [],
  );
}

describe('buildTopologyDrawing', () => {
  it('places the file layout (relative to parents) in absolute coordinates, scaled to fit', () => {
    expect(hasCompleteLayout(aa3)).toBe(true);
    const drawing = buildTopologyDrawing(aa3, { maxWidth: 600 });
    expect(drawing.width).toBeLessThanOrEqual(600);
    const use1 = boxOf(drawing, aa3, 'use1');
    const euw1 = boxOf(drawing, aa3, 'euw1');
    const lb = boxOf(drawing, aa3, 'lb-use1');
    const lbEu = boxOf(drawing, aa3, 'lb-euw1');
    // Region widths 664 and x offsets 0 and 712 in the file: one scale for everything.
    const scale = use1.width / 664;
    expect(euw1.x - use1.x).toBeCloseTo(712 * scale, 6);
    // lb-use1 sits at (16, 44) inside its region, as does lb-euw1 inside its own.
    expect(lb.x - use1.x).toBeCloseTo(16 * scale, 6);
    expect(lb.y - use1.y).toBeCloseTo(44 * scale, 6);
    expect(lbEu.x - euw1.x).toBeCloseTo(16 * scale, 6);
    for (const zone of ['use1-a', 'use1-b', 'use1-c']) {
      expect(inside(boxOf(drawing, aa3, zone), use1)).toBe(true);
    }
  });

  it('falls back to a deterministic grid without a layout: containers hold their cards, cards do not overlap', () => {
    const { layout: _layout, ...bare } = aa3;
    expect(hasCompleteLayout(bare)).toBe(false);
    const drawing = buildTopologyDrawing(bare, { maxWidth: 700 });
    expect(buildTopologyDrawing(bare, { maxWidth: 700 })).toEqual(drawing);
    const cards = bare.nodes.filter((n) => n.kind !== 'region' && n.kind !== 'zone');
    for (const node of cards) {
      if (node.parent)
        expect(inside(boxOf(drawing, bare, node.id), boxOf(drawing, bare, node.parent))).toBe(true);
    }
    for (const a of cards) {
      for (const b of cards) {
        if (a.id >= b.id) continue;
        const ra = boxOf(drawing, bare, a.id);
        const rb = boxOf(drawing, bare, b.id);
        const overlaps =
          ra.x < rb.x + rb.width &&
          rb.x < ra.x + ra.width &&
          ra.y < rb.y + rb.height &&
          rb.y < ra.y + ra.height;
        expect(overlaps, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });

  it('draws depends as solid arrows, replicates as dashed lines, cross-region depends in the warning colour', () => {
    const lines = (v: Variant) =>
      buildTopologyDrawing(v, { maxWidth: 700 }).shapes.filter((s) => s.type === 'line');
    const plain = lines(aa3);
    const depends = aa3.edges.filter((e) => e.kind === 'depends').length;
    const replicates = aa3.edges.filter((e) => e.kind === 'replicates').length;
    expect(
      plain.filter((l) => l.stroke === DIAGRAM_COLOURS.depends && l.arrow && !l.dash),
    ).toHaveLength(depends);
    const dashed = plain.filter((l) => l.stroke === DIAGRAM_COLOURS.replicates);
    expect(dashed).toHaveLength(replicates);
    expect(dashed.every((l) => (l.dash?.length ?? 0) > 0 && !l.arrow)).toBe(true);
    expect(plain.some((l) => l.stroke === DIAGRAM_COLOURS.crossRegion)).toBe(false);

    const crossing: Variant = {
      ...aa3,
      edges: [...aa3.edges, { from: 'app-use1', to: 'redis-euw1', kind: 'depends' }],
    };
    expect(lines(crossing).filter((l) => l.stroke === DIAGRAM_COLOURS.crossRegion)).toHaveLength(1);
  });

  it('keys the line styles it uses in a legend', () => {
    const legend = (v: Variant) =>
      texts(
        buildTopologyDrawing(v, { maxWidth: 700 }).shapes.filter(
          (s) => s.type === 'group' && s.id === 'legend',
        ),
      );
    expect(legend(aa3)).toEqual([
      'request dependency',
      'Active-Active replication',
      'backup',
      'instances in a zone, one square each',
    ]);
    const crossing: Variant = {
      ...aa3,
      edges: [...aa3.edges, { from: 'app-use1', to: 'redis-euw1', kind: 'depends' }],
    };
    expect(legend(crossing)).toContain('cross-region call');
  });

  it('routes every edge around the cards: no segment crosses a card but its own two, for every template', () => {
    const templates = readdirSync(join(here, '../../../assets/templates')).map((f) =>
      f.replace('.nines.json', ''),
    );
    expect(templates.length).toBeGreaterThanOrEqual(6);
    let checked = 0;
    for (const name of templates) {
      for (const variant of template(name).variants) {
        const { layout: _layout, ...gridded } = variant;
        for (const v of [variant, gridded as Variant]) {
          const drawing = buildTopologyDrawing(v, { maxWidth: 700 });
          const lines = drawing.shapes.filter((s): s is LineShape => s.type === 'line');
          const edges = v.edges;
          expect(lines).toHaveLength(edges.length);
          const cards = v.nodes.filter((n) => n.kind !== 'region' && n.kind !== 'zone');
          edges.forEach((edge, i) => {
            const points = lines[i]?.points ?? [];
            const from = boxOf(drawing, v, edge.from);
            const to = boxOf(drawing, v, edge.to);
            expect(onBorder(points[0], from), `${name} ${edge.from} start`).toBe(true);
            expect(onBorder(points[points.length - 1], to), `${name} ${edge.to} end`).toBe(true);
            for (let k = 1; k < points.length; k += 1) {
              const [a, b] = [points[k - 1], points[k]] as [Point, Point];
              // Every stretch is horizontal or vertical.
              expect(a[0] === b[0] || a[1] === b[1], `${name} ${edge.from}→${edge.to}`).toBe(true);
              for (const card of cards) {
                const isEnd =
                  (card.id === edge.from && k === 1) ||
                  (card.id === edge.to && k === points.length - 1);
                if (isEnd) continue;
                expect(
                  crossesInside(a, b, boxOf(drawing, v, card.id)),
                  `${name}/${v.id}${v.layout ? '' : ' (grid)'}: ${edge.from}→${edge.to} crosses ${card.id}`,
                ).toBe(false);
              }
            }
            checked += 1;
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('marks in each zone the instances of the tiers of its region, round-robin over the zones', () => {
    const drawing = buildTopologyDrawing(aa3, { maxWidth: 700 });
    const zones = aa3.nodes.filter((n) => n.kind === 'zone' && n.parent === 'use1');
    const titles = zones.map((z) => group(drawing, z.id).title);
    // 8 Checkout API instances over 3 zones: 3, 3, 2; 2 Redis instances: 1, 1, 0.
    expect(titles).toEqual([
      'use1-a · us-east-1a · Checkout API × 3, Redis Enterprise Active-Active × 1',
      'use1-b · us-east-1b · Checkout API × 3, Redis Enterprise Active-Active × 1',
      'use1-c · us-east-1c · Checkout API × 2',
    ]);
    const marks = zones.map(
      (z) =>
        group(drawing, z.id).shapes.filter(
          (s) => s.type === 'rect' && s.fill === DIAGRAM_COLOURS.accent.service,
        ).length,
    );
    expect(marks).toEqual([3, 3, 2]);
  });

  it('labels every node: its group carries the full name and shows its start', () => {
    for (const name of ['active-active-3-regions', 'pilot-light-2-regions', 'single-region-3az']) {
      const variant = firstVariant(name);
      const drawing = buildTopologyDrawing(variant, { maxWidth: contentWidth('LETTER', true) });
      for (const node of variant.nodes) {
        const g = group(drawing, node.id);
        expect(g.title.startsWith(displayName(node))).toBe(true);
        const label =
          node.kind === 'zone' ? (node.location ?? displayName(node)) : displayName(node);
        // A shown line is the label or its start (wrapped or shortened with an ellipsis).
        const starts = texts(g.shapes)
          .map((t) => t.replace(/…$/, ''))
          .filter((t) => t.length >= Math.min(4, label.length) && label.startsWith(t));
        expect(starts.length, `${name}: ${node.id}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('componentDetail', () => {
  it('says instances × type and how many are needed for a tier', () => {
    const app = aa3.nodes.find((n) => n.id === 'app-use1');
    const dns = aa3.nodes.find((n) => n.id === 'dns');
    if (!app || !dns) throw new Error('template changed');
    expect(componentDetail(app, aa3)).toBe('8 × m7i.large · 4 needed');
    expect(componentDetail(dns, aa3)).toBe('1 of 3\u00a0targets');
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width and ellipsises the last allowed line', () => {
    const lines = wrapText('Redis Enterprise Active-Active member', 60, 8, false, 2);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => textWidth(l, 8) <= 60)).toBe(true);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(wrapText('', 60, 8, false, 2)).toEqual([]);
  });
});

describe('topologyFigure', () => {
  it('puts a wide topology on a landscape page and a narrow one on the portrait page', () => {
    const wide = topologyFigure(aa3, { id: 'f1', caption: 'c' });
    expect(wide.landscape).toBe(true);
    expect(wide.drawing.width).toBeLessThanOrEqual(contentWidth('LETTER', true));
    const narrow = topologyFigure(firstVariant('single-region-3az'), { id: 'f2', caption: 'c' });
    expect(narrow.landscape).toBe(false);
    expect(narrow.drawing.width).toBeLessThanOrEqual(contentWidth('LETTER'));
  });

  it('gives SVG that parses and names every node', () => {
    const svg = toSvg(topologyFigure(aa3, { id: 'f', caption: 'c' }).drawing);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const titles = [...doc.getElementsByTagName('g')].map(
      (g) => g.getElementsByTagName('title')[0]?.textContent ?? '',
    );
    for (const node of aa3.nodes)
      expect(titles.some((t) => t.startsWith(displayName(node)))).toBe(true);
  });
});

describe('toMermaid', () => {
  it('makes a subgraph per container, a node per component and a link per edge', () => {
    const text = toMermaid(aa3);
    const lines = text.split('\n');
    expect(lines[0]).toBe('flowchart LR');
    for (const node of aa3.nodes) {
      const id = mermaidId(node.id);
      const isContainer = node.kind === 'region' || node.kind === 'zone';
      const pattern = isContainer
        ? new RegExp(`^\\s*subgraph ${id}\\["`)
        : new RegExp(`^\\s*${id}\\["`);
      expect(
        lines.filter((l) => pattern.test(l)),
        node.id,
      ).toHaveLength(1);
    }
    expect(lines.filter((l) => /^\s*end$/.test(l))).toHaveLength(
      aa3.nodes.filter((n) => n.kind === 'region' || n.kind === 'zone').length,
    );
    expect(lines.filter((l) => / (-->|-\.-|-\.->) /.test(l))).toHaveLength(aa3.edges.length);
  });
});
