import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
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

function usePath(props: EdgeProps<PlanFlowEdge>) {
  return getSmoothStepPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    sourcePosition: props.sourcePosition,
    targetX: props.targetX,
    targetY: props.targetY,
    targetPosition: props.targetPosition,
    borderRadius: 10,
    offset: 18,
  });
}

/**
 * A `depends` edge: a solid arrow from consumer to dependency; amber across regions. In scenario
 * mode it carries the share of requests that travel it.
 */
export const DependsEdge = memo(function DependsEdge(props: EdgeProps<PlanFlowEdge>) {
  const [path, labelX, labelY] = usePath(props);
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

/**
 * How far below the lower of its two ends a replication edge runs: past one row of cards, and
 * further for ends further apart, so that the lanes of several replication edges stay apart.
 */
export function replicationLane(sourceX: number, targetX: number): number {
  return 96 + 0.03 * Math.abs(targetX - sourceX);
}

/** A `replicates` edge: a dashed double line between two data tiers, labelled sync or async. */
export const ReplicatesEdge = memo(function ReplicatesEdge(props: EdgeProps<PlanFlowEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    sourcePosition: props.sourcePosition,
    targetX: props.targetX,
    targetY: props.targetY,
    targetPosition: props.targetPosition,
    borderRadius: 10,
    offset: replicationLane(props.sourceX, props.targetX),
  });
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
  const [path] = usePath(props);
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
