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
  type ReactFlowState,
} from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { canConnect, edgeKindFor } from '../../../shared/model/ops/connect';
import type { NodeKind } from '../../../shared/model/types';
import { nodeKinds } from '../../../shared/schema/nines-v1';
import { regionTrafficShares } from '../../../shared/model/traffic';
import { diagramRoles, marksInUse, type LegendKey } from '../../../shared/plan/diagram';
import { useFindingFocus } from '../hooks/useAdvice';
import { useActiveScenario } from '../hooks/useActiveScenario';
import { useAlignShortcuts } from '../hooks/useAlignShortcuts';
import { isModalOpen, isTextEntry } from '../platform/focus';
import { useResults } from '../hooks/useResults';
import { withHighlight } from '../store/advice';
import { usePlanner, usePlannerStore } from '../store/context';
import { nodesOfEvents } from '../store/results';
import { scenarioMarks } from '../store/slices/scenario';
import { selectActiveVariant } from '../store/selectors';
import { AlignToolbar } from './AlignToolbar';
import { CanvasAnnouncer } from './CanvasAnnouncer';
import { displayName } from './describe';
import { addNodeAt, connectNodes, dropDragged } from './editor-commands';
import { EdgeMarkers } from './edges/PlanEdges';
import { useCanvasRoutes } from './edges/useCanvasRoutes';
import { CanvasLegend, cardFigures, nodeMarks } from './marks';
import { createFlowViewCache } from './flow-cache';
import { keepMeasured } from './keep-measured';
import { edgeTypes, nodeTypes } from './node-types';
import { applySelectChanges } from './selection-changes';
import { FIT_VIEW_OPTIONS, useCanvasView } from './useCanvasView';
import { useRevealNew } from './reveal-new';
import { GuideLines, useSnapGuides } from './SnapGuides';
import {
  edgeId,
  type FlowSelection,
  type NodeMark,
  type PlanFlowEdge,
  type PlanFlowNode,
} from './to-flow';
import { whatIfChoicesForEdge, whatIfChoicesForNode, type WhatIfChoice } from './what-if';
import { WhatIfMenu, type WhatIfMenuRequest } from './WhatIfMenu';
import { nodeElement, useKeyboardMenus, type PlaceMenu } from './useKeyboardMenus';
import { useThemeChoice } from '../theme';

/**
 * Smallest zoom: low enough that Fit shows the whole of a design of 40 regions (laid out in a
 * grid, about 0.15 at 1280 × 800; in one row, about 0.03); the overview's names stay the guide.
 */
const MIN_ZOOM = 0.02;
const MINIMAP_STYLE = { width: 168, height: 112 } as const;
/** Width of the what-if menu, px (kept in step with `.what-if-menu` in app.css). */
const MENU_WIDTH = 280;
const SNAP_GRID: [number, number] = [10, 10];
/** Shift+click adds a node to the selection (or takes it out), as Ctrl/Cmd+click does. */
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];

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
 * another card draws an edge; nodes snap to each other's edges and centre lines while dragged
 * (guides show it); Shift or Ctrl/Cmd+click adds to the selection, which can be aligned and
 * distributed from the toolbar above it. Single points of failure and the most probable cut
 * set are marked. It fits the view whenever a document or variant opens, and pans to new nodes an
 * edit selects out of view (reveal-new.ts). Needs a ReactFlowProvider.
 */
export function PlanCanvas() {
  const store = usePlannerStore();
  const variant = usePlanner(selectActiveVariant);
  const selectedNodeIds = usePlanner((s) => s.selectedNodeIds);
  const selectedEdgeIds = usePlanner((s) => s.selectedEdgeIds);
  const isSnapToGrid = usePlanner((s) => s.isSnapToGrid);
  const results = useResults();
  const isZoomedOut = useFlowStore(isOverview);
  const { screenToFlowPosition, getInternalNode } = useReactFlow<PlanFlowNode, PlanFlowEdge>();
  useAlignShortcuts();
  const colorMode = useThemeChoice();
  const [cache] = useState(createFlowViewCache);

  const activeScenario = useActiveScenario();
  const scenario = activeScenario?.applies ? activeScenario : undefined;
  const marks = useMemo((): ReadonlyMap<string, NodeMark> => {
    if (variant && scenario) return scenarioMarks(variant, scenario);
    const out = new Map<string, NodeMark>();
    for (const id of nodesOfEvents(results?.cutSets[0]?.events ?? [])) out.set(id, 'cut');
    for (const id of nodesOfEvents(results?.singlePointsOfFailure ?? [])) out.set(id, 'spof');
    return out;
  }, [results, scenario, variant]);
  const traffic = useMemo(
    () =>
      scenario &&
      new Map(
        scenario.edgeTraffic.map((t) => [edgeId({ kind: 'depends', from: t.from, to: t.to }), t]),
      ),
    [scenario],
  );
  const highlight = useFindingFocus((f) => f.highlight);
  // Standby regions and datastores, zone pips: once per change of the model or the scenario.
  const doc = usePlanner((s) => s.document);
  const roles = useMemo(
    () => (variant && doc ? diagramRoles(variant, regionTrafficShares(doc, variant)) : undefined),
    [doc, variant],
  );
  const isCardFiguresShown = usePlanner((s) => s.isCardFiguresShown);
  const figures = useMemo(() => {
    if (!isCardFiguresShown || !variant || !results) return undefined;
    const components = variant.nodes.filter((n) => n.kind !== 'region' && n.kind !== 'zone');
    return cardFigures(
      components.map((n) => n.id),
      results,
    );
  }, [isCardFiguresShown, variant, results]);
  const marksOnNodes = useMemo(() => {
    if (!variant || !roles) return undefined;
    const stopped = new Set([...marks].filter(([, m]) => m === 'stopped').map(([id]) => id));
    return nodeMarks(variant, roles, stopped, figures);
  }, [variant, roles, marks, figures]);
  const legend = useMemo(() => {
    if (!variant || !roles) return [];
    const shown = new Set<string>(marks.values());
    const extra = (['spof', 'cut', 'stopped', 'survivor'] as const).filter((m) => shown.has(m));
    return marksInUse(variant, roles, extra satisfies LegendKey[]);
  }, [variant, roles, marks]);
  const selection = useMemo(
    (): FlowSelection => ({
      nodes: new Set(selectedNodeIds),
      edges: new Set(selectedEdgeIds),
      marks: withHighlight(marks, highlight),
      ...(traffic ? { traffic } : {}),
      ...(marksOnNodes ? { nodeMarks: marksOnNodes } : {}),
      ...(roles ? { roles } : {}),
    }),
    [selectedNodeIds, selectedEdgeIds, marks, highlight, traffic, marksOnNodes, roles],
  );
  // Large designs are routed in a worker: their edges are drawn unrouted until routes arrive.
  const { routed, isPending: isRouting } = useCanvasRoutes(variant);
  const view = useMemo(
    () => (variant ? cache.view(variant, selection, routed) : undefined),
    [cache, variant, selection, routed],
  );

  // React Flow moves nodes and measures them in its own copy; the model changes on drop only.
  // A new view keeps the copies' measurements (keep-measured.ts).
  const [shown, setShown] = useState(view);
  const [nodes, setNodes] = useState<PlanFlowNode[]>(view?.nodes ?? []);
  const [edges, setEdges] = useState<PlanFlowEdge[]>(view?.edges ?? []);
  if (view !== shown) {
    setShown(view);
    setNodes((current) => keepMeasured(shown?.nodes, view?.nodes ?? [], current));
    setEdges(view?.edges ?? []);
  }

  // While a drag runs, edges and centre lines snap to the other nodes' and guides show it. The
  // selection goes to the store from the person's gestures only (see selection-changes.ts).
  const { guides, snap, clear: clearGuides } = useSnapGuides(view?.nodes);
  const onNodesChange = useCallback(
    (changes: NodeChange<PlanFlowNode>[]) => {
      const snapped = snap(changes);
      setNodes((ns) => applyNodeChanges(snapped, ns));
      const state = store.getState();
      const picked = applySelectChanges(state.selectedNodeIds, snapped);
      if (picked !== state.selectedNodeIds) state.setSelection(picked, state.selectedEdgeIds);
    },
    [snap, store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<PlanFlowEdge>[]) => {
      setEdges((es) => applyEdgeChanges(changes, es));
      const state = store.getState();
      const picked = applySelectChanges(state.selectedEdgeIds, changes);
      if (picked !== state.selectedEdgeIds) state.setSelection(state.selectedNodeIds, picked);
    },
    [store],
  );
  const onNodeDragStop = useCallback(
    (_: unknown, __: PlanFlowNode, dragged: PlanFlowNode[]) => {
      clearGuides();
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
    [store, getInternalNode, clearGuides],
  );
  // Paste lands at the pointer: keep where it is over the canvas (canvas coordinates). Not while
  // a button is held (a drag, a pan): each change of the store runs every panel's selectors, on
  // every move; the pointer is kept again where the button is released.
  const keepPointer = useCallback(
    (event: ReactPointerEvent) =>
      store.getState().setPointer(screenToFlowPosition({ x: event.clientX, y: event.clientY })),
    [store, screenToFlowPosition],
  );
  const onPointerMove = useCallback(
    (event: ReactPointerEvent) => {
      if (event.buttons === 0) keepPointer(event);
    },
    [keepPointer],
  );
  const onPointerLeave = useCallback(() => store.getState().setPointer(null), [store]);
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

  // What-if questions: right click on a node or a cross-region edge, or the context-menu key.
  const canvasRef = useRef<HTMLDivElement>(null);
  useRevealNew(canvasRef, variant, selectedNodeIds);
  const [menu, setMenu] = useState<WhatIfMenuRequest | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const placeMenu = useCallback<PlaceMenu>((clientX, clientY, count) => {
    const box = canvasRef.current?.getBoundingClientRect();
    if (!box) return null;
    const height = 36 + 30 * count;
    return {
      x: Math.max(0, Math.min(clientX - box.left, box.width - MENU_WIDTH)),
      y: Math.max(0, Math.min(clientY - box.top, box.height - height)),
    };
  }, []);
  const openMenu = useCallback(
    (clientX: number, clientY: number, title: string, choices: WhatIfChoice[]) => {
      const at = placeMenu(clientX, clientY, choices.length);
      if (!at || choices.length === 0) return;
      setMenu({ ...at, title, choices });
    },
    [placeMenu],
  );
  const keyboardMenus = useKeyboardMenus(store, canvasRef, placeMenu);
  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: PlanFlowNode) => {
      event.preventDefault();
      const { document: doc } = store.getState();
      const current = selectActiveVariant(store.getState());
      if (!doc || !current) return;
      const choices = whatIfChoicesForNode(doc, current, node.id);
      openMenu(event.clientX, event.clientY, `What if… ${displayName(node.data.model)}`, choices);
    },
    [store, openMenu],
  );
  const onEdgeContextMenu = useCallback(
    (event: ReactMouseEvent, edge: PlanFlowEdge) => {
      event.preventDefault();
      const current = selectActiveVariant(store.getState());
      if (!current) return;
      openMenu(
        event.clientX,
        event.clientY,
        'What if…',
        whatIfChoicesForEdge(current, edge.source, edge.target),
      );
    },
    [store, openMenu],
  );
  const onChooseWhatIf = useCallback(
    (choice: WhatIfChoice) => {
      setMenu(null);
      store.getState().askWhatIf(choice);
    },
    [store],
  );
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const isMenuKey = event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');
      if (!isMenuKey || isTextEntry(event.target) || isModalOpen()) {
        return;
      }
      const state = store.getState();
      const current = selectActiveVariant(state);
      const [nodeId] = state.selectedNodeIds;
      const node = current?.nodes.find((n) => n.id === nodeId);
      const element = nodeElement(canvasRef.current, nodeId ?? '');
      if (!state.document || !current || !node || !element || state.selectedNodeIds.length > 1) {
        return;
      }
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const choices = whatIfChoicesForNode(state.document, current, node.id);
      openMenu(box.left + 12, box.top + 12, `What if… ${displayName(node)}`, choices);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, openMenu]);

  const { flowKey, isFitAtOpen } = useCanvasView(store, variant, (view?.nodes.length ?? 0) > 0);

  if (!variant || !view) return null;
  return (
    <div
      ref={canvasRef}
      className={`plan-canvas${isZoomedOut ? ' is-overview' : ''}`}
      data-testid="canvas"
      data-routing={isRouting ? 'pending' : 'done'}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onPointerMove={onPointerMove}
      onPointerUp={keepPointer}
      onPointerLeave={onPointerLeave}
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
        onNodeDragStop={onNodeDragStop}
        onNodeDoubleClick={onNodeDoubleClick}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneContextMenu={closeMenu}
        onMoveStart={closeMenu}
        zoomOnDoubleClick={false}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={36}
        colorMode={colorMode}
        fitView={isFitAtOpen}
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={MIN_ZOOM}
        maxZoom={2}
        snapToGrid={isSnapToGrid}
        snapGrid={SNAP_GRID}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
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
        <AlignToolbar />
        <CanvasLegend marks={legend} />
        <GuideLines guides={guides} />
      </ReactFlow>
      {menu && <WhatIfMenu request={menu} onChoose={onChooseWhatIf} onClose={closeMenu} />}
      {keyboardMenus.menu}
      <CanvasAnnouncer action={keyboardMenus.announcement} />
    </div>
  );
}
