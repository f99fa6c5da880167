import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { displayName, regionCaption } from '../describe';
import { KIND_META } from '../kind-meta';
import type { PlanFlowNode } from '../to-flow';

/** A region: a large rounded panel titled with its name, provider and location. */
export const RegionNode = memo(function RegionNode({ data, selected }: NodeProps<PlanFlowNode>) {
  const Icon = KIND_META.region.icon;
  const caption = regionCaption(data.model);
  return (
    <div className={`plan-region${selected ? ' is-selected' : ''}`}>
      <header className="plan-region__header">
        <Icon className="plan-region__icon" size={15} aria-hidden />
        <span className="plan-region__name">{displayName(data.model)}</span>
        {caption && <span className="plan-region__caption">{caption}</span>}
      </header>
    </div>
  );
});

/** An availability zone: a column inside its region. */
export const ZoneNode = memo(function ZoneNode({ data, selected }: NodeProps<PlanFlowNode>) {
  const { model } = data;
  const location = model.kind === 'zone' ? model.location : undefined;
  return (
    <div className={`plan-zone${selected ? ' is-selected' : ''}`}>
      <header className="plan-zone__header">
        <span className="plan-zone__name">{displayName(model)}</span>
        {location && location !== displayName(model) && (
          <span className="plan-zone__caption">{location}</span>
        )}
      </header>
    </div>
  );
});
