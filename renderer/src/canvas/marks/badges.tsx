import { formatCount, formatShare } from '../../../../shared/text';
import type { RegionRole, ScaledDown } from '../../../../shared/plan/diagram';
import type { StandbyMark } from './node-marks';
import './marks.css';

/** A region's share of the requests, `Standby · 0 % of traffic` for a standby region. */
export function RegionBadge({ role }: { role: RegionRole }) {
  const share = `${formatShare(role.share)} of traffic`;
  return (
    <span
      className={`role-badge${role.isStandby ? ' role-badge--standby' : ''}`}
      title={
        role.isStandby
          ? `Standby region: it serves no requests (${share}) until another region fails over to it`
          : `This region serves ${share}`
      }
      data-testid="region-badge"
    >
      {role.isStandby ? `Standby · ${share}` : share}
    </span>
  );
}

/**
 * A card's role badge: `Standby` on a standby datastore, with `manual` when a person promotes
 * it; on a standby tier that runs scaled down, the instances it runs of those it will run after
 * taking over (`1/15`).
 */
export function StandbyBadge({
  standby,
  scaledDown,
}: {
  standby?: StandbyMark | undefined;
  scaledDown?: ScaledDown | undefined;
}) {
  const parts = [
    ...(standby ? ['Standby'] : []),
    ...(standby?.promotion === 'manual' ? ['manual'] : []),
    ...(scaledDown ? [`${scaledDown.instances}/${scaledDown.full}`] : []),
  ];
  const title = [
    standby ? 'On standby: serves no requests until it takes over' : 'Standby capacity',
    standby?.promotion === 'manual'
      ? 'a person promotes it'
      : standby?.promotion === 'automatic'
        ? 'it is promoted automatically'
        : undefined,
    scaledDown
      ? `scaled down: runs ${formatCount(scaledDown.instances, 'instance')} of the ${scaledDown.full} it runs after taking over`
      : undefined,
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <span
      className="role-badge role-badge--standby role-badge--card"
      title={title}
      data-testid="standby-badge"
    >
      {standby ? parts.join(' · ') : `Scaled ${parts.join('')}`}
    </span>
  );
}
