import { Download, ImageDown } from 'lucide-react';
import { useState, type RefObject } from 'react';
import { buildTopologyDrawing } from '../../../shared/plan/diagram';
import { toSvg } from '../../../shared/plan/drawing';
import { useServices } from '../hooks/useServices';
import { usePlanner } from '../store/context';
import { selectActiveVariant } from '../store/selectors';

/** Presentation properties copied from the page's styles onto each element of an exported chart. */
const STYLE_PROPERTIES = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
] as const;

/**
 * A chart as a standalone SVG file: the styles the page gives it (theme variables included) are
 * written onto each element, with the chart's background, so the file looks as the chart does.
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true);
  if (!(clone instanceof SVGSVGElement)) throw new TypeError('cloning an <svg> gave another node');
  const sources = [svg, ...svg.querySelectorAll('*')];
  const targets = [clone, ...clone.querySelectorAll('*')];
  sources.forEach((source, i) => {
    const target = targets[i];
    if (!target) return;
    const style = getComputedStyle(source);
    for (const property of STYLE_PROPERTIES) {
      target.setAttribute(property, style.getPropertyValue(property));
    }
    target.removeAttribute('class');
  });
  const box = svg.viewBox.baseVal;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  clone.removeAttribute('style');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('x', String(box.x));
  background.setAttribute('y', String(box.y));
  background.setAttribute('width', String(box.width));
  background.setAttribute('height', String(box.height));
  background.setAttribute('fill', getComputedStyle(svg.parentElement ?? svg).backgroundColor);
  clone.insertBefore(background, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** The standalone SVG drawn at `scale` × its size into a PNG. */
async function svgToPng(text: string, width: number, height: number, scale: number) {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the chart could not be encoded as PNG');
  return new Uint8Array(await blob.arrayBuffer());
}

/** SVG and PNG buttons that save the chart in `chartRef` through the host's export dialog. */
export function ChartExport({
  chartRef,
  fileStem,
}: {
  chartRef: RefObject<HTMLDivElement | null>;
  fileStem: string;
}) {
  const { host } = useServices();
  const [error, setError] = useState<string | null>(null);
  const save = async (kind: 'svg' | 'png') => {
    const svg = chartRef.current?.querySelector('svg');
    if (!svg) return;
    setError(null);
    try {
      const text = standaloneSvg(svg);
      const box = svg.viewBox.baseVal;
      const result = await host.exportFile(
        kind === 'svg'
          ? { suggestedName: `${fileStem}.svg`, mimeType: 'image/svg+xml', data: text }
          : {
              suggestedName: `${fileStem}.png`,
              mimeType: 'image/png',
              data: await svgToPng(text, box.width, box.height, 2),
            },
      );
      if (!result.ok && result.code !== 'cancelled') setError(result.message);
    } catch (caught) {
      setError(
        `Could not export the chart: ${caught instanceof Error ? caught.message : String(caught)}`,
      );
    }
  };
  return (
    <span className="chart-export">
      {(['svg', 'png'] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          className="tool"
          onClick={() => void save(kind)}
          title={`Save the chart as ${kind.toUpperCase()}`}
        >
          <Download size={12} aria-hidden /> {kind.toUpperCase()}
        </button>
      ))}
      {error && (
        <span className="is-fail" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/** Widest diagram export, points: the plan's drawing of the variant scaled to fit. */
const DIAGRAM_MAX_WIDTH = 1200;

/**
 * Saves the active variant's diagram as SVG: the plan's vector drawing of the model (regions,
 * zones, components and edges as laid out), not a screenshot of the canvas.
 */
export function DiagramExportButton() {
  const { host } = useServices();
  const document = usePlanner((s) => s.document);
  const variant = usePlanner(selectActiveVariant);
  const setProblems = usePlanner((s) => s.showProblems);
  if (!document || !variant) return null;
  const save = async () => {
    const svg = toSvg(buildTopologyDrawing(variant, { maxWidth: DIAGRAM_MAX_WIDTH }));
    const result = await host.exportFile({
      suggestedName: `${document.name} - ${variant.name}.svg`,
      mimeType: 'image/svg+xml',
      data: svg,
    });
    if (!result.ok && result.code !== 'cancelled') {
      setProblems({ title: 'The diagram was not saved', message: result.message, problems: [] });
    }
  };
  return (
    <button
      type="button"
      className="tool tool--icon"
      onClick={() => void save()}
      aria-label="Save the diagram as SVG"
      title="Save the diagram of this variant as SVG"
    >
      <ImageDown size={15} aria-hidden />
    </button>
  );
}
