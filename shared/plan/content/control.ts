/**
 * Chapter: plan approval and document control. The ISCP templates of NIST SP 800-34 Rev. 1
 * (Appendix A.1–A.3) open with Plan Approval and keep the record of changes in their last
 * appendix (Document Change Page); this plan puts both up front.
 */
import { bold, code, heading, inline, paragraph, type Block, type Cell } from '../document';
import { appendixRef } from './appendix-labels';
import { blank, blankCell } from './blanks';
import type { DateRange } from '../../catalog/price-book';
import type { PlanContext } from './context';
import { capitalise } from '../../text';
import { NIST_REVIEW } from './nist';
import { planRoles, ROLE } from './roles';

/** What the control chapter needs besides the context: the issue the plan is printed as. */
export interface Issue {
  readonly date: string;
  readonly version: string;
}

/** Who signs the plan: the approving official, then the two ISCP roles of the templates. */
const SIGNATORIES: readonly string[] = [
  'Approving official (authorizing official or system owner)',
  ROLE.director,
  ROLE.coordinator,
];

/** Blank rows added to the distribution list for recipients beyond the plan's roles. */
const EXTRA_DISTRIBUTION_ROWS = 2;

/**
 * Plan approval with its signature block, the record of changes and the distribution list; every
 * name, signature and date is a blank for the plan owner.
 */
export function controlChapter(ctx: PlanContext, issue: Issue): Block[] {
  const { doc, variant } = ctx;
  const impact = doc.targets?.impact;
  return [
    heading(1, 'Plan approval and document control', 'approval-and-control'),
    paragraph(
      'This Information System Contingency Plan (ISCP) covers ',
      bold(doc.name),
      ' as designed in the variant ',
      bold(variant.name),
      impact === undefined ? '' : `, a ${impact}-impact system`,
      `. It is organised on the ISCP of NIST SP 800-34 Rev. 1 (chapter 4 of the guide and its ISCP templates, Appendix A.1–A.3): the three phases of activation and notification, recovery and reconstitution, with the business impact analysis, preventive controls and testing of the guide’s chapter 3 as chapters of their own. ${appendixRef('coverage')} maps every section of the template to the place in this plan that covers it. Nines generated the plan from the topology model: every figure is computed from the model and can be traced to ${appendixRef('parameters')} (parameters and their sources). What the model cannot know (names, contacts, signatures, dates) is left as a marked blank or a boxed note for the plan owner; nothing there is filled in on their behalf.`,
    ),
    heading(2, 'Plan approval'),
    paragraph(
      'The approving official affirms that this plan is complete, that the information it contains describes the recovery capabilities of the system, and that the designated authority is responsible for its maintenance and testing: it will be tested at least once a year, as the sample statement of the NIST ISCP templates attests, and as described in chapter "Testing and exercises".',
    ),
    {
      kind: 'table',
      caption: 'Table 12. Signatures',
      columns: [
        { header: 'Role', width: 2.6 },
        { header: 'Name', width: 2 },
        { header: 'Title', width: 2 },
        { header: 'Signature', width: 2.2 },
        { header: 'Date', width: 1.4 },
      ],
      rows: SIGNATORIES.map((role) => [
        role,
        blankCell('name'),
        blankCell('title'),
        blankCell('signature'),
        blankCell('date'),
      ]),
    },
    heading(2, 'Document control'),
    {
      kind: 'table',
      caption: 'Table 1. Record of changes',
      columns: [
        { header: 'Version', width: 1 },
        { header: 'Date', width: 1.6 },
        { header: 'Change', width: 5 },
        { header: 'Author', width: 1.8 },
      ],
      rows: [
        [
          issue.version,
          issue.date,
          inline(
            'First draft generated from the model (variant ',
            code(variant.id),
            `, prices as of ${ctx.comparison.priceBookAsOf}).`,
          ),
          'Nines (generated)',
        ],
      ],
    },
    {
      kind: 'keyValue',
      rows: [
        { key: 'System', value: doc.name },
        { key: 'Variant described', value: inline(`${variant.name} (`, code(variant.id), ')') },
        ...(impact === undefined
          ? []
          : [{ key: 'FIPS 199 impact level', value: capitalise(impact) }]),
        { key: 'Price book', value: `as of ${ctx.comparison.priceBookAsOf}` },
        ...pricesUsedRow(ctx.evaluation.cost?.pricesAsOf ?? null),
      ],
    },
    paragraph(
      NIST_REVIEW,
      ' Regenerate the plan from the updated model and record the change above.',
    ),
    ...distributionList(ctx, issue),
  ];
}

/**
 * The distribution list: NIST SP 800-53 CP-2 d. asks that copies of the plan go to the key
 * contingency personnel, identified by name or by role. One row per role of the plan, one for the
 * off-site copy, and blank rows for other recipients.
 */
function distributionList(ctx: PlanContext, issue: Issue): Block[] {
  const row = (role: Cell): Cell[] => [
    blankCell('name'),
    role,
    blankCell('controlled print or electronic'),
    issue.version,
    blankCell('date issued'),
  ];
  return [
    heading(2, 'Distribution list'),
    paragraph(
      'Copies of this plan go to the key contingency personnel, identified by name and role (NIST SP 800-53 control CP-2, item d), and to the off-site location named below, so that the plan can be read when the system and the office are not available. A new version replaces every copy listed here.',
    ),
    {
      kind: 'table',
      caption: 'Table 13. Distribution list',
      columns: [
        { header: 'Recipient', width: 2.4 },
        { header: 'Role or location', width: 2.6 },
        { header: 'Copy', width: 2.2 },
        { header: 'Version', width: 1, align: 'center' },
        { header: 'Date issued', width: 1.6 },
      ],
      rows: [
        ...planRoles(ctx).map((r) => row(r.name)),
        row(inline('Off-site copy: ', blank('location'))),
        ...Array.from({ length: EXTRA_DISTRIBUTION_ROWS }, () => row(blankCell('role'))),
      ],
    },
  ];
}

/** The dates of the prices the variant's cost uses, oldest to newest (none without a dated price). */
function pricesUsedRow(range: DateRange | null): { key: string; value: string }[] {
  if (range === null) return [];
  const value = range.oldest === range.newest ? range.oldest : `${range.oldest} to ${range.newest}`;
  return [{ key: 'Prices used, dated', value }];
}
