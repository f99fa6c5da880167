/**
 * A runbook's RACI: for each kind of work the runbook holds, who does it (Responsible), who
 * answers for it (Accountable, one role), who is asked (Consulted) and who is told (Informed).
 * The Responsible roles are those of the runbook's steps; the ISCP coordinator, who leads the
 * recovery (NIST SP 800-34 Rev. 1 ISCP templates, section 2.3), answers for the technical work
 * and the ISCP director, who has overall responsibility for the plan, for activating it.
 */
import type { TableBlock } from '../../document';
import { ROLE, type RoleName } from '../roles';

interface RaciRow {
  readonly activity: string;
  readonly responsible: readonly RoleName[];
  readonly accountable: RoleName;
  readonly consulted: readonly RoleName[];
  readonly informed: readonly RoleName[];
}

const others = (all: readonly RoleName[], but: readonly RoleName[]) =>
  all.filter((r) => !but.includes(r));

/** The RACI table of a runbook whose steps and tasks name `roles`. */
export function raciTable(roles: ReadonlySet<RoleName>, caption: string): TableBlock {
  const technical = [ROLE.platform, ROLE.data].filter((r) => roles.has(r));
  const rows: RaciRow[] = [];
  if (roles.has(ROLE.coordinator))
    rows.push({
      activity: 'Activate the plan and decide',
      responsible: [ROLE.coordinator],
      accountable: ROLE.director,
      consulted: technical,
      informed: [ROLE.authorizingOfficial, ROLE.communications],
    });
  if (roles.has(ROLE.platform))
    rows.push({
      activity: 'Routers and stateless tiers',
      responsible: [ROLE.platform],
      accountable: ROLE.coordinator,
      consulted: others(technical, [ROLE.platform]),
      informed: [ROLE.director],
    });
  if (roles.has(ROLE.data))
    rows.push({
      activity: 'Data tiers',
      responsible: [ROLE.data],
      accountable: ROLE.coordinator,
      consulted: others(technical, [ROLE.data]),
      informed: [ROLE.director],
    });
  rows.push(
    {
      activity: 'Validation and failback',
      responsible: technical.length > 0 ? technical : [ROLE.coordinator],
      accountable: ROLE.coordinator,
      consulted: [],
      informed: [ROLE.director, ROLE.authorizingOfficial],
    },
    {
      activity: 'Users and stakeholders kept informed',
      responsible: [ROLE.communications],
      accountable: ROLE.coordinator,
      consulted: [],
      informed: [ROLE.authorizingOfficial],
    },
  );
  const list = (rs: readonly RoleName[]) => (rs.length === 0 ? '—' : rs.join(', '));
  return {
    kind: 'table',
    caption,
    columns: [
      { header: 'Work', width: 2.2 },
      { header: 'Responsible', width: 1.8 },
      { header: 'Accountable', width: 1.4 },
      { header: 'Consulted', width: 1.8 },
      { header: 'Informed', width: 2.2 },
    ],
    rows: rows.map((r) => [
      r.activity,
      list(r.responsible),
      r.accountable,
      list(r.consulted),
      list(r.informed),
    ]),
  };
}
