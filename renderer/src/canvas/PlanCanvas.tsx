import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useStore as useFlowStore,
  type Node as FlowNode,
  type ReactFlowState,
} from '@xyflow/react';
import { useMemo, useState } from 'react';
import { usePlanner } from '../store/context';
import { selectActiveVariant } from '../store/selectors';
import { EdgeMarkers } from './edges/PlanEdges';
import { createFlowViewCache } from './flow-cache';
import { edgeTypes, nodeTypes } from './node-types';

const FIT_VIEW_OPTIONS = { padding: 0.05, maxZoom: 1 } as const;
const MINIMAP_STYLE = { width: 168, height: 112 } as const;

/**
 * Below this zoom the cards' small print is unreadable, so the canvas switches to an overview:
 * names only, drawn larger (see `.is-overview` in app.css).
 */
export const OVERVIEW_ZOOM = 0.65;

const isOverview = (state: ReactFlowState) => state.transform[2] < OVERVIEW_ZOOM;

function minimapClass(node: FlowNode): string {
  return `plan-minimap-node plan-minimap-node--${node.type ?? 'component'}`;
}

/**
 * The topology of the active variant on a React Flow canvas: regions and zones as nested
 * containers, components as cards, edges between them. Clicking selects; the canvas is
 * read-only until the editor arrives. It fits the view whenever a document or variant opens.
 * Needs a ReactFlowProvider above it (it reads the zoom).
 */
export function PlanCanvas() {
  const variant = usePlanner(selectActiveVariant);
  const selectedId = usePlanner((s) => s.selectedNodeId);
  const openCount = usePlanner((s) => s.openCount);
  const selectNode = usePlanner((s) => s.selectNode);
  const isZoomedOut = useFlowStore(isOverview);
  const [cache] = useState(createFlowViewCache);
  const view = useMemo(
    () => (variant ? cache.view(variant, selectedId) : undefined),
    [cache, variant, selectedId],
  );
  if (!variant || !view) return null;
  return (
    <div className={`plan-canvas${isZoomedOut ? ' is-overview' : ''}`} data-testid="canvas">
      <EdgeMarkers />
      <ReactFlow
        key={`${openCount}:${variant.id}`}
        nodes={view.nodes}
        edges={view.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode="system"
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.15}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onNodeClick={(_, node) => selectNode(node.id)}
        onPaneClick={() => selectNode(null)}
        attributionPosition="top-right"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <MiniMap
          pannable
          zoomable
          nodeClassName={minimapClass}
          ariaLabel="Overview"
          style={MINIMAP_STYLE}
        />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
