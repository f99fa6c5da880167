/**
 * The contingency-planning controls of NIST SP 800-53 (and pointers for SOC 2 and ISO 22301) with
 * the headings of the plan that answer for the system's part, for the coverage appendix
 * (`coverage.ts`); whether SP 800-53B's baseline of an impact level selects each.
 */
import { CP_BASELINE, type ImpactLevel } from '../nist';

/** A contingency-planning control of SP 800-53 and where the plan covers its system part. */
export interface ControlRow {
  /** `CP-2`, `CP-2(1)`, or `CP-2 d.` for an item of the control. */
  readonly control: string;
  readonly title: string;
  readonly targets: readonly string[];
  readonly coverage: string;
}

export const CONTROLS: readonly ControlRow[] = [
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
export const OTHER_FRAMEWORKS: readonly ControlRow[] = [
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
