/**
 * The sections of the ISCP template of NIST SP 800-34 Rev. 1 (Appendix A.3, the high-impact
 * template; A.1 and A.2 are its subsets) and the headings of the built plan that cover each, for
 * the coverage appendix (`coverage.ts`).
 *
 * The template's outline was read in public copies of the templates (the A.3 table of contents:
 * Plan Approval; 1 Introduction 1.1–1.3; 2 Concept of Operations 2.1–2.3; 3 Activation and
 * Notification 3.1–3.3; 4 Recovery 4.1–4.3; 5 Reconstitution 5.1–5.10; Appendices A–M).
 */
import { type Block } from '../../document';
import { headingsOf } from '../../outline';

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
