/**
 * Appendix: where this plan covers each section of the ISCP template of NIST SP 800-34 Rev. 1
 * (Appendix A.3, the high-impact template; A.1 and A.2 are its subsets), and each contingency
 * planning control of SP 800-53, stating openly what it does not cover. Every row points at
 * headings of the built plan by id, so the map cannot name a section that is not there.
 *
 * The template's outline was read in public copies of the templates (the A.3 table of contents:
 * Plan Approval; 1 Introduction 1.1–1.3; 2 Concept of Operations 2.1–2.3; 3 Activation and
 * Notification 3.1–3.3; 4 Recovery 4.1–4.3; 5 Reconstitution 5.1–5.10; Appendices A–M).
 */
import {
  headingNumbers,
  headingsOf,
  paragraph,
  type Block,
  type HeadingBlock,
} from '../../document';
import { SP_800_34, CP_BASELINE, type ImpactLevel } from '../nist';
import type { PlanContext } from '../context';
import { appendixHeading, appendixTable } from '../appendix-labels';

/**
 * An appendix of NIST's template, written with a no-break space so that the plan's own
 * cross-references (`Appendix A` of this plan) are never confused with it.
 */
function templateAppendix(letter: string, title: string): string {
  return `Appendix\u00a0${letter} ${title}`;
}

/** One row of the map: a template section and the headings of this plan that cover it. */
export interface CoverageRow {
  /** The template's section, e.g. `3.2 Notification`. */
  readonly section: string;
  /** Heading ids of this plan; empty when the plan does not cover the section. */
  readonly targets: readonly string[];
  /** How far it is covered, e.g. `covered`, `partly: …`, `not covered: …`. */
  readonly coverage: string;
}

/** The rows for the template sections, in the template's order. */
export function coverageRows(blocks: readonly Block[]): CoverageRow[] {
  const headings = headingsOf({ meta: { title: '', version: '', date: '' }, blocks });
  const ids = new Set(headings.map((h) => h.id));
  const outline = {
    has: (id: string) => ids.has(id),
    runbooks: headings
      .filter((h) => h.level === 2 && h.text.startsWith('Runbook: '))
      .map((h) => h.id),
  };
  const pick = (...candidates: string[]): string[] => {
    const found = candidates.find((id) => outline.has(id));
    return found === undefined ? [] : [found];
  };
  const all = (...candidates: string[]): string[] => candidates.filter((id) => outline.has(id));
  const recoveryProcedures = outline.runbooks.length > 0 ? outline.runbooks : pick('recovery');
  return [
    {
      section: 'Plan Approval',
      targets: pick('plan-approval'),
      coverage: 'covered; signatures to fill in',
    },
    { section: '1 Introduction', targets: pick('introduction'), coverage: 'covered' },
    {
      section: '1.1 Background',
      targets: pick('background', 'purpose'),
      coverage: outline.has('background')
        ? 'covered (from the model’s description)'
        : 'partly: the model has no description; the purpose stands in for it',
    },
    { section: '1.2 Scope', targets: pick('scope'), coverage: 'covered' },
    { section: '1.3 Assumptions', targets: pick('assumptions'), coverage: 'covered' },
    {
      section: '2 Concept of Operations',
      targets: pick('concept-of-operations'),
      coverage: 'covered',
    },
    {
      section: '2.1 System Description',
      targets: pick('system-description'),
      coverage: 'covered, with the topology figure',
    },
    {
      section: '2.2 Overview of Three Phases',
      targets: pick('phases-of-recovery'),
      coverage: 'covered',
    },
    {
      section: '2.3 Roles and Responsibilities',
      targets: all('roles-and-responsibilities', 'responsibilities-by-phase'),
      coverage: 'covered; people in the personnel contact list',
    },
    {
      section: '3 Activation and Notification',
      targets: pick('activation-and-notification'),
      coverage: 'covered',
    },
    {
      section: '3.1 Activation Criteria and Procedure',
      targets: pick('activation-criteria'),
      coverage: 'covered, by scenario',
    },
    {
      section: '3.2 Notification',
      targets: all('notification-procedures', 'communication-plan'),
      coverage: 'covered; channels and addresses to fill in',
    },
    { section: '3.3 Outage Assessment', targets: pick('outage-assessment'), coverage: 'covered' },
    { section: '4 Recovery', targets: pick('recovery'), coverage: 'covered' },
    {
      section: '4.1 Sequence of Recovery Activities',
      targets: pick('recovery-sequence'),
      coverage: 'covered, from the dependency graph',
    },
    {
      section: '4.2 Recovery Procedures',
      targets: recoveryProcedures,
      coverage:
        outline.runbooks.length > 0
          ? 'covered: one runbook per scenario of the model'
          : 'partly: the model has no scenario, so there is no runbook',
    },
    {
      section: '4.3 Recovery Escalation Notices/Awareness',
      targets: all('recovery-escalation-notices-and-awareness', 'communication-cadence'),
      coverage: 'covered',
    },
    { section: '5 Reconstitution', targets: pick('reconstitution'), coverage: 'covered' },
    {
      section: '5.1 Concurrent Processing',
      targets: pick('concurrent-processing'),
      coverage: 'covered; the period to fill in (A.3 only)',
    },
    {
      section: '5.2 Validation Data Testing',
      targets: pick('validation-data-testing'),
      coverage: 'covered',
    },
    {
      section: '5.3 Validation Functionality Testing',
      targets: pick('validation-functionality-testing'),
      coverage: 'covered',
    },
    ...(
      [
        ['5.4 Recovery Declaration', 'covered (step 1)'],
        ['5.5 Notifications (users)', 'covered (step 2)'],
        ['5.6 Cleanup', 'covered (step 3)'],
      ] as const
    ).map(([section, coverage]) => ({ section, targets: pick('deactivation'), coverage })),
    {
      section: '5.7 Offsite Data Storage',
      targets: pick('offsite-data-storage'),
      coverage: 'covered, from the backups of the model (A.2 and A.3)',
    },
    ...(
      [
        ['5.8 Data Backup', 'covered (step 4)'],
        ['5.9 Event Documentation', 'covered (step 5)'],
        ['5.10 Deactivation', 'covered (step 6)'],
      ] as const
    ).map(([section, coverage]) => ({ section, targets: pick('deactivation'), coverage })),
    {
      section: templateAppendix('A', 'Personnel Contact List'),
      targets: pick('appendix-personnel'),
      coverage: 'covered; names and numbers to fill in',
    },
    {
      section: templateAppendix('B', 'Vendor Contact List'),
      targets: pick('appendix-vendors'),
      coverage: 'covered; contracts and contacts to fill in',
    },
    {
      section: templateAppendix('C', 'Detailed Recovery Procedures'),
      targets: recoveryProcedures,
      coverage: 'covered by the runbooks; provider console and command details are the operators’',
    },
    {
      section: templateAppendix('D', 'Alternate Processing Procedures'),
      targets: pick('appendix-alternate-processing'),
      coverage: 'covered; what the application supports to fill in',
    },
    {
      section: templateAppendix('E', 'System Validation Test Plan'),
      targets: all('validation-data-testing', 'validation-functionality-testing'),
      coverage:
        'partly: the validation steps and their expected results are in the runbooks and in reconstitution; there is no separate test plan with test cases and sign-off',
    },
    {
      section: templateAppendix('F', 'Alternate Storage, Site, and Telecommunications'),
      targets: all(
        'backup-and-alternate-site',
        'offsite-data-storage',
        'appendix-interconnections',
      ),
      coverage:
        'partly: the alternate regions, backup storage and links are described; agreements and provider contacts are in the vendor contact list to fill in (A.3 only)',
    },
    {
      section: templateAppendix('G', 'Diagrams (System and Input/Output)'),
      targets: pick('system-description'),
      coverage:
        'partly: the system diagram (Figure 1); the model has no input/output (data flow) diagram',
    },
    {
      section: templateAppendix('H', 'Hardware and Software Inventory'),
      targets: pick('appendix-inventory'),
      coverage: 'covered; software versions to fill in',
    },
    {
      section: templateAppendix('I', 'Interconnections Table'),
      targets: pick('appendix-interconnections'),
      coverage: 'covered; agreements with external systems to fill in',
    },
    {
      section: templateAppendix('J', 'Test and Maintenance Schedule'),
      targets: all('testing-and-exercises', 'document-control'),
      coverage: 'covered; dates to fill in',
    },
    {
      section: templateAppendix('K', 'Associated Plans and Procedures'),
      targets: pick('appendix-associated-plans'),
      coverage: 'covered; owners and locations to fill in',
    },
    {
      section: templateAppendix('L', 'Business Impact Analysis'),
      targets: pick('business-impact-analysis'),
      coverage: 'covered; business functions to fill in',
    },
    {
      section: templateAppendix('M', 'Document Change Page'),
      targets: pick('document-control'),
      coverage: 'covered (record of changes)',
    },
  ];
}

/** A contingency-planning control of SP 800-53 and where the plan covers its system part. */
interface ControlRow {
  /** `CP-2`, `CP-2(1)`, or `CP-2 d.` for an item of the control. */
  readonly control: string;
  readonly title: string;
  readonly targets: readonly string[];
  readonly coverage: string;
}

const CONTROLS: readonly ControlRow[] = [
  {
    control: 'CP-2',
    title: 'Contingency plan',
    targets: ['approval-and-control'],
    coverage: 'this plan',
  },
  {
    control: 'CP-2 d.',
    title: 'Distribution to key personnel',
    targets: ['distribution-list'],
    coverage: 'covered; recipients to fill in',
  },
  {
    control: 'CP-2(1)',
    title: 'Coordinate with related plans',
    targets: ['appendix-associated-plans'],
    coverage: 'listed; coordination is the organisation’s',
  },
  {
    control: 'CP-2(3)',
    title: 'Resume mission and business functions',
    targets: ['business-impact-analysis'],
    coverage: 'objectives and achieved times by scenario',
  },
  {
    control: 'CP-2(8)',
    title: 'Identify critical assets',
    targets: ['recovery-priorities', 'appendix-inventory'],
    coverage: 'components and their recovery order',
  },
  {
    control: 'CP-3',
    title: 'Contingency training',
    targets: [],
    coverage:
      'not covered: training is the organisation’s; the exercises of chapter “Testing and exercises” help',
  },
  {
    control: 'CP-4',
    title: 'Contingency plan testing',
    targets: ['testing-and-exercises'],
    coverage: 'covered; dates to fill in',
  },
  {
    control: 'CP-6',
    title: 'Alternate storage site',
    targets: ['offsite-data-storage'],
    coverage: 'where the backups are kept',
  },
  {
    control: 'CP-7',
    title: 'Alternate processing site',
    targets: ['backup-and-alternate-site', 'concurrent-processing'],
    coverage: 'the alternate regions of the design, if any',
  },
  {
    control: 'CP-8',
    title: 'Telecommunications services',
    targets: ['appendix-interconnections'],
    coverage: 'partly: the links between regions; carrier agreements are not in the model',
  },
  {
    control: 'CP-9',
    title: 'System backup',
    targets: ['offsite-data-storage'],
    coverage: 'backups of the model, their interval and retention',
  },
  {
    control: 'CP-10',
    title: 'System recovery and reconstitution',
    targets: ['recovery', 'reconstitution'],
    coverage: 'covered',
  },
];

/**
 * Whether the control (or enhancement) is in the SP 800-53B baseline of the impact level:
 * `CP-2(1)` is when the baseline lists `CP-2(1)(3)(8)`; an item (`CP-2 d.`) counts as its control.
 */
export function inBaseline(control: string, impact: ImpactLevel): boolean {
  const match = /^(CP-\d+)(?:\((\d+)\))?/.exec(control);
  if (!match) return false;
  const [, base = '', enhancement] = match;
  const entry = CP_BASELINE[impact].find((c) => c === base || c.startsWith(`${base}(`));
  if (entry === undefined) return false;
  return enhancement === undefined || entry.includes(`(${enhancement})`);
}

/** Other frameworks an auditor may hold the plan against, with where to look (pointers only). */
const OTHER_FRAMEWORKS: readonly ControlRow[] = [
  {
    control: 'SOC 2 A1.2',
    title: 'Backup processes and recovery infrastructure',
    targets: ['preventive-controls', 'offsite-data-storage'],
    coverage: 'pointer',
  },
  {
    control: 'SOC 2 A1.3',
    title: 'Recovery plan testing',
    targets: ['testing-and-exercises'],
    coverage: 'pointer',
  },
  {
    control: 'SOC 2 CC9.1',
    title: 'Mitigating the risk of business disruption',
    targets: ['business-impact-analysis', 'preventive-controls'],
    coverage: 'pointer',
  },
  {
    control: 'ISO 22301:2019 8.4.2',
    title: 'Response structure',
    targets: ['roles-and-responsibilities', 'responsibilities-by-phase'],
    coverage: 'pointer',
  },
  {
    control: 'ISO 22301:2019 8.4.3',
    title: 'Warning and communication',
    targets: ['communication-plan'],
    coverage: 'pointer',
  },
  {
    control: 'ISO 22301:2019 8.4.4',
    title: 'Business continuity plans',
    targets: ['approval-and-control', 'appendix-associated-plans'],
    coverage: 'pointer',
  },
  {
    control: 'ISO 22301:2019 8.4.5',
    title: 'Recovery',
    targets: ['recovery', 'reconstitution'],
    coverage: 'pointer',
  },
];

/** The heading ids every control and framework row points at. */
export function controlTargets(): string[] {
  return [...CONTROLS, ...OTHER_FRAMEWORKS].flatMap((c) => [...c.targets]);
}

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
