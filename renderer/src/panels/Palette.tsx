import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import type { NodeKind } from '../../../shared/model/types';
import { nodeKinds } from '../../../shared/schema/nines-v1';
import { addNodeAt } from '../canvas/editor-commands';
import { KIND_META } from '../canvas/kind-meta';
import { KIND_MIME } from '../canvas/PlanCanvas';
import { usePlannerStore } from '../store/context';
import { selectActiveVariant } from '../store/selectors';
import { absolutePosition } from '../../../shared/model/ops/layout';
import { layoutVariant } from '../canvas/layout';

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
 * click it (or press Enter) to add it in the middle of the selected container or of the view.
 * Needs a ReactFlowProvider above it.
 */
export function Palette() {
  const store = usePlannerStore();
  const { screenToFlowPosition } = useReactFlow();
  const addByClick = (kind: NodeKind) => {
    const state = store.getState();
    const variant = selectActiveVariant(state);
    if (!variant) return;
    const selected = variant.nodes.find((n) => n.id === state.selectedNodeId);
    let point;
    if (selected && (selected.kind === 'region' || selected.kind === 'zone')) {
      const boxes = layoutVariant(variant);
      const at = absolutePosition(variant, boxes, selected.id);
      const box = boxes.get(selected.id);
      point = { x: at.x + (box?.width ?? 0) / 2, y: at.y + (box?.height ?? 0) / 2 };
    } else {
      const pane = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      if (!pane) return;
      point = screenToFlowPosition({ x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 });
    }
    addNodeAt(store, kind, point);
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
