import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { componentDetail, displayName, kindTag } from '../describe';
import { KIND_META } from '../kind-meta';
import { CardFiguresRow, StandbyBadge } from '../marks';
import type { PlanFlowNode } from '../to-flow';
import { drawsTheSame } from './draws-the-same';

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/**
 * A component (router, service, datastore, …): a compact card with icon, name and sizing. One
 * handle per side, named by the side, where edges both start and end (the canvas connects in
 * loose mode): a source and a target handle per side made React Flow watch and measure twice as
 * many (1,352 in a 33-region design), on every move of a drag.
 */
export const ComponentNode = memo(function ComponentNode({
  data,
  selected,
}: NodeProps<PlanFlowNode>) {
  const { model, marks } = data;
  const Icon = KIND_META[model.kind].icon;
  const name = displayName(model);
  const detail = componentDetail(model);
  return (
    <div
      className={`plan-card plan-card--${model.kind}${selected ? ' is-selected' : ''}${marks?.standby ? ' is-standby' : ''}`}
      title={`${name} (${KIND_META[model.kind].label}) · ${detail}`}
    >
      <Icon className="plan-card__icon" size={13} aria-hidden />
      <span className="plan-card__kind">{kindTag(model)}</span>
      <span className="plan-card__name">{name}</span>
      <span className="plan-card__detail">{detail}</span>
      {marks?.figures && <CardFiguresRow figures={marks.figures} />}
      {(marks?.standby || marks?.scaledDown) && (
        <StandbyBadge standby={marks.standby} scaledDown={marks.scaledDown} />
      )}
      {SIDES.map(([side, position]) => (
        <Handle key={side} id={side} type="source" position={position} />
      ))}
    </div>
  );
}, drawsTheSame);
