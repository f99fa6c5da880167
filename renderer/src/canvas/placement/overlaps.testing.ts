/**
 * For tests: what breaks the tidy rule in a variant as the canvas shows it, checked directly on
 * absolute boxes (independently of how tidy.ts arranges them): two nodes of which neither holds
 * the other overlapping, and a node sticking out of its container.
 */
import type { Variant } from '../../../../shared/model/types';
import { layoutVariant } from '../layout';
import { isInside, overlaps } from './geometry';
import { absoluteBox } from './variant-geometry';

/** Every breach of the rule in `variant`, as sentences; empty when there is none. */
export function overlapsIn(variant: Variant): string[] {
  const boxes = layoutVariant(variant);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const ancestors = (id: string): Set<string> => {
    const out = new Set<string>();
    for (let p = byId.get(id)?.parent; p !== undefined && !out.has(p); p = byId.get(p)?.parent) {
      out.add(p);
    }
    return out;
  };
  const abs = variant.nodes.map((n) => ({
    id: n.id,
    box: absoluteBox(variant, boxes, n.id),
    above: ancestors(n.id),
  }));
  const problems: string[] = [];
  abs.forEach((a, i) => {
    const parent = byId.get(a.id)?.parent;
    const outer = parent === undefined ? undefined : abs.find((p) => p.id === parent);
    if (outer && !isInside(a.box, outer.box)) {
      problems.push(
        `${a.id} ${JSON.stringify(a.box)} sticks out of ${outer.id} ${JSON.stringify(outer.box)}`,
      );
    }
    for (const b of abs.slice(i + 1)) {
      if (a.above.has(b.id) || b.above.has(a.id)) continue;
      if (overlaps(a.box, b.box)) {
        problems.push(`${a.id} ${JSON.stringify(a.box)} overlaps ${b.id} ${JSON.stringify(b.box)}`);
      }
    }
  });
  return problems;
}
