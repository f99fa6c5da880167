/**
 * Chapter: plan approval and document control. The ISCP templates of NIST SP 800-34 Rev. 1
 * (Appendix A.1–A.3) open with Plan Approval and keep the record of changes in their last
 * appendix (Document Change Page); this plan puts both up front.
 */
import { bold, heading, paragraph, placeholder, type Block } from '../document';
import type { PlanContext } from './context';
import { capitalise } from '../../text';
import { NIST_REVIEW } from './nist';

/** What the control chapter needs besides the context: the issue the plan is printed as. */
export interface Issue {
  readonly date: string;
  readonly version: string;
}

/** Plan approval (sign-off left to the plan owner) and the record of changes. */
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
      '. It is organised on the ISCP of NIST SP 800-34 Rev. 1 (chapter 4 and the Appendix A templates): the three phases of activation and notification, recovery and reconstitution, with the business impact analysis, preventive controls and testing of the guide’s chapter 3 as chapters of their own. Nines generated it from the topology file: every figure is computed from the model and can be traced to Appendix A (parameters and their sources). Names, contacts and signatures are left for the plan owner; nothing in the boxed placeholders is filled in on their behalf.',
    ),
    heading(2, 'Plan approval'),
    paragraph(
      'The approving official affirms that this plan is complete, that the information it contains describes the recovery capabilities of the system, and that the designated authority is responsible for its maintenance and testing: it will be tested at least once a year, as the sample statement of the NIST ISCP templates attests, and as described in chapter "Testing and exercises".',
    ),
    placeholder(
      'Approving official (authorizing official or system owner): name, title, signature and date of approval.',
    ),
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
          `First draft generated from the model (variant ${variant.id}, prices as of ${ctx.comparison.priceBookAsOf}).`,
          'Nines (generated)',
        ],
      ],
    },
    {
      kind: 'keyValue',
      rows: [
        { key: 'System', value: doc.name },
        { key: 'Variant described', value: `${variant.name} (${variant.id})` },
        ...(impact === undefined
          ? []
          : [{ key: 'FIPS 199 impact level', value: capitalise(impact) }]),
        { key: 'Price book', value: `as of ${ctx.comparison.priceBookAsOf}` },
      ],
    },
    paragraph(
      NIST_REVIEW,
      ' Regenerate the plan from the updated model and record the change above.',
    ),
    placeholder(
      'Plan owner and ISCP coordinator with their alternates, the review schedule, and where the controlled copies of this plan are kept (including an off-site copy).',
    ),
  ];
}
