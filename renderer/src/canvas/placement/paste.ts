/**
 * Paste as a placing edit: the copies land at the pointer (or beside the originals; duplicated
 * regions right of the rightmost region), in the container under the pointer that may hold them,
 * named "… copy", "… copy 2", with fresh ids, in free space (the tidy rule's `arriving`; a pasted
 * zone takes its region's next slot).
 */
import { absolutePosition, type Point } from '../../../../shared/model/ops/layout';
import { pasteNodes, type Clipboard } from '../../../../shared/model/ops/paste';
import { dropTarget } from '../../../../shared/model/ops/placement';
import { variantOf, withVariant } from '../../../../shared/model/ops/variant-utils';
import type { ModelNode, NinesDocument, Position, Variant } from '../../../../shared/model/types';
import { layoutVariant } from '../layout';
import { centreOf, unionOf, type Rect } from './geometry';
import { zoneSlotIn } from './edits';
import { TOP_LEVEL_GAP } from './tidy';
import { absoluteBox, containersAt, tidyVariant } from './variant-geometry';

const COPY_SUFFIX = / copy(?: (\d+))?$/;

/**
 * The name of a copy of something named `name`, unique among `taken`: `App copy`, then
 * `App copy 2`, `App copy 3`… A copy of a copy counts on from its stem (`App copy` → `App copy 2`).
 */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  const stem = name.replace(COPY_SUFFIX, '');
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? `${stem} copy` : `${stem} copy ${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** How far beside the originals a paste lands when it is not at the pointer, px. */
export const PASTE_OFFSET = { x: 24, y: 24 } as const;

/** The copied nodes the selection named: those whose container was not copied with them. */
function rootsOf(clip: Clipboard): ModelNode[] {
  const copied = new Set(clip.nodes.map((n) => n.id));
  return clip.nodes.filter((n) => n.parent === undefined || !copied.has(n.parent));
}

/**
 * Where Duplicate centres the copies (canvas coordinates), or null for beside the originals
 * (`PASTE_OFFSET`). Copies of regions of `variant` go right of the rightmost region, with
 * `TOP_LEVEL_GAP` px between, level with the originals: regions stand in a row, as the palette
 * adds a new one, and a copy offset by a few px would cover its original's neighbours.
 */
export function duplicateSpot(variant: Variant, clip: Clipboard): Point | null {
  const roots = rootsOf(clip);
  const inVariant = new Set(variant.nodes.map((n) => n.id));
  if (roots.length === 0 || roots.some((n) => n.kind !== 'region' || !inVariant.has(n.id))) {
    return null;
  }
  const boxes = layoutVariant(variant);
  const originals = unionOf(roots.map((n) => absoluteBox(variant, boxes, n.id)));
  const regions = variant.nodes
    .filter((n) => n.kind === 'region')
    .map((n) => absoluteBox(variant, boxes, n.id));
  const right = Math.max(...regions.map((r) => r.x + r.width));
  return {
    x: right + TOP_LEVEL_GAP + originals.width / 2,
    y: originals.y + originals.height / 2,
  };
}

/**
 * Pastes `clip` into variant `variantId`. With `at` (canvas coordinates), the copies are centred
 * there as a group and go into the deepest container under it that may hold each (else they keep
 * their container); without it, they keep their containers and land `PASTE_OFFSET` beside the
 * originals. The copied nodes the selection named (those whose container was not copied with
 * them) are renamed with `copyName` when they have a name. Returns the new ids, and among them
 * `rootIds`, the copies of those named nodes (what the editor selects afterwards).
 */
export function pasteAt(
  doc: NinesDocument,
  variantId: string,
  clip: Clipboard,
  at: Point | null,
): { document: NinesDocument; nodeIds: string[]; rootIds: string[] } {
  const variant = variantOf(doc, variantId);
  const boxes = layoutVariant(variant);
  const inVariant = new Map(variant.nodes.map((n) => [n.id, n]));
  const roots = rootsOf(clip);

  // Where each root was: its box as shown when the original is here, else as the clipboard has it.
  const originOf = (parent: string | undefined): Point =>
    parent !== undefined && inVariant.has(parent)
      ? absolutePosition(variant, boxes, parent)
      : { x: 0, y: 0 };
  const was = new Map<string, Rect>();
  for (const root of roots) {
    const saved: Position | undefined = clip.layout[root.id] ?? boxes.get(root.id);
    const shown = boxes.get(root.id);
    const origin = originOf(root.parent);
    was.set(root.id, {
      x: origin.x + (saved?.x ?? 0),
      y: origin.y + (saved?.y ?? 0),
      width: saved?.width ?? shown?.width ?? 0,
      height: saved?.height ?? shown?.height ?? 0,
    });
  }
  const group = roots.length > 0 ? centreOf(unionOf([...was.values()])) : { x: 0, y: 0 };
  const shift = at ? { x: at.x - group.x, y: at.y - group.y } : PASTE_OFFSET;
  const under = at ? containersAt(variant, at, new Set(), boxes) : [];

  const taken = new Set(variant.nodes.map((n) => n.name).filter((n): n is string => !!n));
  const layout: Record<string, Position> = { ...clip.layout };
  const nodes = clip.nodes.map((node): ModelNode => {
    if (!roots.includes(node)) return node;
    const target = at ? dropTarget(node.kind, under) : null;
    const parentId = target === null ? node.parent : target?.id;
    const box = was.get(node.id) as Rect;
    const origin = originOf(parentId);
    layout[node.id] = {
      ...clip.layout[node.id],
      x: box.x + shift.x - origin.x,
      y: box.y + shift.y - origin.y,
    };
    const { parent: _old, ...rest } = node;
    const renamed = node.name === undefined ? rest : { ...rest, name: copyName(node.name, taken) };
    if (renamed.name !== undefined) taken.add(renamed.name);
    return (parentId === undefined ? renamed : { ...renamed, parent: parentId }) as ModelNode;
  });
  const pasted = pasteNodes(doc, variantId, { ...clip, nodes, layout }, { x: 0, y: 0 });
  const placedRoots = new Set(
    pasted.nodeIds.filter((id) => {
      const node = variantOf(pasted.document, variantId).nodes.find((n) => n.id === id);
      return node && (node.parent === undefined || !pasted.nodeIds.includes(node.parent));
    }),
  );
  const document = withVariant(pasted.document, variantId, (v) => {
    const slotted = new Map<string, Rect>();
    const zones: string[] = [];
    let current = v;
    for (const id of placedRoots) {
      const node = current.nodes.find((n) => n.id === id);
      if (node?.kind !== 'zone' || node.parent === undefined) continue;
      const slot = zoneSlotIn(current, node.parent, id);
      const box = layoutVariant(current).get(id);
      slotted.set(id, {
        ...slot,
        width: box?.width ?? slot.width,
        height: box?.height ?? slot.height,
      });
      current = {
        ...current,
        layout: { ...current.layout, [id]: { ...current.layout?.[id], x: slot.x, y: slot.y } },
      };
      zones.push(id);
    }
    return tidyVariant(
      current,
      { anchored: zones, arriving: [...placedRoots].filter((id) => !zones.includes(id)) },
      slotted,
    );
  });
  return { document, nodeIds: pasted.nodeIds, rootIds: [...placedRoots] };
}
