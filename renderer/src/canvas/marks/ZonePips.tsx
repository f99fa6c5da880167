import { MAX_MARKS } from '../../../../shared/plan/diagram';
import { formatCount } from '../../../../shared/text';
import type { ZonePip } from './node-marks';
import './marks.css';

/** Height of a zone's header above the pips, px (`.plan-zone__header`). */
const HEADER = 26;
/** Height of one line of pips with the tier's name, px (`.zone-pips__tier`). */
const LINE = 15;

/** What the tooltip of a tier's pips says: `Checkout API: 5 of 15 instances in this zone`. */
export function pipTitle(pip: ZonePip): string {
  const down = pip.isDown ? ' (down in the what-if on show)' : '';
  return `${pip.name}: ${pip.count} of ${formatCount(pip.total, 'instance')} in this zone${down}`;
}

/**
 * The instances a zone holds, under its header: per tier, one pip per instance in the colour of
 * its kind (a count after six), with the tier's name on its own line while the zone is tall
 * enough, else all tiers on one line. Pips of a stopped zone or tier are drawn hollow.
 */
export function ZonePips({ pips, height }: { pips: readonly ZonePip[]; height: number }) {
  const hasRoomForNames = HEADER + pips.length * LINE + 4 <= height;
  return (
    <div className={`zone-pips${hasRoomForNames ? ' zone-pips--named' : ''}`}>
      {pips.map((pip) => (
        <span
          key={pip.tier}
          className={`zone-pips__tier${pip.isDown ? ' is-down' : ''}`}
          title={pipTitle(pip)}
          data-tier={pip.tier}
          data-count={pip.count}
        >
          {Array.from({ length: Math.min(pip.count, MAX_MARKS) }, (_, i) => (
            <span key={i} className={`zone-pip zone-pip--${pip.kind}`} />
          ))}
          {pip.count > MAX_MARKS && (
            <span className="zone-pips__more">+{pip.count - MAX_MARKS}</span>
          )}
          {hasRoomForNames && <span className="zone-pips__name">{pip.name}</span>}
        </span>
      ))}
    </div>
  );
}
