import { describe, expect, it } from 'vitest';
import { routeEdges } from './route';

const card = (x: number, y: number) => ({ x, y, width: 40, height: 20 });

describe('routeEdges under its work budget', () => {
  // Two rows of cards, each top card joined to the card below it: short, independent routes.
  const tops = [0, 1, 2, 3].map((i) => card(i * 80, 0));
  const bottoms = [0, 1, 2, 3].map((i) => card(i * 80, 80));
  const edges = tops.map((from, i) => ({ from, to: bottoms[i]! }));
  const cards = [...tops, ...bottoms];

  it('routes every edge when the budget allows', () => {
    expect(routeEdges(edges, cards, { clearance: 6 }).every((r) => r !== undefined)).toBe(true);
  });

  it('leaves the edges beyond the budget without a route (drawn straight), never the rest', () => {
    const full = routeEdges(edges, cards, { clearance: 6 });
    // The routing grid's points (each card's sides pushed out by the clearance and its middle,
    // plus the two outer lines each way), searched once per route: room for exactly two routes.
    const xs = new Set(cards.flatMap((b) => [b.x - 6, b.x + b.width + 6, b.x + b.width / 2]));
    const ys = new Set(cards.flatMap((b) => [b.y - 6, b.y + b.height + 6, b.y + b.height / 2]));
    const grid = (xs.size + 2) * (ys.size + 2);
    const bounded = routeEdges(edges, cards, { clearance: 6, workBudget: 2 * grid });
    expect(bounded.filter((r) => r !== undefined)).toHaveLength(2);
    bounded.forEach((r, i) => {
      if (r !== undefined) expect(r).toEqual(full[i]);
    });
    expect(routeEdges(edges, cards, { clearance: 6, workBudget: 0 })).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
