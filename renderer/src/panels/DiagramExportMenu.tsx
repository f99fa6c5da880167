import { ImageDown } from 'lucide-react';
import type { NinesDocument, Variant } from '../../../shared/model/types';
import type { ExportRequest } from '../../../shared/ipc/contract';
import { regionTrafficShares } from '../../../shared/model/traffic';
import { buildTopologyDrawing } from '../../../shared/plan/diagram';
import { toSvg } from '../../../shared/plan/drawing';
import { exportFileName } from '../app/file-names';
import { useServices } from '../hooks/useServices';
import { usePlanner } from '../store/context';
import { selectActiveVariant } from '../store/selectors';
import { PopoverMenu } from './PopoverMenu';
import { svgToPng } from './svg-to-png';

/** Widest diagram export, points: the plan's drawing of the variant scaled to fit. */
const DIAGRAM_MAX_WIDTH = 1200;

/** PNG pixels per point of the drawing: twice its size, sharp on a HiDPI screen. */
export const DIAGRAM_PNG_SCALE = 2;

/** The file formats the diagram saves in. */
export type DiagramFormat = 'svg' | 'png';

/**
 * The export of `variant`'s diagram in `format`: the plan's vector drawing of the model (regions,
 * zones, components and edges as laid out), not a screenshot of the canvas; the PNG is that
 * drawing at {@link DIAGRAM_PNG_SCALE} × its size on white, as the SVG shows on a page.
 */
async function diagramExport(
  document: NinesDocument,
  variant: Variant,
  format: DiagramFormat,
): Promise<ExportRequest> {
  const drawing = buildTopologyDrawing(variant, {
    maxWidth: DIAGRAM_MAX_WIDTH,
    trafficShare: regionTrafficShares(document, variant),
  });
  const svg = toSvg(drawing);
  if (format === 'svg') {
    return {
      suggestedName: exportFileName(document, 'diagram', 'svg', variant.id),
      mimeType: 'image/svg+xml',
      data: svg,
    };
  }
  const png = await svgToPng(svg, {
    width: drawing.width,
    height: drawing.height,
    scale: DIAGRAM_PNG_SCALE,
    background: '#ffffff',
  });
  return {
    suggestedName: exportFileName(document, 'diagram', 'png', variant.id),
    mimeType: 'image/png',
    data: png,
  };
}

/**
 * The toolbar's diagram export: an icon button that opens a small {@link PopoverMenu}, SVG
 * (vector) or PNG (image), each saved through the host's export dialog.
 */
export function DiagramExportMenu() {
  const { host } = useServices();
  const document = usePlanner((s) => s.document);
  const variant = usePlanner(selectActiveVariant);
  const setProblems = usePlanner((s) => s.showProblems);
  if (!document || !variant) return null;
  const save = async (format: DiagramFormat) => {
    const report = (message: string) =>
      setProblems({ title: 'The diagram was not saved', message, problems: [] });
    try {
      const result = await host.exportFile(await diagramExport(document, variant, format));
      if (!result.ok && result.code !== 'cancelled') report(result.message);
    } catch (caught) {
      report(
        `Could not draw the diagram as ${format.toUpperCase()}: ${caught instanceof Error ? caught.message : String(caught)}`,
      );
    }
  };
  return (
    <div className="diagram-menu">
      <button
        type="button"
        className="tool tool--icon diagram-menu__button"
        popoverTarget="diagram-menu"
        aria-haspopup="menu"
        aria-label="Save the diagram"
        title="Save the diagram of this variant as SVG or PNG"
      >
        <ImageDown size={15} aria-hidden />
      </button>
      <PopoverMenu id="diagram-menu" label="Save the diagram as" className="diagram-menu__popover">
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          title="A vector drawing: sharp at any zoom, editable in a drawing program"
          onClick={() => void save('svg')}
        >
          <span className="diagram-menu__format">SVG</span>{' '}
          <span className="diagram-menu__hint">vector drawing</span>
        </button>
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          title={`An image at ${DIAGRAM_PNG_SCALE}× the drawing's size, for slides, chats and wikis`}
          onClick={() => void save('png')}
        >
          <span className="diagram-menu__format">PNG</span>{' '}
          <span className="diagram-menu__hint">image, {DIAGRAM_PNG_SCALE}× size</span>
        </button>
      </PopoverMenu>
    </div>
  );
}
