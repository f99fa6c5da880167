/**
 * Appendix: associated plans and procedures (Appendix K of the ISCP templates of NIST SP 800-34
 * Rev. 1). The plans of the organisation this one works with are listed with what each does
 * when this plan is active; owners, versions and where each is kept are blanks. The external
 * services of the model bring their own provider's continuity arrangements.
 */
import type { ExternalNode } from '../../../model/types';
import { paragraph, type Block, type Cell } from '../../document';
import { blankCell } from '../blanks';
import { components, labelOf, type PlanContext } from '../context';
import { appendixHeading, appendixTable } from '../appendix-labels';

/** The organisation's plans an ISCP works with (SP 800-34 Rev. 1, section 2.2 and Table 2-1). */
const PLANS: readonly (readonly [string, string])[] = [
  [
    'Business continuity plan (BCP)',
    'Keeps the business functions of chapter “Business impact analysis” going when this system cannot be recovered within its MTD; takes over from the alternate processing of this plan.',
  ],
  [
    'Continuity of operations plan (COOP)',
    'Restores the organisation’s mission essential functions at an alternate site; this system’s plan supports it when the system serves such a function.',
  ],
  [
    'Cyber incident response plan',
    'Handles a cyber incident (intrusion, malicious corruption of data); when a disruption is caused by one, incident response decides containment before this plan restores service.',
  ],
  [
    'Crisis communications plan',
    'Sets who speaks to the public, the press and regulators; the communication plan of this plan follows it.',
  ],
  [
    'Disaster recovery plan',
    'Moves the organisation’s information systems to an alternate facility after a site-wide disaster; this plan recovers this one system.',
  ],
  [
    'Occupant emergency plan (OEP)',
    'Protects the people in a facility (evacuation, shelter); the recovery staff of this plan may be working under it.',
  ],
];

/** Appendix: associated plans and procedures. */
export function associatedPlansAppendix(ctx: PlanContext): Block[] {
  const externals = components(ctx).filter((n): n is ExternalNode => n.kind === 'external');
  const row = (plan: string, relation: string): Cell[] => [
    plan,
    relation,
    blankCell('owner'),
    blankCell('version, location'),
  ];
  return [
    appendixHeading('associatedPlans'),
    paragraph(
      'The plans of the organisation that this plan hands over to or works beside, and the contingency arrangements of the external services the system depends on. NIST SP 800-34 Rev. 1 (section 2.2, Table 2-1) describes these types of plan and how they relate; SP 800-53 asks that this plan be coordinated with the related plans (CP-2(1)) and with the external service providers (CP-2(7)). Name the owner of each and where its current version is kept; strike a row that does not apply.',
    ),
    {
      kind: 'table',
      caption: `${appendixTable('associatedPlans', 1)} Associated plans`,
      columns: [
        { header: 'Plan', width: 2.4 },
        { header: 'Relation to this plan', width: 5 },
        { header: 'Owner', width: 1.6 },
        { header: 'Version and location', width: 1.8 },
      ],
      rows: [
        ...PLANS.map(([plan, relation]) => row(plan, relation)),
        ...externals.map((n) =>
          row(
            `Continuity arrangements of ${labelOf(ctx, n.id)}`,
            `The vendor’s own recovery objectives and status notices for ${labelOf(ctx, n.id)}, which this system depends on (vendor contact list).`,
          ),
        ),
      ],
    },
  ];
}
