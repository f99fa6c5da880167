import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import type { NodeKind } from '../../../shared/model/types';
import { nodeKinds } from '../../../shared/schema/nines-v1';
import { addNodeFromPalette } from '../canvas/editor-commands';
import { KIND_META } from '../canvas/kind-meta';
import { layoutVariant } from '../canvas/layout';
import { KIND_MIME } from '../canvas/PlanCanvas';
import { absoluteBox, centreOf, isInside, type Rect } from '../canvas/placement';
import { usePlannerStore } from '../store/context';
import { selectActiveVariant } from '../store/selectors';

/** One line per kind: what it is for and where it goes. */
export const KIND_HINTS: Readonly<Record<NodeKind, string>> = {
  region: 'A cloud region; holds zones and components',
  zone: 'An availability zone, inside a region',
  router: 'DNS, global or regional load balancer',
  service: 'Stateless tier of n instances, k needed',
  datastore: 'Database or cache, with replication',
  queue: 'Message queue or stream',
  objectStore: 'Object storage such as S3',
  backup: 'Backup policy protecting a datastore',
  external: 'Third-party dependency with an SLA',
};

/**
 * The node kinds, each with its icon, name and a one-line hint: drag one onto the canvas, or
 * click it (or press Enter) to add it in the selected container or the middle of the view, in a
 * free spot (a zone in its region's next slot), scrolled into view if need be.
 * Needs a ReactFlowProvider above it.
 */
export function Palette() {
  const store = usePlannerStore();
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  /** The part of the canvas on screen, in canvas coordinates. */
  const visibleCanvas = (): Rect | null => {
    const pane = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    if (!pane) return null;
    const topLeft = screenToFlowPosition({ x: pane.left, y: pane.top });
    const bottomRight = screenToFlowPosition({ x: pane.right, y: pane.bottom });
    return {
      x: topLeft.x,
      y: topLeft.y,
      width: bottomRight.x - topLeft.x,
      height: bottomRight.y - topLeft.y,
    };
  };
  const addByClick = (kind: NodeKind) => {
    const view = visibleCanvas();
    if (!view) return;
    const nodeId = addNodeFromPalette(store, kind, view);
    const variant = selectActiveVariant(store.getState());
    if (nodeId === null || !variant) return;
    // Never off-screen: when the free spot (or a zone's slot) is out of view, bring it in.
    const box = absoluteBox(variant, layoutVariant(variant), nodeId);
    if (!isInside(box, view)) void setCenter(centreOf(box).x, centreOf(box).y, { zoom: getZoom() });
  };
  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(KIND_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="palette" aria-label="Add to the design">
      <h2 className="palette__title">Add</h2>
      <ul className="palette__list">
        {nodeKinds.map((kind) => {
          const { icon: Icon, label } = KIND_META[kind];
          return (
            <li key={kind}>
              <button
                type="button"
                className={`palette__item kind-${kind}`}
                data-testid={`palette-${kind}`}
                draggable
                onDragStart={(event) => onDragStart(event, kind)}
                onClick={() => addByClick(kind)}
                title={`${label}: ${KIND_HINTS[kind]}. Drag onto the canvas, or click to add.`}
              >
                <Icon className="palette__icon" size={16} aria-hidden />
                <span className="palette__name">{label}</span>
                <span className="palette__hint">{KIND_HINTS[kind]}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
