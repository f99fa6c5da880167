// The tidy rule as a property: after every step of a random sequence of placing edits (add a
// region, a zone, a component; move; resize; paste; duplicate; delete; align), no two nodes of
// which neither holds the other overlap, every node lies inside its container, and the document
// still parses.
// Seeded and bounded, so it runs the same sequences every time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deleteNodes } from '../../../../shared/model/ops/delete';
import { emptyDocument } from '../../../../shared/model/ops/new-document';
import { copyNodes } from '../../../../shared/model/ops/paste';
import { dropTarget } from '../../../../shared/model/ops/placement';
import { parseDocument } from '../../../../shared/schema/parse';
import type { NinesDocument, NodeKind, Variant } from '../../../../shared/model/types';
import { BUNDLED_TEMPLATES } from '../../app/templates';
import { layoutVariant } from '../layout';
import { alignRects, arrangeNodes } from './align';
import { dropMoves, moveAndTidy, placeNode, resizeAndTidy } from './edits';
import { duplicateSpot, pasteAt } from './paste';
import { absoluteBox, containersAt } from './variant-geometry';
import { overlapsIn } from './overlaps.testing';

const COMPONENTS: readonly NodeKind[] = ['router', 'service', 'datastore', 'queue', 'external'];

type Step =
  | { op: 'region'; x: number; y: number }
  | { op: 'zone'; pick: number }
  | { op: 'component'; kind: NodeKind; x: number; y: number; pick: number; inside: boolean }
  | { op: 'move'; pick: number; dx: number; dy: number }
  | { op: 'resize'; pick: number; dw: number; dh: number }
  | { op: 'paste'; pick: number; at: 'pointer' | 'beside' | 'duplicate'; x: number; y: number }
  | { op: 'delete'; pick: number }
  | { op: 'align'; picks: number[]; how: 'left' | 'top' | 'centre' | 'bottom' };

const coord = fc.integer({ min: -200, max: 1400 });
const nat = fc.nat({ max: 1000 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('region' as const), x: coord, y: coord }),
  fc.record({ op: fc.constant('zone' as const), pick: nat }),
  fc.record({
    op: fc.constant('component' as const),
    kind: fc.constantFrom(...COMPONENTS),
    x: coord,
    y: coord,
    pick: nat,
    inside: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('move' as const),
    pick: nat,
    dx: fc.integer({ min: -400, max: 400 }),
    dy: fc.integer({ min: -400, max: 400 }),
  }),
  fc.record({
    op: fc.constant('resize' as const),
    pick: nat,
    dw: fc.integer({ min: -200, max: 400 }),
    dh: fc.integer({ min: -200, max: 400 }),
  }),
  fc.record({
    op: fc.constant('paste' as const),
    pick: nat,
    at: fc.constantFrom('pointer' as const, 'beside' as const, 'duplicate' as const),
    x: coord,
    y: coord,
  }),
  fc.record({ op: fc.constant('delete' as const), pick: nat }),
  fc.record({
    op: fc.constant('align' as const),
    picks: fc.array(nat, { minLength: 2, maxLength: 4 }),
    how: fc.constantFrom('left' as const, 'top' as const, 'centre' as const, 'bottom' as const),
  }),
);

const variantOf = (doc: NinesDocument): Variant => doc.variants[0] as Variant;
const pickFrom = <T>(items: readonly T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];

/** Applies one step the way the editor does; steps that cannot apply leave the document. */
function apply(doc: NinesDocument, s: Step): NinesDocument {
  const variant = variantOf(doc);
  const vid = variant.id;
  const nodes = variant.nodes;
  const boxes = layoutVariant(variant);
  switch (s.op) {
    case 'region':
      return placeNode(doc, vid, 'region', undefined, { x: s.x, y: s.y }).document;
    case 'zone': {
      const region = pickFrom(
        nodes.filter((n) => n.kind === 'region'),
        s.pick,
      );
      return region ? placeNode(doc, vid, 'zone', region.id, { x: 0, y: 0 }).document : doc;
    }
    case 'component': {
      // Inside a container (a palette click with it selected) or dropped at a point.
      const container = s.inside
        ? pickFrom(
            nodes.filter((n) => n.kind === 'region' || n.kind === 'zone'),
            s.pick,
          )
        : undefined;
      if (container) {
        const box = absoluteBox(variant, boxes, container.id);
        return placeNode(doc, vid, s.kind, container.id, {
          x: box.x + box.width / 2,
          y: box.y + box.height / 2,
        }).document;
      }
      const parent = dropTarget(s.kind, containersAt(variant, { x: s.x, y: s.y }));
      return placeNode(doc, vid, s.kind, parent?.id, { x: s.x, y: s.y }).document;
    }
    case 'move': {
      const node = pickFrom(nodes, s.pick);
      if (!node) return doc;
      const box = absoluteBox(variant, boxes, node.id);
      const moves = dropMoves(variant, [
        { id: node.id, absolute: { x: box.x + s.dx, y: box.y + s.dy }, ...box },
      ]);
      return moveAndTidy(doc, vid, moves);
    }
    case 'resize': {
      const node = pickFrom(
        nodes.filter((n) => n.kind === 'region' || n.kind === 'zone'),
        s.pick,
      );
      const box = node && boxes.get(node.id);
      if (!node || !box) return doc;
      return resizeAndTidy(doc, vid, node.id, {
        ...box,
        width: Math.max(40, box.width + s.dw),
        height: Math.max(40, box.height + s.dh),
      });
    }
    case 'paste': {
      const node = pickFrom(nodes, s.pick);
      if (!node) return doc;
      const clip = copyNodes(variant, [node.id]);
      const at =
        s.at === 'pointer'
          ? { x: s.x, y: s.y }
          : s.at === 'duplicate'
            ? duplicateSpot(variant, clip)
            : null;
      return pasteAt(doc, vid, clip, at).document;
    }
    case 'delete': {
      const node = pickFrom(nodes, s.pick);
      return node ? deleteNodes(doc, vid, [node.id]) : doc;
    }
    case 'align': {
      const ids = [...new Set(s.picks.map((p) => pickFrom(nodes, p)?.id))].filter(
        (id): id is string => id !== undefined,
      );
      return arrangeNodes(doc, vid, ids, (rects) => alignRects(rects, s.how));
    }
  }
}

const starts: readonly [string, NinesDocument][] = [
  ['an empty document', emptyDocument()],
  ...BUNDLED_TEMPLATES.filter((t) =>
    ['single-region-3az', 'active-active-2-regions'].includes(t.stem),
  ).map((t): [string, NinesDocument] => {
    if (!t.parsed.ok) throw new Error(`${t.stem} does not parse`);
    return [t.stem, t.parsed.document];
  }),
];

describe('placement keeps nodes apart (property)', () => {
  for (const [name, start] of starts) {
    it(`after every step of random edit sequences from ${name}`, () => {
      expect(overlapsIn(variantOf(start))).toEqual([]);
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => {
          let doc = start;
          for (const s of steps) {
            doc = apply(doc, s);
            const problems = overlapsIn(variantOf(doc));
            if (problems.length > 0) throw new Error(`after ${JSON.stringify(s)}: ${problems[0]}`);
            // A design whose last node went has no entry: the model's concern, not placement's.
            const parsed = parseDocument(structuredClone(doc));
            const broken = parsed.ok
              ? []
              : parsed.problems.filter((p) => !p.path.endsWith('entry'));
            if (broken.length > 0)
              throw new Error(`after ${JSON.stringify(s)}: ${JSON.stringify(broken)}`);
          }
        }),
        { seed: 17, numRuns: 25 },
      );
    });
  }
});
