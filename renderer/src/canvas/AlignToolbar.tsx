/**
 * Align and distribute for a selection of two or more nodes: a small toolbar above the selection
 * (React Flow's NodeToolbar), each button one undo step. Lives inside <ReactFlow>.
 */
import { NodeToolbar, Position } from '@xyflow/react';
import {
  AlignCenterHorizontal,
  AlignCenterVertical,
  AlignEndHorizontal,
  AlignEndVertical,
  AlignHorizontalSpaceBetween,
  AlignStartHorizontal,
  AlignStartVertical,
  AlignVerticalSpaceBetween,
  type LucideIcon,
} from 'lucide-react';
import { usePlanner, usePlannerStore } from '../store/context';
import { alignSelection, distributeSelection } from './editor-commands';
import type { Alignment, Spacing } from './placement';
import './editing.css';

const ALIGNMENTS: readonly [Alignment, string, LucideIcon][] = [
  ['left', 'Align left edges (Alt+A)', AlignStartVertical],
  ['centre', 'Align centres on a vertical line (Alt+H)', AlignCenterVertical],
  ['right', 'Align right edges (Alt+D)', AlignEndVertical],
  ['top', 'Align top edges (Alt+W)', AlignStartHorizontal],
  ['middle', 'Align middles on a horizontal line (Alt+V)', AlignCenterHorizontal],
  ['bottom', 'Align bottom edges (Alt+S)', AlignEndHorizontal],
];

const SPACINGS: readonly [Spacing, string, LucideIcon][] = [
  ['horizontal', 'Space evenly across (Alt+Shift+H)', AlignHorizontalSpaceBetween],
  ['vertical', 'Space evenly down (Alt+Shift+V)', AlignVerticalSpaceBetween],
];

export function AlignToolbar() {
  const store = usePlannerStore();
  const selected = usePlanner((s) => s.selectedNodeIds);
  if (selected.length < 2) return null;
  return (
    <NodeToolbar nodeId={[...selected]} isVisible position={Position.Top} offset={12}>
      <div className="align-toolbar" role="toolbar" aria-label="Align and distribute">
        {ALIGNMENTS.map(([how, label, Icon]) => (
          <button
            key={how}
            type="button"
            className="align-toolbar__button"
            data-testid={`align-${how}`}
            title={label}
            aria-label={label}
            onClick={() => alignSelection(store, how)}
          >
            <Icon size={15} aria-hidden />
          </button>
        ))}
        <span className="align-toolbar__divider" aria-hidden />
        {SPACINGS.map(([axis, label, Icon]) => (
          <button
            key={axis}
            type="button"
            className="align-toolbar__button"
            data-testid={`distribute-${axis}`}
            title={selected.length < 3 ? `${label} (needs three nodes)` : label}
            aria-label={label}
            disabled={selected.length < 3}
            onClick={() => distributeSelection(store, axis)}
          >
            <Icon size={15} aria-hidden />
          </button>
        ))}
      </div>
    </NodeToolbar>
  );
}
