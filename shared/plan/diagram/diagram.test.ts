// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
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

  it('draws depends as solid arrows, replicates as dashed arcs, cross-region depends in the warning colour', () => {
    const lines = (v: Variant) =>
      buildTopologyDrawing(v, { maxWidth: 700 }).shapes.filter((s) => s.type === 'line');
    const plain = lines(aa3);
    const depends = aa3.edges.filter((e) => e.kind === 'depends').length;
    const replicates = aa3.edges.filter((e) => e.kind === 'replicates').length;
    expect(
      plain.filter((l) => l.stroke === DIAGRAM_COLOURS.depends && l.arrow && !l.dash),
    ).toHaveLength(depends);
    const arcs = plain.filter((l) => l.stroke === DIAGRAM_COLOURS.replicates);
    expect(arcs).toHaveLength(replicates);
    expect(
      arcs.every((l) => l.control !== undefined && (l.dash?.length ?? 0) > 0 && !l.arrow),
    ).toBe(true);
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
    expect(legend(aa3)).toEqual(['request dependency', 'replication', 'backup']);
    const crossing: Variant = {
      ...aa3,
      edges: [...aa3.edges, { from: 'app-use1', to: 'redis-euw1', kind: 'depends' }],
    };
    expect(legend(crossing)).toContain('cross-region call');
  });

  it('routes replication over side-by-side regions and beside stacked ones', () => {
    const place = (use1: [number, number], usw2: [number, number]): Variant => ({
      ...aa3,
      edges: aa3.edges.filter(
        (e) => e.kind !== 'replicates' || (e.from === 'redis-use1' && e.to === 'redis-usw2'),
      ),
      layout: {
        ...aa3.layout,
        use1: { x: use1[0], y: use1[1], width: 664, height: 300 },
        usw2: { x: usw2[0], y: usw2[1], width: 664, height: 300 },
      },
    });
    const arc = (v: Variant) => {
      const d = buildTopologyDrawing(v, { maxWidth: 2000 });
      const line = d.shapes.find(
        (s) => s.type === 'line' && s.stroke === DIAGRAM_COLOURS.replicates,
      );
      if (line?.type !== 'line' || !line.control) throw new Error('no arc');
      return { d, line, control: line.control };
    };
    const beside = arc(place([0, 136], [1424, 136]));
    const regionTop = boxOf(beside.d, aa3, 'use1').y;
    expect(beside.control[1]).toBeLessThan(regionTop);
    const stacked = arc(place([0, 136], [0, 500]));
    const card = boxOf(stacked.d, aa3, 'redis-use1');
    const region = boxOf(stacked.d, aa3, 'use1');
    expect(stacked.line.points[0]?.[0]).toBeCloseTo(card.x + card.width, 6);
    expect(stacked.control[0]).toBeGreaterThan(region.x + region.width);
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
