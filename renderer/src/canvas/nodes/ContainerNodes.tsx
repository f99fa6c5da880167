import { NodeResizer, type NodeProps, type OnResizeEnd } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { usePlannerStore } from '../../store/context';
import { displayName, regionCaption } from '../describe';
import { resizeContainer } from '../editor-commands';
import { KIND_META } from '../kind-meta';
import { RegionBadge, ZonePips } from '../marks';
import type { PlanFlowNode } from '../to-flow';
import { drawsTheSame } from './draws-the-same';
import '../editing.css';

/** Smallest size a resize handle leaves a container, px (it never gets smaller than its content). */
const MIN_SIZE = { region: { width: 200, height: 120 }, zone: { width: 140, height: 90 } } as const;

/** Handles on a selected container: a resize is one undo step and pushes neighbours aside. */
function ContainerResizer({
  id,
  kind,
  isShown,
}: {
  id: string;
  kind: 'region' | 'zone';
  isShown: boolean;
}) {
  const store = usePlannerStore();
  const onResizeEnd: OnResizeEnd = useCallback(
    (_, box) => resizeContainer(store, id, box),
    [store, id],
  );
  return (
    <NodeResizer
      isVisible={isShown}
      minWidth={MIN_SIZE[kind].width}
      minHeight={MIN_SIZE[kind].height}
      onResizeEnd={onResizeEnd}
    />
  );
}

/**
 * A region: a large rounded panel titled with its name, provider and location, and its share of
 * the traffic when the design has several regions (hatched when it is on standby).
 */
export const RegionNode = memo(function RegionNode({
  id,
  data,
  selected,
}: NodeProps<PlanFlowNode>) {
  const Icon = KIND_META.region.icon;
  const caption = regionCaption(data.model);
  const role = data.marks?.region;
  return (
    <div
      className={`plan-region${selected ? ' is-selected' : ''}${role?.isStandby ? ' is-standby' : ''}`}
    >
      <ContainerResizer id={id} kind="region" isShown={selected} />
      <div className="plan-region__header">
        <Icon className="plan-region__icon" size={15} aria-hidden />
        <span className="plan-region__name">{displayName(data.model)}</span>
        {caption && <span className="plan-region__caption">{caption}</span>}
        {role && <RegionBadge role={role} />}
      </div>
    </div>
  );
}, drawsTheSame);

/** An availability zone: a column inside its region, with the instances the spread puts in it. */
export const ZoneNode = memo(function ZoneNode({
  id,
  data,
  selected,
  height,
}: NodeProps<PlanFlowNode>) {
  const { model, marks } = data;
  const location = model.kind === 'zone' ? model.location : undefined;
  return (
    <div className={`plan-zone${selected ? ' is-selected' : ''}`}>
      <ContainerResizer id={id} kind="zone" isShown={selected} />
      <div className="plan-zone__header">
        <span className="plan-zone__name">{displayName(model)}</span>
        {location && location !== displayName(model) && (
          <span className="plan-zone__caption">{location}</span>
        )}
      </div>
      {marks?.pips && <ZonePips pips={marks.pips} height={height ?? 0} />}
    </div>
  );
}, drawsTheSame);
