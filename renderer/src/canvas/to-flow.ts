/**
 * The canvas is a view of the model: `toFlow` builds React Flow nodes and edges from a variant.
 * It reuses the previous object of every node and edge that did not change, because React Flow
 * treats a new object as a changed node and measures it again.
 */
import type { Edge as FlowEdge, Node as FlowNode } from '@xyflow/react';
import type { EdgeTraffic } from '../../../shared/engine';
import type { EdgeKind, ModelNode, NodeKind, Variant } from '../../../shared/model/types';
import type { Point } from '../../../shared/diagram/routing';
import { layoutVariant, type Box } from './layout';
import {
  placeEdgeLabels,
  routeRequest,
  routingRequest,
  type CanvasRouting,
  type RoutingRequest,
  type Side,
} from './edges/routes';
import { absoluteBoxes } from './placement';
import { formatShare } from '../../../shared/text';
import { COMPONENT_KINDS } from '../../../shared/model/nodes';
import {
  replicationKey,
  type DiagramRoles,
  type ReplicationRole,
} from '../../../shared/plan/diagram';
import { spokenEdge, spokenNode } from './spoken';
import type { KeyedMarks, NodeMarks } from './marks';

/**
 * What a node component needs: the model node itself and what the canvas marks on it (zone
 * pips, standby, traffic share; see marks/node-marks.ts), no callbacks, per React Flow advice.
 */
export type PlanNodeData = { model: ModelNode; marks?: NodeMarks; marksKey?: string };

/**
 * What the canvas shows as selected or marked: selected node and edge ids, and the nodes the
 * results single out (`spof`: a single point of failure; `cut`: in the most probable cut set;
 * in scenario mode `stopped` and `survivor`: what the scenario stops and what keeps working;
 * `finding` and `fix`: the nodes of the finding pointed at, or that a previewed fix changes).
 */
export interface FlowSelection {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  readonly marks: ReadonlyMap<string, NodeMark>;
  /** Scenario mode: the requests on each `depends` edge, by edge id (see `edgeId`). */
  readonly traffic?: ReadonlyMap<string, EdgeTraffic>;
  /** What the canvas marks on each node (`nodeMarks` of marks/), by node id. */
  readonly nodeMarks?: ReadonlyMap<string, KeyedMarks>;
  /** The variant's roles: how each `replicates` edge replicates and promotes. */
  readonly roles?: DiagramRoles;
}

/** How the results single out a node on the canvas. */
export type NodeMark = 'spof' | 'cut' | 'stopped' | 'survivor' | 'finding' | 'fix';

const NOTHING: FlowSelection = { nodes: new Set(), edges: new Set(), marks: new Map() };

function asSelection(selection: FlowSelection | string | null): FlowSelection {
  if (selection === null) return NOTHING;
  if (typeof selection === 'string') return { ...NOTHING, nodes: new Set([selection]) };
  return selection;
}

const CONNECTABLE = new Set<NodeKind>(COMPONENT_KINDS);

/** What an edge component needs. */
export type PlanEdgeData = {
  /** The two ends run in different regions, so the call also needs the link between them. */
  isCrossRegion: boolean;
  /** One end is the selected node. */
  isHighlighted: boolean;
  /**
   * Short text on the edge: the replication mode for `replicates` edges; in scenario mode, the
   * share of requests an edge out of a router with several targets carries (`50 % → 100 %`
   * when the scenario moved some).
   */
  label?: string;
  /** Scenario mode: the edge carries more (`gain`) or fewer (`loss`) requests than normally. */
  labelTone?: 'gain' | 'loss';
  /**
   * The edge's route around the cards and titles, absolute canvas px (edges/routes.ts); absent
   * when it has none (drawn between the facing sides).
   */
  route?: readonly Point[];
  /** Where the label goes on the route, absolute canvas px: covering no card or title. */
  labelAt?: Point;
};

export type PlanFlowNode = FlowNode<PlanNodeData, NodeKind>;
export type PlanFlowEdge = FlowEdge<PlanEdgeData, EdgeKind>;

/** The React Flow view of one variant. */
export interface FlowView {
  readonly nodes: PlanFlowNode[];
  readonly edges: PlanFlowEdge[];
  /** The edges' routes, kept so that the next view routes only what changed. */
  readonly routing?: CanvasRouting;
  /**
   * Where the labels went on `routing`, and which labels (`labelsKey`): kept so that a view of
   * the same routes and labels (a new selection) does not place them again.
   */
  readonly labelSpots?: ReadonlyMap<string, Point>;
  readonly labelsKey?: string;
}

/** The id React Flow uses for an edge of the model (edges have no id in the file). */
export function edgeId(edge: { kind: EdgeKind; from: string; to: string }): string {
  return `${edge.kind}:${edge.from}>${edge.to}`;
}

/**
 * Routes made outside {@link toFlow} (by the routing worker, edges/useCanvasRoutes.ts): the
 * last that arrived, for this layout or an earlier one, or none yet (the edges are drawn between
 * facing sides until they come).
 */
export interface RoutedElsewhere {
  readonly routing: CanvasRouting | undefined;
}

function requestOf(variant: Variant, absolute: ReadonlyMap<string, Box>): RoutingRequest {
  return routingRequest(
    variant,
    absolute,
    variant.edges.map((e) => ({ id: edgeId(e), from: e.from, to: e.to })),
  );
}

/** What routing the canvas layout of `variant` needs (for the routing worker). */
export function canvasRoutingRequest(variant: Variant): RoutingRequest {
  return requestOf(variant, absoluteBoxes(variant, layoutVariant(variant)));
}

/**
 * Builds the view of `variant` with `selection` selected (one node id, or nodes, edges and
 * marks). Parents come before their children (React Flow requires it); positions are relative
 * to the parent. Pass the previous view to keep the identity of unchanged nodes and edges (and
 * to route again only the edges a change disturbed). The edges are routed here, unless
 * `routed` brings routes made elsewhere.
 */
export function toFlow(
  variant: Variant,
  selection: FlowSelection | string | null,
  previous?: FlowView,
  routed?: RoutedElsewhere,
): FlowView {
  const {
    nodes: selectedNodes,
    edges: selectedEdges,
    marks,
    traffic,
    nodeMarks,
    roles,
  } = asSelection(selection);
  const selectedId = selectedNodes.size === 1 ? ([...selectedNodes][0] ?? null) : null;
  const boxes = layoutVariant(variant);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const oldNodes = new Map(previous?.nodes.map((n) => [n.id, n]));
  const oldEdges = new Map(previous?.edges.map((e) => [e.id, e]));

  const nodes = parentsFirst(variant.nodes, byId).map((model): PlanFlowNode => {
    const box = boxes.get(model.id) ?? { x: 0, y: 0, width: 0, height: 0 };
    const isSelected = selectedNodes.has(model.id);
    const mark = marks.get(model.id);
    const className = mark === undefined ? undefined : `is-${mark}`;
    const ariaLabel = spokenNode(variant, model, mark);
    const keyed = nodeMarks?.get(model.id);
    const old = oldNodes.get(model.id);
    if (
      old &&
      old.data.model === model &&
      old.data.marksKey === keyed?.key &&
      old.ariaLabel === ariaLabel &&
      old.position.x === box.x &&
      old.position.y === box.y &&
      old.width === box.width &&
      old.height === box.height &&
      old.parentId === model.parent &&
      Boolean(old.selected) === isSelected &&
      old.className === className
    ) {
      return old;
    }
    const isContainer = model.kind === 'region' || model.kind === 'zone';
    return {
      id: model.id,
      type: model.kind,
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: keyed ? { model, marks: keyed.marks, marksKey: keyed.key } : { model },
      ariaLabel,
      selected: isSelected,
      ...(model.parent === undefined ? {} : { parentId: model.parent }),
      // Containers at the bottom, then cards, then edges: an edge that crosses a card stays
      // visible rather than seeming to start from the card it passes behind.
      zIndex: isContainer ? 0 : 10,
      connectable: CONNECTABLE.has(model.kind),
      ...(className === undefined ? {} : { className }),
    };
  });

  const regionOf = (id: string): string | undefined => {
    let node = byId.get(id);
    while (node && node.kind !== 'region') node = node.parent ? byId.get(node.parent) : undefined;
    return node?.id;
  };

  // Scenario mode labels the requests where a router splits them; the edges downstream carry
  // what their source receives and only show, by their stroke, whether that moved.
  const routerTargets = new Map<string, number>();
  for (const edge of variant.edges) {
    if (edge.kind === 'depends' && byId.get(edge.from)?.kind === 'router') {
      routerTargets.set(edge.from, (routerTargets.get(edge.from) ?? 0) + 1);
    }
  }
  const splitters = new Set([...routerTargets].filter(([, n]) => n > 1).map(([id]) => id));

  const absolute = absoluteBoxes(variant, boxes);
  const routing = routed
    ? routed.routing
    : routeRequest(requestOf(variant, absolute), previous?.routing);
  const replicationOf = (edge: (typeof variant.edges)[number]) =>
    edge.kind === 'replicates' ? roles?.replication.get(replicationKey(edge)) : undefined;
  const labelOf = (edge: (typeof variant.edges)[number]): string | undefined => {
    const carried = traffic?.get(edgeId(edge));
    return edge.kind === 'replicates'
      ? replicationLabel(byId.get(edge.from), replicationOf(edge))
      : carried && splitters.has(edge.from)
        ? trafficLabel(carried)
        : undefined;
  };
  const labels = variant.edges.flatMap((e) => {
    const text = labelOf(e);
    return text === undefined ? [] : [{ id: edgeId(e), text }];
  });
  const labelsKey = labels.map((l) => `${l.id}\t${l.text}`).join('\n');
  // A new selection keeps the routes and labels: their places stay (about 8 ms for 264 edges).
  const placedBefore =
    routing && previous?.routing === routing && previous.labelsKey === labelsKey
      ? previous.labelSpots
      : undefined;
  const labelSpots: ReadonlyMap<string, Point> = !routing
    ? new Map()
    : (placedBefore ?? placeEdgeLabels(routing, labels));

  const edges = variant.edges.map((edge): PlanFlowEdge => {
    const id = edgeId(edge);
    const fromRegion = regionOf(edge.from);
    const toRegion = regionOf(edge.to);
    const isCrossRegion =
      edge.kind === 'depends' &&
      fromRegion !== undefined &&
      toRegion !== undefined &&
      fromRegion !== toRegion;
    const carried = traffic?.get(id);
    const replication = replicationOf(edge);
    const label = labelOf(edge);
    const route = routing?.routes.get(id);
    const labelAt = labelSpots.get(id);
    const isHighlighted =
      selectedId !== null && (edge.from === selectedId || edge.to === selectedId);
    const [sourceHandle, targetHandle] = route
      ? [route.sourceSide, route.targetSide]
      : facingHandles(absolute.get(edge.from), absolute.get(edge.to));
    const isSelected = selectedEdges.has(id);
    // Scenario mode: an edge to a stopped node is dimmed, one between survivors drawn as the path.
    const ends = [marks.get(edge.from), marks.get(edge.to)];
    const className =
      [
        ends.includes('stopped')
          ? 'is-stopped'
          : ends.every((m) => m === 'survivor')
            ? 'is-surviving'
            : '',
        carried ? `is-${trafficTrend(carried)}` : '',
        replication?.mode === 'active-active' ? 'is-active-active' : '',
        replication?.isManual ? 'is-manual' : '',
      ]
        .filter(Boolean)
        .join(' ') || undefined;
    const trend = carried && trafficTrend(carried);
    const labelTone = trend === 'gaining' ? 'gain' : trend === 'losing' ? 'loss' : undefined;
    const ariaLabel = spokenEdge(variant, edge, label);
    const old = oldEdges.get(id);
    if (
      old?.data &&
      old.ariaLabel === ariaLabel &&
      old.data.labelTone === labelTone &&
      Boolean(old.selected) === isSelected &&
      old.className === className &&
      old.data.isCrossRegion === isCrossRegion &&
      old.data.isHighlighted === isHighlighted &&
      old.data.label === label &&
      samePoints(old.data.route, route?.points) &&
      samePoints(old.data.labelAt && [old.data.labelAt], labelAt && [labelAt]) &&
      old.sourceHandle === sourceHandle &&
      old.targetHandle === targetHandle
    ) {
      return old;
    }
    return {
      id,
      type: edge.kind,
      source: edge.from,
      target: edge.to,
      sourceHandle,
      targetHandle,
      data: {
        isCrossRegion,
        isHighlighted,
        ...(label === undefined ? {} : { label }),
        ...(labelTone === undefined ? {} : { labelTone }),
        ...(route === undefined ? {} : { route: route.points }),
        ...(labelAt === undefined ? {} : { labelAt }),
      },
      zIndex: 20,
      ariaLabel,
      selected: isSelected,
      ...(className === undefined ? {} : { className }),
    };
  });

  return { nodes, edges, ...(routing ? { routing, labelSpots, labelsKey } : {}) };
}

/** A share of all requests (shared/text's rule: up to 2 decimals). */
const percent = formatShare;

/** Differences smaller than this are rounding in the routing, not moved requests. */
const SHARE_EPSILON = 1e-9;

/** The requests an edge carries in scenario mode: `50 %`, or `50 % → 100 %` when they moved. */
export function trafficLabel(traffic: EdgeTraffic): string {
  return Math.abs(traffic.share - traffic.normalShare) <= SHARE_EPSILON
    ? percent(traffic.share)
    : `${percent(traffic.normalShare)} → ${percent(traffic.share)}`;
}

function trafficTrend(traffic: EdgeTraffic): 'gaining' | 'losing' | 'carrying' {
  if (traffic.share > traffic.normalShare + SHARE_EPSILON) return 'gaining';
  if (traffic.share < traffic.normalShare - SHARE_EPSILON) return 'losing';
  return 'carrying';
}

/** Orders nodes so that every container comes before what it contains, else in file order. */
function parentsFirst(
  nodes: readonly ModelNode[],
  byId: ReadonlyMap<string, ModelNode>,
): ModelNode[] {
  const depthOf = (node: ModelNode): number => {
    let depth = 0;
    let parent = node.parent ? byId.get(node.parent) : undefined;
    while (parent && depth < nodes.length) {
      depth += 1;
      parent = parent.parent ? byId.get(parent.parent) : undefined;
    }
    return depth;
  };
  return nodes.toSorted((a, b) => depthOf(a) - depthOf(b));
}

/**
 * A replication edge's label: `sync` or `async`, with `active-active` when both members serve
 * and `manual failover` when a person promotes the standby.
 */
function replicationLabel(
  source: ModelNode | undefined,
  role: ReplicationRole | undefined,
): string {
  const timing = source?.kind === 'datastore' && source.sync === true ? 'sync' : 'async';
  if (role?.mode === 'active-active') return `active-active · ${timing}`;
  return role?.isManual ? `${timing} · manual failover` : timing;
}

/** Whether two lists of points (either may be absent) are the same points. */
function samePoints(a: readonly Point[] | undefined, b: readonly Point[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((p, i) => p[0] === b[i]?.[0] && p[1] === b[i]?.[1]);
}

/**
 * For an edge without a route: the sides that face each other, top and bottom when one box is
 * wholly above the other (request flow usually runs downwards), left and right otherwise.
 * A card's handle is named by its side (nodes/ComponentNode.tsx).
 */
function facingHandles(a: Box | undefined, b: Box | undefined): [Side, Side] {
  const pair = (source: Side, target: Side): [Side, Side] => [source, target];
  if (!a || !b) return pair('bottom', 'top');
  if (b.y >= a.y + a.height) return pair('bottom', 'top');
  if (a.y >= b.y + b.height) return pair('top', 'bottom');
  return b.x + b.width / 2 >= a.x + a.width / 2 ? pair('right', 'left') : pair('left', 'right');
}
