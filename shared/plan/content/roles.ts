/**
 * The recovery roles of the plan, named in one place: the roles table of chapter "Concept of
 * operations", the personnel contact list, the signature block, the RACI of each phase, the
 * communication plan and the runbooks all use these names, so that a role reads the same
 * everywhere. The ISCP templates of NIST SP 800-34 Rev. 1 (section 2.3 of Appendix A.1–A.3) lead
 * with an ISCP Director, who has overall management responsibility for the plan, and an ISCP
 * Coordinator, who oversees recovery and reconstitution; the other roles are this design's
 * technical and communication points of contact.
 */
import { components, type PlanBasis } from './context';

/** The role names as printed. Stable: other chapters refer to roles by these names. */
export const ROLE = {
  director: 'ISCP director',
  authorizingOfficial: 'Authorizing official',
  coordinator: 'ISCP coordinator',
  platform: 'Platform on-call',
  data: 'Data tier on-call',
  communications: 'Communications lead',
} as const;

/** A role key of {@link ROLE}. */
export type RoleKey = keyof typeof ROLE;

/** One of the role names as printed. */
export type RoleName = (typeof ROLE)[RoleKey];

/** A role of this plan with its responsibility. */
export interface PlanRole {
  readonly key: RoleKey;
  /** As printed, e.g. `ISCP coordinator`. */
  readonly name: string;
  /** One sentence. */
  readonly duty: string;
}

/** Whether the variant has a data tier (a datastore), which brings the data-tier role. */
export function hasDataTier(ctx: PlanBasis): boolean {
  return components(ctx).some((n) => n.kind === 'datastore');
}

/** Whether any datastore of the variant replicates Active-Active. */
export function hasActiveActive(ctx: PlanBasis): boolean {
  return components(ctx).some((n) => n.kind === 'datastore' && n.replication === 'active-active');
}

/**
 * The roles of the plan, in the order of the roles table: the data-tier role only when the
 * variant has a datastore; its duties name restores only when a backup is modelled and conflict
 * checks only when a datastore replicates Active-Active.
 */
export function planRoles(ctx: PlanBasis): PlanRole[] {
  const hasBackups = components(ctx).some((n) => n.kind === 'backup');
  const dataDuties = [
    'failover',
    'replication',
    ...(hasBackups ? ['restores'] : []),
    ...(hasActiveActive(ctx) ? ['conflict checks'] : []),
  ];
  const roles: PlanRole[] = [
    {
      key: 'director',
      name: ROLE.director,
      duty: 'Has overall management responsibility for the plan; escalates to the authorizing official and declares the recovery complete.',
    },
    {
      key: 'authorizingOfficial',
      name: ROLE.authorizingOfficial,
      duty: 'Approves the plan; is told when it is activated, when the recovery is at risk of missing its objectives and when normal operation resumes.',
    },
    {
      key: 'coordinator',
      name: ROLE.coordinator,
      duty: 'Activates the plan, leads the recovery, decides on failover and failback, reports to management.',
    },
    {
      key: 'platform',
      name: ROLE.platform,
      duty: 'Runs the runbooks for the routers and the stateless tiers; watches error rate and latency; opens support cases with the cloud provider.',
    },
    ...(hasDataTier(ctx)
      ? [
          {
            key: 'data' as const,
            name: ROLE.data,
            duty: `Runs the data-tier steps (${dataDuties.join(', ')}); watches replication lag.`,
          },
        ]
      : []),
    {
      key: 'communications',
      name: ROLE.communications,
      duty: 'Informs users, the service desk and stakeholders; keeps the status page current.',
    },
  ];
  return roles;
}
