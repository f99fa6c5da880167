import { Download } from 'lucide-react';
import { useState, type RefObject } from 'react';
import { useServices } from '../hooks/useServices';
import { svgToPng } from './svg-to-png';

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
              data: await svgToPng(text, { width: box.width, height: box.height, scale: 2 }),
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
