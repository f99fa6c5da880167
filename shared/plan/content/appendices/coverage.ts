/**
 * Appendix: where this plan covers each section of the ISCP template of NIST SP 800-34 Rev. 1
 * (Appendix A.3, the high-impact template; A.1 and A.2 are its subsets), and each contingency
 * planning control of SP 800-53, stating openly what it does not cover. Every row points at
 * headings of the built plan by id, so the map cannot name a section that is not there. The
 * template's sections are in `template-sections.ts`, the controls in `cp-controls.ts`.
 */
import { paragraph, type Block, type HeadingBlock } from '../../document';
import { headingNumbers, headingsOf } from '../../outline';
import { SP_800_34 } from '../nist';
import type { PlanContext } from '../context';
import { appendixHeading, appendixTable } from '../appendix-labels';
import { coverageRows } from './template-sections';
import { CONTROLS, inBaseline, OTHER_FRAMEWORKS } from './cp-controls';

export { coverageRows, type CoverageRow } from './template-sections';
export { controlTargets, inBaseline } from './cp-controls';

/**
 * `7.2 Runbook: Zone outage`, `Appendix A. Personnel contact list`; several runbooks as their
 * range, `7.2–7.6 Runbooks, one per scenario`.
 */
function labelsOf(
  targets: readonly string[],
  headings: Map<string, HeadingBlock>,
  numbers: Map<string, string>,
): string {
  const runbooks = targets.filter((id) => headings.get(id)?.text.startsWith('Runbook: '));
  if (runbooks.length > 1 && runbooks.length === targets.length) {
    const first = numbers.get(runbooks[0] as string) ?? '';
    const last = numbers.get(runbooks[runbooks.length - 1] as string) ?? '';
    return `${first}–${last} Runbooks, one per scenario`;
  }
  const labels = targets.flatMap((id) => {
    const h = headings.get(id);
    if (!h) return [];
    const n = numbers.get(id);
    return [n === undefined ? h.text : `${n} ${h.text}`];
  });
  return labels.length === 0 ? '—' : labels.join('; ');
}

/** Appendix: the coverage map of the plan made of `blocks` (all the plan's other blocks). */
export function coverageAppendix(ctx: PlanContext, blocks: readonly Block[]): Block[] {
  const doc = { meta: { title: '', version: '', date: '' }, blocks };
  const headings = new Map(headingsOf(doc).map((h) => [h.id, h]));
  const numbers = headingNumbers(doc);
  const label = (targets: readonly string[]) => labelsOf(targets, headings, numbers);
  const impact = ctx.doc.targets?.impact;
  return [
    appendixHeading('coverage'),
    paragraph(
      `Where this plan covers each section of the ISCP template of ${SP_800_34} (Appendix A.3, the template for a high-impact system). The templates for moderate and low impact (Appendix A.2 and A.1) are its subsets: A.2 has no 5.1 Concurrent Processing; A.1 has neither 5.1 nor 5.7 Offsite Data Storage, nor the Alternate Storage, Site and Telecommunications appendix, so its later appendices are lettered one lower. “To fill in” marks sections whose structure and model-derived content are here but whose names, contacts or dates are blanks for the plan owner. The plan adds chapters the template does not have: preventive controls (guide section 3.3), options compared and cost (guide section 3.4.5), and the appendices on parameters, the availability method and the glossary.`,
    ),
    {
      kind: 'table',
      caption: `${appendixTable('coverage', 1)} ISCP template sections and where this plan covers them`,
      columns: [
        { header: 'Section of the ISCP template (A.3)', width: 3 },
        { header: 'In this plan', width: 3.6 },
        { header: 'Coverage', width: 3.2 },
      ],
      rows: coverageRows(blocks).map((r) => [r.section, label(r.targets), r.coverage]),
    },
    paragraph(
      `The contingency-planning controls of NIST SP 800-53 that the plan answers for the system, and whether SP 800-53B selects each for the ${impact ?? 'impact'} baseline${impact === undefined ? ' (the model sets no impact level)' : ''}. The controls’ organisational parts (policy, agreements, training) are the organisation’s.`,
    ),
    {
      kind: 'table',
      caption: `${appendixTable('coverage', 2)} SP 800-53 contingency-planning controls`,
      columns: [
        { header: 'Control', width: 1.2 },
        { header: 'Title', width: 2.4 },
        { header: 'Baseline', width: 1, align: 'center' },
        { header: 'In this plan', width: 3 },
        { header: 'Coverage', width: 2.6 },
      ],
      rows: CONTROLS.map((c) => [
        c.control,
        c.title,
        impact === undefined ? '—' : inBaseline(c.control, impact) ? 'yes' : 'no',
        label(c.targets),
        c.coverage,
      ]),
    },
    paragraph(
      'Where to look for the system’s part of two other frameworks an auditor may apply. These are pointers, not an assessment against them.',
    ),
    {
      kind: 'table',
      caption: `${appendixTable('coverage', 3)} Pointers for SOC 2 and ISO 22301:2019`,
      columns: [
        { header: 'Criterion or clause', width: 2 },
        { header: 'Subject', width: 3 },
        { header: 'In this plan', width: 4.6 },
      ],
      rows: OTHER_FRAMEWORKS.map((c) => [c.control, c.title, label(c.targets)]),
    },
  ];
}
