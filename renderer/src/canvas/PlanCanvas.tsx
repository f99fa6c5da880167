import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type Node as FlowNode,
  type NodeChange,
  type OnSelectionChangeParams,
  type ReactFlowState,
} from '@xyflow/react';
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { canConnect, edgeKindFor } from '../../../shared/model/ops/connect';
import type { NodeKind } from '../../../shared/model/types';
import { nodeKinds } from '../../../shared/schema/nines-v1';
import { useFindingFocus } from '../hooks/useAdvice';
import { useResults } from '../hooks/useResults';
import { withHighlight } from '../store/advice';
import { usePlanner, usePlannerStore } from '../store/context';
import { nodesOfEvents } from '../store/results';
import { scenarioMarks } from '../store/slices/scenario';
import { selectActiveVariant } from '../store/selectors';
import { addNodeAt, connectNodes, dropDragged } from './editor-commands';
import { EdgeMarkers } from './edges/PlanEdges';
import { createFlowViewCache } from './flow-cache';
import { edgeTypes, nodeTypes } from './node-types';
import type { FlowSelection, NodeMark, PlanFlowEdge, PlanFlowNode } from './to-flow';

const FIT_VIEW_OPTIONS = { padding: 0.05, maxZoom: 1 } as const;
const MINIMAP_STYLE = { width: 168, height: 112 } as const;
const SNAP_GRID: [number, number] = [10, 10];

/** The drag-and-drop type the palette puts a node kind under. */
export const KIND_MIME = 'application/x-nines-kind';

/**
 * Below this zoom the cards' small print is unreadable, so the canvas switches to an overview:
 * names only, drawn larger (see `.is-overview` in app.css).
 */
export const OVERVIEW_ZOOM = 0.65;

const isOverview = (state: ReactFlowState) => state.transform[2] < OVERVIEW_ZOOM;

function minimapClass(node: FlowNode): string {
  return `plan-minimap-node plan-minimap-node--${node.type ?? 'component'}`;
}

function isNodeKind(value: string): value is NodeKind {
  return (nodeKinds as readonly string[]).includes(value);
}

/**
 * The topology of the active variant on a React Flow canvas: regions and zones as nested
 * containers, components as cards, edges between them. Nodes from the palette are dropped on
 * it; dragging moves (and re-parents) nodes as one undo step; dragging from a card's handle to
 * another card draws an edge. Single points of failure and the most probable cut set are
 * marked. It fits the view whenever a document or variant opens. Needs a ReactFlowProvider.
 */
export function PlanCanvas() {
  const store = usePlannerStore();
  const variant = usePlanner(selectActiveVariant);
  const selectedNodeIds = usePlanner((s) => s.selectedNodeIds);
  const selectedEdgeIds = usePlanner((s) => s.selectedEdgeIds);
  const openCount = usePlanner((s) => s.openCount);
  const isSnapToGrid = usePlanner((s) => s.isSnapToGrid);
  const results = useResults();
  const isZoomedOut = useFlowStore(isOverview);
  const { screenToFlowPosition, getInternalNode } = useReactFlow<PlanFlowNode, PlanFlowEdge>();
  const [cache] = useState(createFlowViewCache);

  const activeScenarioId = usePlanner((s) => s.activeScenarioId);
  const marks = useMemo((): ReadonlyMap<string, NodeMark> => {
    const scenario = results?.scenarios.find((r) => r.id === activeScenarioId && r.applies);
    if (variant && scenario) return scenarioMarks(variant, scenario);
    const out = new Map<string, NodeMark>();
    for (const id of nodesOfEvents(results?.cutSets[0]?.events ?? [])) out.set(id, 'cut');
    for (const id of nodesOfEvents(results?.singlePointsOfFailure ?? [])) out.set(id, 'spof');
    return out;
  }, [results, activeScenarioId, variant]);
  const highlight = useFindingFocus((f) => f.highlight);
  const selection = useMemo(
    (): FlowSelection => ({
      nodes: new Set(selectedNodeIds),
      edges: new Set(selectedEdgeIds),
      marks: withHighlight(marks, highlight),
    }),
    [selectedNodeIds, selectedEdgeIds, marks, highlight],
  );
  const view = useMemo(
    () => (variant ? cache.view(variant, selection) : undefined),
    [cache, variant, selection],
  );

  // React Flow moves nodes and measures them in its own copy; the model changes on drop only.
  const [shown, setShown] = useState(view);
  const [nodes, setNodes] = useState<PlanFlowNode[]>(view?.nodes ?? []);
  const [edges, setEdges] = useState<PlanFlowEdge[]>(view?.edges ?? []);
  if (view !== shown) {
    setShown(view);
    setNodes(view?.nodes ?? []);
    setEdges(view?.edges ?? []);
  }

  const onNodesChange = useCallback(
    (changes: NodeChange<PlanFlowNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<PlanFlowEdge>[]) => setEdges((es) => applyEdgeChanges(changes, es)),
    [],
  );
  const onSelectionChange = useCallback(
    ({ nodes: picked, edges: pickedEdges }: OnSelectionChangeParams) =>
      store.getState().setSelection(
        picked.map((n) => n.id),
        pickedEdges.map((e) => e.id),
      ),
    [store],
  );
  const onNodeDragStop = useCallback(
    (_: unknown, __: PlanFlowNode, dragged: PlanFlowNode[]) => {
      dropDragged(
        store,
        dragged.map((node) => {
          const internal = getInternalNode(node.id);
          return {
            id: node.id,
            absolute: internal?.internals.positionAbsolute ?? node.position,
            width: internal?.measured.width ?? node.width ?? 0,
            height: internal?.measured.height ?? node.height ?? 0,
          };
        }),
      );
    },
    [store, getInternalNode],
  );
  const isValidConnection = useCallback(
    (c: Connection | PlanFlowEdge) => {
      const current = selectActiveVariant(store.getState());
      if (!current) return false;
      const kind = edgeKindFor(current, c.source, c.target);
      return canConnect(current, c.source, c.target, kind).ok;
    },
    [store],
  );
  // Double-click renames: the node's name field in the inspector takes the focus.
  const onNodeDoubleClick = useCallback(
    (_: unknown, node: PlanFlowNode) => {
      store.getState().selectNode(node.id);
      requestAnimationFrame(() => {
        const input = document.getElementById('field-name');
        if (input instanceof HTMLInputElement) input.select();
      });
    },
    [store],
  );
  const onConnect = useCallback(
    (c: Connection) => connectNodes(store, c.source, c.target),
    [store],
  );
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(KIND_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      addNodeAt(store, kind, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [store, screenToFlowPosition],
  );

  // Fit the view when a document or variant opens with something to show, not later: a design
  // drawn from an empty canvas must stay where the person drops things.
  const flowKey = `${openCount}:${variant?.id ?? ''}`;
  const [fitFor, setFitFor] = useState({ key: flowKey, isFit: (view?.nodes.length ?? 0) > 0 });
  if (fitFor.key !== flowKey) setFitFor({ key: flowKey, isFit: (view?.nodes.length ?? 0) > 0 });

  if (!variant || !view) return null;
  return (
    <div
      className={`plan-canvas${isZoomedOut ? ' is-overview' : ''}`}
      data-testid="canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <EdgeMarkers />
      <ReactFlow
        key={flowKey}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onSelectionChange={onSelectionChange}
        onNodeDragStop={onNodeDragStop}
        onNodeDoubleClick={onNodeDoubleClick}
        zoomOnDoubleClick={false}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={36}
        colorMode="system"
        fitView={fitFor.isFit}
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.15}
        maxZoom={2}
        snapToGrid={isSnapToGrid}
        snapGrid={SNAP_GRID}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
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
