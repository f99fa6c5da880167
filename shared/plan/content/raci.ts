/**
 * Responsibilities by phase: one RACI table for each phase of NIST SP 800-34 Rev. 1 (activation
 * and notification, recovery, reconstitution) over the roles of the plan (`./roles`). The
 * assignment follows the roles' duties; the plan owner adjusts it to the organisation. Every
 * activity has exactly one accountable role.
 */
import { heading, paragraph, type Block, type TableBlock } from '../document';
import type { PlanBasis } from './context';
import { hasDataTier, planRoles, type RoleKey } from './roles';
import { components } from './context';

/** R responsible (does it), A accountable (answers for it), C consulted, I informed. */
export type Raci = 'R' | 'A' | 'A/R' | 'C' | 'I';

/** One activity of a phase with the part each role plays in it. */
export interface RaciActivity {
  readonly activity: string;
  readonly roles: Readonly<Partial<Record<RoleKey, Raci>>>;
}

/** The three phases, each with its activities. */
export interface RaciPhase {
  readonly phase: string;
  readonly caption: string;
  readonly activities: readonly RaciActivity[];
}

/**
 * The activities of each phase. Data-tier activities only when the variant has a datastore,
 * restores only when a backup is modelled; the data-tier role's letters are dropped when the
 * variant has no data tier.
 */
export function raciPhases(ctx: PlanBasis): RaciPhase[] {
  const data = hasDataTier(ctx);
  const backups = components(ctx).some((n) => n.kind === 'backup');
  const when = (condition: boolean, items: readonly RaciActivity[]): RaciActivity[] =>
    condition ? [...items] : [];
  return [
    {
      phase: 'Activation and notification',
      caption: 'Table 14. Activation and notification',
      activities: [
        {
          activity: 'Confirm the alert against a second signal and open an incident',
          roles: { platform: 'R', data: 'R', coordinator: 'A' },
        },
        {
          activity: 'Assess the outage: cause, scope, expected duration, data at risk',
          roles: { coordinator: 'A/R', platform: 'C', data: 'C' },
        },
        {
          activity: 'Decide to activate the plan and name the runbook',
          roles: { coordinator: 'A/R', director: 'C', authorizingOfficial: 'I' },
        },
        {
          activity: 'Call the recovery staff',
          roles: { coordinator: 'A/R', platform: 'I', data: 'I', communications: 'I' },
        },
        {
          activity: 'Inform users, the service desk and management',
          roles: { communications: 'R', coordinator: 'A', director: 'I' },
        },
        {
          activity: 'Inform the authorizing official',
          roles: { director: 'A/R', authorizingOfficial: 'I' },
        },
      ],
    },
    {
      phase: 'Recovery',
      caption: 'Table 15. Recovery',
      activities: [
        {
          activity: 'Run the runbook steps for the routers and the stateless tiers',
          roles: { platform: 'R', coordinator: 'A' },
        },
        ...when(data, [
          {
            activity: `Run the data-tier steps (failover, replication${backups ? ', restore' : ''})`,
            roles: { data: 'R', coordinator: 'A', platform: 'C' },
          },
        ]),
        {
          activity: data
            ? 'Decide on failover, promotion or the restore point'
            : 'Decide on failover or waiting for the repair',
          roles: { coordinator: 'A/R', data: 'C', platform: 'C', director: 'I' },
        },
        {
          activity: 'Open support cases and obtain capacity or quota from vendors',
          roles: { platform: 'R', coordinator: 'A', director: 'I' },
        },
        {
          activity: 'Escalate a step that overruns or an RTO at risk',
          roles: { coordinator: 'R', director: 'A', authorizingOfficial: 'I' },
        },
        {
          activity: 'Send status updates at the cadence of the communication plan',
          roles: { communications: 'R', coordinator: 'A' },
        },
        {
          activity: 'Keep the activity log (each step, who, start and end)',
          roles: { coordinator: 'A/R', platform: 'C', data: 'C' },
        },
      ],
    },
    {
      phase: 'Reconstitution',
      caption: 'Table 16. Reconstitution',
      activities: [
        ...when(data, [
          {
            activity: 'Validation data testing',
            roles: { data: 'R', coordinator: 'A' },
          },
        ]),
        {
          activity: 'Validation functionality testing',
          roles: { platform: 'R', coordinator: 'A' },
        },
        {
          activity: 'Concurrent processing and failback to the recovered site',
          roles: { platform: 'R', data: 'R', coordinator: 'A', authorizingOfficial: 'I' },
        },
        {
          activity: 'Declare the recovery complete',
          roles: { director: 'A', coordinator: 'R', authorizingOfficial: 'I' },
        },
        {
          activity: 'Inform users and stakeholders that normal operation has resumed',
          roles: { communications: 'R', coordinator: 'A' },
        },
        {
          activity: 'Clean up, take a fresh backup, check the offsite copies',
          roles: { platform: 'R', data: 'R', coordinator: 'A' },
        },
        {
          activity: 'Write the after-action report and update the model and the plan',
          roles: {
            coordinator: 'R',
            director: 'A',
            platform: 'C',
            data: 'C',
            communications: 'C',
          },
        },
        {
          activity: 'Deactivate the plan',
          roles: { director: 'A/R', coordinator: 'C', authorizingOfficial: 'I' },
        },
        {
          activity: 'Decide whether the system needs reassessment and reauthorization',
          roles: { authorizingOfficial: 'A', director: 'R', coordinator: 'C' },
        },
      ],
    },
  ];
}

/** The letters that put a role in each column: A/R is both responsible and accountable. */
const COLUMNS: readonly { readonly header: string; readonly letters: readonly Raci[] }[] = [
  { header: 'Responsible', letters: ['R', 'A/R'] },
  { header: 'Accountable', letters: ['A', 'A/R'] },
  { header: 'Consulted', letters: ['C'] },
  { header: 'Informed', letters: ['I'] },
];

/**
 * The section: one table per phase, each activity with the roles of the plan that are
 * responsible, accountable, consulted and informed (roles by name, so the tables fit a page).
 */
export function raciSection(ctx: PlanBasis): Block[] {
  const roles = planRoles(ctx);
  const table = (phase: RaciPhase): TableBlock => ({
    kind: 'table',
    caption: `${phase.caption} (RACI)`,
    columns: [
      { header: 'Activity', width: 3.4 },
      ...COLUMNS.map((c) => ({ header: c.header, width: c.header === 'Accountable' ? 1.6 : 2 })),
    ],
    rows: phase.activities.map((a) => [
      a.activity,
      ...COLUMNS.map(
        (c) =>
          roles
            .filter((r) => c.letters.includes(a.roles[r.key] ?? ('' as Raci)))
            .map((r) => r.name)
            .join(', ') || '—',
      ),
    ]),
  });
  return [
    heading(2, 'Responsibilities by phase'),
    paragraph(
      'Who does what in each phase (RACI): responsible roles do the work, the accountable role answers for it (one per activity), consulted roles are asked before, informed roles are told after. The assignment follows the duties of the roles above; adjust it to the organisation and record the change.',
    ),
    ...raciPhases(ctx).map(table),
  ];
}
