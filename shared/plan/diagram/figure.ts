/** The figure block the plan embeds: the drawing, its Mermaid twin and a caption. */
import type { Variant } from '../../model/types';
import { contentHeight, contentWidth, type FigureBlock, type PageSize } from '../document';
import { type DiagramOptions, buildTopologyDrawing, layoutBounds, scaleToFit } from './topology';
import { toMermaid } from './mermaid';

/** Options of {@link topologyFigure}. */
export interface FigureOptions {
  /** Anchor id of the figure, unique in the document. */
  readonly id: string;
  readonly caption: string;
  /** Paper size of the document the figure goes into; `LETTER` when absent. */
  readonly pageSize?: PageSize;
}

/**
 * The size `variant`'s figure is drawn at: the portrait page when it reads there (at least half
 * size), otherwise a landscape page of its own when that makes it larger.
 */
export function figureOptions(
  variant: Variant,
  size: PageSize = 'LETTER',
): DiagramOptions & { landscape: boolean } {
  // Room left under the drawing for its caption and above it for a heading.
  const captionRoom = 90;
  const fit = (landscape: boolean) => ({
    maxWidth: contentWidth(size, landscape),
    maxHeight: contentHeight(size, landscape) - captionRoom,
    landscape,
  });
  const bounds = layoutBounds(variant);
  const isLandscape =
    scaleToFit(bounds, fit(false)) < 0.5 &&
    scaleToFit(bounds, fit(true)) > scaleToFit(bounds, fit(false));
  return fit(isLandscape);
}

/** The figure block of `variant`'s topology, drawn at {@link figureOptions}. */
export function topologyFigure(variant: Variant, options: FigureOptions): FigureBlock {
  const fit = figureOptions(variant, options.pageSize);
  return {
    kind: 'figure',
    id: options.id,
    caption: options.caption,
    drawing: buildTopologyDrawing(variant, fit),
    landscape: fit.landscape,
    mermaid: toMermaid(variant),
  };
}
