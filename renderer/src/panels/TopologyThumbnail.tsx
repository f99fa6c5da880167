import type { Variant } from '../../../shared/model/types';
import { layoutVariant, type Box } from '../canvas/layout';

const WIDTH = 260;
const HEIGHT = 84;

/** A small drawing of a variant's regions, zones and components, for the template gallery. */
export function TopologyThumbnail({ variant }: { variant: Variant }) {
  const boxes = layoutVariant(variant);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const absolute = new Map<string, Box>();
  const place = (id: string): Box => {
    const known = absolute.get(id);
    if (known) return known;
    const own = boxes.get(id) ?? { x: 0, y: 0, width: 0, height: 0 };
    const parentId = byId.get(id)?.parent;
    const parent = parentId && byId.has(parentId) ? place(parentId) : { x: 0, y: 0 };
    const box = { ...own, x: own.x + parent.x, y: own.y + parent.y };
    absolute.set(id, box);
    return box;
  };
  const placed = variant.nodes.map((n) => ({ node: n, box: place(n.id) }));
  const right = Math.max(1, ...placed.map(({ box }) => box.x + box.width));
  const bottom = Math.max(1, ...placed.map(({ box }) => box.y + box.height));
  const left = Math.min(0, ...placed.map(({ box }) => box.x));
  const top = Math.min(0, ...placed.map(({ box }) => box.y));
  const scale = Math.min(WIDTH / (right - left), HEIGHT / (bottom - top));
  return (
    <svg
      className="thumbnail"
      viewBox={`${left} ${top} ${right - left} ${bottom - top}`}
      width={(right - left) * scale}
      height={(bottom - top) * scale}
      aria-hidden
    >
      {placed.map(({ node, box }) => (
        <rect
          key={node.id}
          className={`thumbnail__${node.kind === 'region' || node.kind === 'zone' ? node.kind : 'component'}`}
          x={box.x}
          y={box.y}
          width={box.width}
          height={box.height}
          rx={node.kind === 'region' ? 12 : 6}
        />
      ))}
    </svg>
  );
}
