import { LayoutTemplate, MousePointerClick } from 'lucide-react';
import { usePlanner } from '../store/context';
import { selectActiveVariant } from '../store/selectors';
import './help.css';

/**
 * Over an empty canvas (the variant has no node): how to start, by dragging a Region from the
 * palette or from a template of the gallery. It lets drops through to the canvas beneath, and
 * goes away with the first node.
 */
export function EmptyCanvasHint() {
  const isEmpty = usePlanner((s) => selectActiveVariant(s)?.nodes.length === 0);
  const setGalleryOpen = usePlanner((s) => s.setGalleryOpen);
  if (!isEmpty) return null;
  return (
    <div className="empty-hint" data-testid="empty-canvas-hint">
      <div className="empty-hint__card">
        <MousePointerClick size={22} aria-hidden className="empty-hint__icon" />
        <p className="empty-hint__title">Drag a Region here, or start from a template</p>
        <p className="empty-hint__text">
          Regions hold zones, zones hold the components; the results appear on the right as you
          build.
        </p>
        <button type="button" className="button" onClick={() => setGalleryOpen(true)}>
          <LayoutTemplate size={14} aria-hidden /> Browse the templates
        </button>
      </div>
    </div>
  );
}
