import { Panel } from '@xyflow/react';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { LEGEND_LABELS, type LegendKey } from '../../../../shared/plan/diagram';
import './marks.css';

/** Whether the legend is open: remembered for the session (this window's life), open at first. */
let isOpenInSession = true;

/**
 * A short line styled as the canvas draws that kind of edge (marks.css `legend-stroke--…`; its
 * own classes, so that nothing counts it as an edge of the design).
 */
function LineSample({
  edge,
  marker,
  lineClass = '',
}: {
  edge: 'depends' | 'cross-region' | 'replicates' | 'backs-up';
  marker?: string;
  lineClass?: string;
}) {
  const path = 'M 2 7 L 34 7';
  return (
    <svg className={`legend-line ${lineClass}`} width="38" height="14" aria-hidden>
      <path
        d={path}
        className={`legend-stroke legend-stroke--${edge}`}
        fill="none"
        markerEnd={marker && `url(#${marker})`}
      />
      {edge === 'replicates' && (
        <path d={path} className="legend-stroke legend-stroke--replicates-gap" fill="none" />
      )}
    </svg>
  );
}

/** The sample drawn before each mark's meaning. */
function Sample({ mark }: { mark: LegendKey }) {
  switch (mark) {
    case 'depends':
      return <LineSample edge="depends" marker="nines-arrow" />;
    case 'cross-region':
      return <LineSample edge="cross-region" marker="nines-arrow-warning" />;
    case 'replication':
      return <LineSample edge="replicates" />;
    case 'active-active':
      return <LineSample edge="replicates" lineClass="is-active-active" />;
    case 'manual-failover':
      return <LineSample edge="replicates" lineClass="is-manual" />;
    case 'backup':
      return <LineSample edge="backs-up" marker="nines-arrow-muted" />;
    case 'pips':
      return (
        <span className="legend-sample legend-sample--pips" aria-hidden>
          <span className="zone-pip zone-pip--service" />
          <span className="zone-pip zone-pip--service" />
          <span className="zone-pip zone-pip--datastore" />
        </span>
      );
    default:
      return <span className={`legend-sample legend-sample--${mark}`} aria-hidden />;
  }
}

/**
 * The canvas's key (inside <ReactFlow>): every mark the design on show uses, its line or its
 * sample and what it means; collapsed to one button and remembered so for the session.
 */
export function CanvasLegend({ marks }: { marks: readonly LegendKey[] }) {
  const [isOpen, setOpen] = useState(isOpenInSession);
  const toggle = () => {
    isOpenInSession = !isOpen;
    setOpen(!isOpen);
  };
  if (marks.length === 0) return null;
  const Chevron = isOpen ? ChevronDown : ChevronRight;
  return (
    <Panel position="bottom-left" className="canvas-legend" data-testid="canvas-legend">
      <button
        type="button"
        className="canvas-legend__toggle"
        aria-expanded={isOpen}
        onClick={toggle}
        data-testid="legend-toggle"
      >
        <Chevron size={13} aria-hidden />
        Legend
      </button>
      {isOpen && (
        <ul className="canvas-legend__list">
          {marks.map((mark) => (
            <li key={mark} data-mark={mark}>
              <Sample mark={mark} />
              <span>{LEGEND_LABELS[mark]}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
