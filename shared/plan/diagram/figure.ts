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
 * The figure block of `variant`'s topology: on the portrait page when it reads there (at least
 * half size), otherwise sized for a landscape page of its own when that makes it larger.
 */
export function topologyFigure(variant: Variant, options: FigureOptions): FigureBlock {
  const size = options.pageSize ?? 'LETTER';
  // Room left under the drawing for its caption and above it for a heading.
  const captionRoom = 90;
  const fit = (landscape: boolean): DiagramOptions => ({
    maxWidth: contentWidth(size, landscape),
    maxHeight: contentHeight(size, landscape) - captionRoom,
  });
  const bounds = layoutBounds(variant);
  const isLandscape =
    scaleToFit(bounds, fit(false)) < 0.5 &&
    scaleToFit(bounds, fit(true)) > scaleToFit(bounds, fit(false));
  const drawing = buildTopologyDrawing(variant, fit(isLandscape));
  return {
    kind: 'figure',
    id: options.id,
    caption: options.caption,
    drawing,
    landscape: isLandscape,
    mermaid: toMermaid(variant),
  };
}
