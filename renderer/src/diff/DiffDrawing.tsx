import type { VariantDiff } from '../../../shared/diff';
import { displayName } from '../../../shared/model/nodes';
import type { ModelNode, Variant } from '../../../shared/model/types';
import { layoutVariant, type Box } from '../canvas/layout';
import { nodeMarks, type NodeMark } from './node-marks';

/** The size of a removed node's card, and the gap above their row. */
const GHOST = { width: 200, height: 72 } as const;
const STRIP_GAP = 48;

/** Longest name drawn on a card before it is cut with an ellipsis. */
const NAME_CHARS = 26;

/** Absolute boxes of a variant's nodes (the layout's are relative to their container). */
function absoluteBoxes(variant: Variant): Map<string, Box> {
  const boxes = layoutVariant(variant);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const absolute = new Map<string, Box>();
  const place = (id: string, seen: Set<string>): Box => {
    const known = absolute.get(id);
    if (known) return known;
    const own = boxes.get(id) ?? { x: 0, y: 0, width: 0, height: 0 };
    const parentId = byId.get(id)?.parent;
    const parent =
      parentId && byId.has(parentId) && !seen.has(parentId)
        ? place(parentId, new Set([...seen, id]))
        : { x: 0, y: 0 };
    const box = { ...own, x: own.x + parent.x, y: own.y + parent.y };
    absolute.set(id, box);
    return box;
  };
  for (const node of variant.nodes) place(node.id, new Set());
  return absolute;
}

interface Placed {
  readonly node: ModelNode;
  readonly box: Box;
  readonly mark: NodeMark;
  /** A removed node drawn in the row under the design, as a card whatever its kind. */
  readonly ghost?: boolean;
}

const isContainer = (node: ModelNode): boolean => node.kind === 'region' || node.kind === 'zone';

function shortName(node: ModelNode): string {
  const name = displayName(node);
  return name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name;
}

/**
 * The head's variant drawn from its layout, each node marked: added, renamed and changed nodes
 * in their colours, and the base's removed nodes as dashed ghosts in a row under the drawing.
 * `depends` edges are drawn; added ones marked, removed ones dashed.
 */
export function DiffDrawing({
  base,
  head,
  diff,
}: {
  base: Variant | undefined;
  head: Variant | undefined;
  diff: VariantDiff;
}) {
  const { marks, removed } = nodeMarks(diff);
  // A removed variant is drawn as the base had it, every node marked removed.
  const drawn = diff.status === 'removed' ? base : head;
  const headBoxes = drawn ? absoluteBoxes(drawn) : new Map<string, Box>();
  const placed: Placed[] = (drawn?.nodes ?? []).map((node) => ({
    node,
    box: headBoxes.get(node.id) as Box,
    mark:
      diff.status === 'added' || diff.status === 'removed'
        ? diff.status
        : (marks.get(node.id) ?? 'unchanged'),
  }));
  // Removed nodes: in a row of their own under the head's drawing, so that no ghost hides a
  // node the head has (the base's positions may now hold other nodes).
  const ghosts =
    base && diff.status !== 'removed'
      ? removed.flatMap((id) => {
          const node = base.nodes.find((n) => n.id === id);
          return node ? [node] : [];
        })
      : [];
  const headBottom = Math.max(0, ...placed.map((p) => p.box.y + p.box.height));
  const headLeft = Math.min(0, ...placed.map((p) => p.box.x));
  const stripTop = placed.length === 0 ? 0 : headBottom + STRIP_GAP;
  ghosts.forEach((node, i) =>
    placed.push({
      node,
      box: { x: headLeft + i * (GHOST.width + 16), y: stripTop, ...GHOST },
      mark: 'removed',
      ghost: true,
    }),
  );
  if (placed.length === 0) return null;
  const at = new Map(placed.map((p) => [p.node.id, p]));
  const addedEdges = new Set(diff.topology.edges.added.map((e) => `${e.from}>${e.to}>${e.kind}`));
  const edges = [
    ...(head?.edges ?? []).map((e) => ({
      ...e,
      mark: addedEdges.has(`${e.from}>${e.to}>${e.kind}`) ? 'added' : 'unchanged',
    })),
    ...diff.topology.edges.removed.map((e) => ({ ...e, mark: 'removed' })),
  ].filter((e) => e.kind === 'depends' && at.has(e.from) && at.has(e.to));

  const left = Math.min(...placed.map((p) => p.box.x)) - 20;
  const top = Math.min(...placed.map((p) => p.box.y)) - 20;
  const right = Math.max(...placed.map((p) => p.box.x + p.box.width)) + 20;
  const bottom = Math.max(...placed.map((p) => p.box.y + p.box.height)) + 20;
  const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const containers = placed
    .filter((p) => isContainer(p.node) && p.ghost !== true)
    .sort((a, b) => (a.node.kind === b.node.kind ? 0 : a.node.kind === 'region' ? -1 : 1));
  const cards = placed.filter((p) => !isContainer(p.node) || p.ghost === true);
  return (
    <svg
      className="diff-drawing"
      viewBox={`${left} ${top} ${right - left} ${bottom - top}`}
      role="img"
      aria-label={`${diff.name}: the design with its changes marked`}
      data-testid="diff-drawing"
    >
      {containers.map(({ node, box, mark }) => (
        <g
          key={`${mark}-${node.id}`}
          className={`diff-node diff-node--${node.kind} is-${mark}`}
          data-testid={`diff-node-${node.id}`}
          data-mark={mark}
        >
          <rect
            x={box.x}
            y={box.y}
            width={box.width}
            height={box.height}
            rx={node.kind === 'region' ? 12 : 8}
          />
          <text x={box.x + 12} y={box.y + 22} className="diff-node__label">
            {shortName(node)}
            {mark === 'unchanged' ? '' : ` (${mark})`}
          </text>
        </g>
      ))}
      {edges.map((e) => {
        const from = centre((at.get(e.from) as Placed).box);
        const to = centre((at.get(e.to) as Placed).box);
        return (
          <line
            key={`${e.mark}-${e.from}-${e.to}`}
            className={`diff-edge is-${e.mark}`}
            x1={from.x}
            y1={from.y}
            x2={to.x}
            y2={to.y}
          />
        );
      })}
      {cards.map(({ node, box, mark }) => (
        <g
          key={`${mark}-${node.id}`}
          className={`diff-node diff-node--card is-${mark}`}
          data-testid={`diff-node-${node.id}`}
          data-mark={mark}
        >
          <title>{`${displayName(node)} (${node.id}): ${mark}`}</title>
          <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={8} />
          <text x={box.x + 12} y={box.y + 28} className="diff-node__name">
            {shortName(node)}
          </text>
          <text x={box.x + 12} y={box.y + 50} className="diff-node__kind">
            {mark === 'unchanged' ? node.kind : `${node.kind} · ${mark}`}
          </text>
        </g>
      ))}
    </svg>
  );
}
