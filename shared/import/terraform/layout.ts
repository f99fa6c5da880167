/**
 * Laying out an imported design with the canvas's own auto-layout (shared/model/ops/auto-layout:
 * the layout graph and its application; the host runs ELK, as the app and its tests do).
 */
import { applyLayoutGraph, layoutGraph, type LayoutNode } from '../../model/ops/auto-layout';
import type { NinesDocument } from '../../model/types';

/** A layered layout engine: ELK's `layout` (elkjs), run where the host likes. */
export type RunLayout = (graph: LayoutNode) => Promise<LayoutNode>;

/** Size of a component's card on the canvas, px (renderer/src/canvas/layout.ts `CARD`). */
export const IMPORT_CARD = { width: 200, height: 72 } as const;

/** `doc` with every variant laid out by `run`. */
export async function withLayout(doc: NinesDocument, run: RunLayout): Promise<NinesDocument> {
  let out = doc;
  for (const variant of doc.variants) {
    const laidOut = await run(structuredClone(layoutGraph(variant, IMPORT_CARD)) as LayoutNode);
    out = applyLayoutGraph(out, variant.id, laidOut, IMPORT_CARD);
  }
  return out;
}
