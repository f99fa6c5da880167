import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Point } from '../../../../shared/diagram/routing';
import type { PlanFlowEdge } from '../to-flow';

/** Ids of the arrow heads defined once by `EdgeMarkers`. */
const ARROW = 'nines-arrow';
const ARROW_WARNING = 'nines-arrow-warning';
const ARROW_MUTED = 'nines-arrow-muted';
const ARROW_ACCENT = 'nines-arrow-accent';

/** The edge's classes: its kind, and whether it crosses regions or touches the selection. */
function edgeClass(kind: string, data: PlanFlowEdge['data']): string {
  return [
    'plan-edge',
    `plan-edge--${kind}`,
    data?.isCrossRegion ? 'plan-edge--cross-region' : '',
    data?.isHighlighted ? 'is-highlighted' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** How far a handle may sit from its route's end while nothing moved, px (half a handle, a nudge). */
const END_TOLERANCE = 10;
/** Radius of a route's rounded corners, px. */
const CORNER = 8;

/** The SVG path of an orthogonal route, its corners rounded (never more than half a stretch). */
export function roundedPath(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M ${first[0]} ${first[1]}`;
  rest.forEach((p, k) => {
    const before = points[k] as Point;
    const after = rest[k + 1];
    if (!after) {
      d += ` L ${p[0]} ${p[1]}`;
      return;
    }
    const length = (a: Point, b: Point) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]);
    const r = Math.min(CORNER, length(before, p) / 2, length(p, after) / 2);
    const towards = (a: Point, b: Point, by: number): Point => {
      const l = length(a, b) || 1;
      return [b[0] + ((a[0] - b[0]) / l) * by, b[1] + ((a[1] - b[1]) / l) * by];
    };
    const [inX, inY] = towards(before, p, r);
    const [outX, outY] = towards(after, p, r);
    d += ` L ${inX} ${inY} Q ${p[0]} ${p[1]} ${outX} ${outY}`;
  });
  return d;
}

/**
 * How far from the card's border an edge's drawn line starts and ends, px: past its handle
 * (9 px, centred on the border), so that the handle stays under the pointer for a new edge,
 * as React Flow's own paths do from the handle's outer side.
 */
const HANDLE_CLEARANCE = 5;

/** `points` with the first and last moved `by` along their stretch (at most half of it). */
function clearOfHandles(points: readonly Point[], by: number): Point[] {
  const out = points.map((p): Point => [p[0], p[1]]);
  const pull = (end: number, towards: number) => {
    const [a, b] = [out[end], out[towards]];
    if (!a || !b) return;
    const length = Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]);
    if (length === 0) return;
    const t = Math.min(by, length / 2) / length;
    out[end] = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  };
  pull(0, 1);
  pull(out.length - 1, out.length - 2);
  return out;
}

/** The middle of the route's longest stretch (where a label goes when no spot was placed). */
function middleOf(points: readonly Point[]): Point {
  let best: [Point, number] = [points[0] ?? [0, 0], -1];
  for (let k = 1; k < points.length; k += 1) {
    const [a, b] = [points[k - 1] as Point, points[k] as Point];
    const length = Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]);
    if (length > best[1]) best = [[(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], length];
  }
  return best[0];
}

/**
 * The edge's path and label position: its route when its ends are where the route was laid,
 * the route moved along when both ends moved alike (a container dragged with both cards), and
 * a provisional step path between the handles while a drag moves one end (the drop re-routes).
 */
function edgePath(props: EdgeProps<PlanFlowEdge>): [string, number, number] {
  const route = props.data?.route;
  const first = route?.[0];
  const last = route?.[route.length - 1];
  if (route && first && last) {
    const ds: Point = [props.sourceX - first[0], props.sourceY - first[1]];
    const dt: Point = [props.targetX - last[0], props.targetY - last[1]];
    const isStill = (d: Point) =>
      Math.abs(d[0]) <= END_TOLERANCE && Math.abs(d[1]) <= END_TOLERANCE;
    const label = props.data?.labelAt ?? middleOf(route);
    const drawn = clearOfHandles(route, HANDLE_CLEARANCE);
    if (isStill(ds) && isStill(dt)) return [roundedPath(drawn), label[0], label[1]];
    if (Math.abs(ds[0] - dt[0]) < 1 && Math.abs(ds[1] - dt[1]) < 1) {
      const moved = drawn.map((p): Point => [p[0] + ds[0], p[1] + ds[1]]);
      return [roundedPath(moved), label[0] + ds[0], label[1] + ds[1]];
    }
  }
  const [path, x, y] = getSmoothStepPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    sourcePosition: props.sourcePosition,
    targetX: props.targetX,
    targetY: props.targetY,
    targetPosition: props.targetPosition,
    borderRadius: 10,
    offset: 18,
  });
  return [path, x, y];
}

/**
 * A `depends` edge: a solid arrow from consumer to dependency; amber across regions. In scenario
 * mode it carries the share of requests that travel it.
 */
export const DependsEdge = memo(function DependsEdge(props: EdgeProps<PlanFlowEdge>) {
  const [path, labelX, labelY] = edgePath(props);
  const marker = props.data?.isCrossRegion
    ? ARROW_WARNING
    : props.data?.isHighlighted
      ? ARROW_ACCENT
      : ARROW;
  return (
    <>
      <BaseEdge
        path={path}
        className={edgeClass('depends', props.data)}
        markerEnd={`url(#${marker})`}
      />
      {props.data?.label && (
        <EdgeLabel
          x={labelX}
          y={labelY}
          className={`plan-edge-label plan-edge-label--traffic${props.data.labelTone ? ` is-${props.data.labelTone}` : ''}`}
        >
          {props.data.label}
        </EdgeLabel>
      )}
    </>
  );
});

/** Text on an edge at (x, y), above the canvas's own layers. */
function EdgeLabel({
  x,
  y,
  className,
  children,
}: {
  x: number;
  y: number;
  className: string;
  children: string;
}) {
  return (
    <EdgeLabelRenderer>
      <div
        className={`${className} nodrag nopan`}
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
      >
        {children}
      </div>
    </EdgeLabelRenderer>
  );
}

/** A `replicates` edge: a dashed double line between two data tiers, labelled sync or async. */
export const ReplicatesEdge = memo(function ReplicatesEdge(props: EdgeProps<PlanFlowEdge>) {
  const [path, labelX, labelY] = edgePath(props);
  return (
    <>
      <BaseEdge path={path} className={edgeClass('replicates', props.data)} />
      {/* A narrower stroke in the canvas colour hollows the wide one into two lines. */}
      <path d={path} className="plan-edge--replicates-gap" fill="none" />
      {props.data?.label && (
        <EdgeLabel x={labelX} y={labelY} className="plan-edge-label">
          {props.data.label}
        </EdgeLabel>
      )}
    </>
  );
});

/** A `backs-up` edge: a dotted arrow from the backup to the datastore it protects. */
export const BacksUpEdge = memo(function BacksUpEdge(props: EdgeProps<PlanFlowEdge>) {
  const [path] = edgePath(props);
  return (
    <BaseEdge
      path={path}
      className={edgeClass('backs-up', props.data)}
      markerEnd={`url(#${props.data?.isHighlighted ? ARROW_ACCENT : ARROW_MUTED})`}
    />
  );
});

/** The arrow heads the edges use, defined once per canvas. */
export function EdgeMarkers() {
  return (
    <svg className="plan-edge-markers" aria-hidden>
      <defs>
        {[
          [ARROW, 'plan-marker'],
          [ARROW_WARNING, 'plan-marker plan-marker--warning'],
          [ARROW_MUTED, 'plan-marker plan-marker--muted'],
          [ARROW_ACCENT, 'plan-marker plan-marker--accent'],
        ].map(([id, className]) => (
          <marker
            key={id}
            id={id}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className={className} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
