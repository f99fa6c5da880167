import { describe, expect, it } from 'vitest';
import { findCrossings, grown, isRouteValid, labelSpot, nudgeRoutes, routeEdges } from '.';
import type { Box, Point } from '.';
import { Heap } from './heap';

const card = (x: number, y: number): Box => ({ x, y, width: 40, height: 20 });

describe('routeEdges under its work budget', () => {
  // Two rows of cards, each top card joined to the card below it: short, independent routes.
  const tops = [0, 1, 2, 3].map((i) => card(i * 80, 0));
  const bottoms = [0, 1, 2, 3].map((i) => card(i * 80, 80));
  const edges = tops.map((from, i) => ({ from, to: bottoms[i]! }));
  const cards = [...tops, ...bottoms];

  it('routes every edge when the budget allows: straight down, middle of side to middle of side', () => {
    expect(routeEdges(edges, cards, { clearance: 6 })).toEqual(
      tops.map((t) => [
        [t.x + 20, 20],
        [t.x + 20, 80],
      ]),
    );
  });

  it('leaves the edges beyond the budget without a route (drawn straight), never the rest', () => {
    const full = routeEdges(edges, cards, { clearance: 6 });
    expect(routeEdges(edges, cards, { clearance: 6, workBudget: 0 })).toEqual(
      edges.map(() => undefined),
    );
    let routed = 0;
    for (let budget = 0; budget <= 40; budget += 1) {
      const bounded = routeEdges(edges, cards, { clearance: 6, workBudget: budget });
      const count = bounded.filter((r) => r !== undefined).length;
      // More budget never routes fewer edges, and a route laid is the one laid without limit.
      expect(count).toBeGreaterThanOrEqual(routed);
      routed = count;
      bounded.forEach((r, i) => {
        if (r !== undefined) expect(r).toEqual(full[i]);
      });
    }
    expect(routed).toBe(edges.length);
  });
});

describe('routeEdges around obstacles', () => {
  // A card in the way between two others on one row; a label above it.
  const from = card(0, 100);
  const middle = card(100, 100);
  const to = card(200, 100);
  const label: Box = { x: 90, y: 60, width: 60, height: 14 };

  it('goes around the card in the way, keeping the clearance, and never through a label', () => {
    const [route] = routeEdges([{ from, to }], [from, middle, to], {
      clearance: 6,
      labels: [label],
    });
    expect(route).toBeDefined();
    const points = route as Point[];
    expect(findCrossings([points], [grown(middle, 6), grown(label, 6)])).toEqual([]);
    // Without the label the route may run where the label was; with it, it goes below.
    expect(points.some((p) => p[1] > 120)).toBe(true);
    expect(isRouteValid(points, { from, to }, [from, middle, to, label], 6)).toBe(true);
  });

  it('keeps a still-valid earlier route and re-routes one a card now blocks', () => {
    const straight: Point[] = [
      [40, 110],
      [200, 110],
    ];
    expect(isRouteValid(straight, { from, to }, [from, middle, to], 6)).toBe(false);
    expect(isRouteValid(straight, { from, to }, [from, to], 6)).toBe(true);
    expect(routeEdges([{ from, to }], [from, to], { clearance: 6, previous: [straight] })).toEqual([
      straight,
    ]);
    const [rerouted] = routeEdges([{ from, to }], [from, middle, to], {
      clearance: 6,
      previous: [straight],
    });
    expect(rerouted).not.toEqual(straight);
    expect(findCrossings([rerouted as Point[]], [middle])).toEqual([]);
    // Told which boxes are new, it checks the kept route against those only.
    const options = { clearance: 6, previous: [straight] };
    expect(
      routeEdges([{ from, to }], [from, middle, to], { ...options, changed: [middle] }),
    ).toEqual([rerouted]);
    expect(routeEdges([{ from, to }], [from, middle, to], { ...options, changed: [] })).toEqual([
      straight,
    ]);
  });

  it('reports no route when the ends are walled in', () => {
    const walls = [card(0, 60), card(0, 140), card(-60, 100), card(60, 100)];
    const [route] = routeEdges([{ from, to }], [from, to, ...walls], { clearance: 12 });
    expect(route).toBeUndefined();
  });
});

describe('nudgeRoutes', () => {
  it('pulls apart two routes on one line by the spacing, about the line, and leaves others alone', () => {
    const a: Point[] = [
      [0, 0],
      [0, 100],
    ];
    const b: Point[] = [
      [0, 50],
      [0, 150],
      [40, 150],
    ];
    const alone: Point[] = [
      [100, 0],
      [100, 50],
    ];
    const [na, nb, nAlone] = nudgeRoutes([a, b, alone], 3, 5);
    expect(na).toEqual([
      [-1.5, 0],
      [-1.5, 100],
    ]);
    expect(nb).toEqual([
      [1.5, 50],
      [1.5, 150],
      [40, 150],
    ]);
    expect(nAlone).toEqual(alone);
  });

  it('packs many routes on one line within the largest offset', () => {
    const routes = [0, 1, 2, 3, 4].map((): Point[] => [
      [0, 0],
      [100, 0],
    ]);
    const offsets = nudgeRoutes(routes, 3, 4).map((r) => r?.[0]?.[1] ?? NaN);
    expect(offsets).toEqual([-4, -2, 0, 2, 4]);
  });
});

describe('labelSpot', () => {
  const route: Point[] = [
    [0, 0],
    [0, 100],
    [300, 100],
  ];
  it('centres the label on the longest stretch when it is free', () => {
    expect(labelSpot(route, { width: 40, height: 16 }, [])).toEqual([150, 100]);
  });
  it('moves it to a free spot when a card sits there', () => {
    const spot = labelSpot(route, { width: 40, height: 16 }, [
      { x: 120, y: 90, width: 60, height: 20 },
    ]);
    expect(spot).toEqual([75, 100]);
  });
});

describe('findCrossings', () => {
  const box: Box = { x: 10, y: 10, width: 20, height: 20 };
  it('counts a stretch through the inside, not one along a border or ending on it', () => {
    const lines: Point[][] = [
      [
        [0, 20],
        [40, 20],
      ],
      [
        [0, 10],
        [40, 10],
      ],
      [
        [20, 0],
        [20, 10],
      ],
      [
        [0, 0],
        [40, 40],
      ],
    ];
    expect(findCrossings(lines, [box])).toEqual([
      { edge: 0, segment: 0, obstacle: 0 },
      { edge: 3, segment: 0, obstacle: 0 },
    ]);
  });
});

describe('the routing heap', () => {
  it('pops by cost, then estimate left, then state, as a sort does, through growth', () => {
    // Few distinct costs and estimates, so that ties are common; states unique, as in a search.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const heap = new Heap();
    const entries: [number, number, number][] = [];
    const popped: number[] = [];
    for (let state = 0; state < 3000; state += 1) {
      const entry: [number, number, number] = [
        random(40) * 0.5,
        random(5),
        random(1e6) * 4 + (state % 4),
      ];
      entries.push(entry);
      heap.push(...entry);
      // Pops between pushes too, as the search does.
      if (random(3) === 0) popped.push(heap.pop());
    }
    while (heap.size > 0) popped.push(heap.pop());
    expect(popped).toHaveLength(entries.length);
    // Every prefix of pops must be the least of what had been pushed: check against a replay.
    seed = 7;
    const live: [number, number, number][] = [];
    const expected: number[] = [];
    const less = (a: [number, number, number], b: [number, number, number]) =>
      a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    const takeLeast = () => {
      live.sort(less);
      return (live.shift() as [number, number, number])[2];
    };
    for (let state = 0; state < 3000; state += 1) {
      const entry: [number, number, number] = [
        random(40) * 0.5,
        random(5),
        random(1e6) * 4 + (state % 4),
      ];
      live.push(entry);
      if (random(3) === 0) expected.push(takeLeast());
    }
    while (live.length > 0) expected.push(takeLeast());
    expect(popped).toEqual(expected);
  });
});
