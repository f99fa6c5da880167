/**
 * The communication plan of the activation-and-notification chapter (section 3.2 of the ISCP
 * templates of NIST SP 800-34 Rev. 1): who is told, by whom, through which channel, how often,
 * when an outage is escalated, the status-page steps and the message templates. The cadence and
 * the escalation points come from the model's MTD and RTO; names, channels and addresses are
 * blanks.
 */
import type { Targets } from '../../model/types';
import {
  heading,
  inline,
  numbered,
  paragraph,
  type Block,
  type Cell,
  type Inline,
} from '../document';
import { appendixRef } from './appendix-labels';
import { vendorNames } from './appendices';
import { outcome } from './bia';
import { blank, blankCell } from './blanks';
import { applyingScenarios, type PlanContext } from './context';
import { ROLE } from './roles';
import { formatDuration, formatInterval, listOf } from '../../text';

/** Bounds of the status-update interval, seconds: often enough to be useful, not so often that an update has nothing new. */
const MIN_UPDATE_SECONDS = 15 * 60;
const MAX_UPDATE_SECONDS = 60 * 60;
/** The interval is rounded down to a multiple of this, seconds. */
const UPDATE_STEP_SECONDS = 5 * 60;
/** Updates sent before the basis (MTD, else RTO) is reached. */
const UPDATES_BEFORE_BASIS = 4;

/** How often status updates go out, and what it is derived from. */
export interface UpdateCadence {
  readonly seconds: number;
  readonly basis: 'MTD' | 'RTO';
}

/**
 * The status-update interval: the MTD (else the RTO) divided by four, so that at least four
 * updates go out before it is reached, rounded down to 5 min and kept between 15 min and 60 min;
 * null when the model sets neither.
 */
export function updateCadence(targets: Targets | undefined): UpdateCadence | null {
  const basis =
    targets?.mtdSeconds !== undefined
      ? { seconds: targets.mtdSeconds, basis: 'MTD' as const }
      : targets?.rtoSeconds !== undefined
        ? { seconds: targets.rtoSeconds, basis: 'RTO' as const }
        : null;
  if (basis === null) return null;
  const raw = basis.seconds / UPDATES_BEFORE_BASIS;
  const stepped = Math.floor(raw / UPDATE_STEP_SECONDS) * UPDATE_STEP_SECONDS;
  return {
    seconds: Math.min(MAX_UPDATE_SECONDS, Math.max(MIN_UPDATE_SECONDS, stepped)),
    basis: basis.basis,
  };
}

/** The communication plan: stakeholders, cadence and escalation, status page, messages. */
export function communicationPlan(ctx: PlanContext): Block[] {
  const t = ctx.doc.targets ?? {};
  const cadence = updateCadence(t);
  const every: Inline =
    cadence === null ? [blank('interval')] : inline(formatInterval(cadence.seconds));
  const everyText = cadence === null ? undefined : formatInterval(cadence.seconds);
  const vendors = vendorNames(ctx);
  const stakeholders: Cell[][] = [
    [
      `Users of ${ctx.doc.name}`,
      'That the service is disrupted, what still works, when it is expected back, what to do meanwhile.',
      inline('Status page: ', blank('address'), '; ', blank('other channel')),
      inline('At activation, then every ', ...every, ', and at resolution.'),
      ROLE.communications,
    ],
    [
      'Service desk',
      'The same, before users hear it, with what to tell callers.',
      blankCell('channel'),
      inline('Before each user notice.'),
      ROLE.communications,
    ],
    [
      'Management and the owners of the business functions',
      'Impact on the business functions, expected restoration against the MTD, decisions needed.',
      blankCell('channel'),
      inline('At activation, at each escalation point, and every ', ...every, '.'),
      ROLE.coordinator,
    ],
    [
      ROLE.authorizingOfficial,
      'Activation, a recovery at risk of missing its objectives, deactivation.',
      blankCell('channel'),
      'At activation, at the escalation points below, at deactivation.',
      ROLE.director,
    ],
    [
      vendors.length === 0 ? 'Vendors' : `Vendors: ${listOf(vendors)}`,
      'A support case for a failed managed service, with its severity.',
      inline(`Support contacts (${appendixRef('vendors')})`),
      'As soon as a vendor’s service is involved.',
      ROLE.platform,
    ],
    [
      'Regulators and customers with contractual notice duties',
      inline('Notice as their rules or contracts require: ', blank('who, and the deadline')),
      blankCell('channel'),
      blankCell('deadline'),
      ROLE.director,
    ],
  ];
  return [
    heading(2, 'Communication plan'),
    paragraph(
      'Who is told about a disruption, by whom and how often. The channels and addresses are not in the model; the stakeholders, the cadence and the escalation points follow from the plan’s roles and the model’s objectives.',
    ),
    {
      kind: 'table',
      caption: 'Table 20. Stakeholders and how they are informed',
      columns: [
        { header: 'Stakeholder', width: 2.2 },
        { header: 'Needs to know', width: 3 },
        { header: 'Channel', width: 2 },
        { header: 'When', width: 2.2 },
        { header: 'Informed by', width: 1.6 },
      ],
      rows: stakeholders,
    },
    heading(3, 'Cadence and escalation', 'communication-cadence'),
    paragraph(
      cadence === null
        ? 'The model sets neither an MTD nor an RTO, so the update interval is the organisation’s to set: '
        : `Status updates go out every ${everyText}: the ${cadence.basis} of ${formatDuration(cadence.basis === 'MTD' ? (t.mtdSeconds as number) : (t.rtoSeconds as number))} divided by ${UPDATES_BEFORE_BASIS}, so that at least ${UPDATES_BEFORE_BASIS} updates go out before it is reached, rounded down to ${formatInterval(UPDATE_STEP_SECONDS)} and kept between ${formatInterval(MIN_UPDATE_SECONDS)} and ${formatInterval(MAX_UPDATE_SECONDS)}. An update goes out on time even when nothing has changed. `,
      ...(cadence === null ? [blank('update interval'), '. '] : []),
      'The outage is escalated as it lasts:',
    ),
    numbered(escalationSteps(t)),
    heading(3, 'Status page', 'communication-status-page'),
    numbered([
      inline(
        `Within ${everyText ?? 'one update interval'} of activation, the ${ROLE.communications.toLowerCase()} posts the initial notice on the status page (`,
        blank('address'),
        `) and marks ${ctx.doc.name} as down or degraded, as Table 21 gives for the scenario.`,
      ),
      inline(
        `Post an update every ${everyText ?? 'update interval'} until the recovery is declared, and whenever the expected restoration time changes.`,
      ),
      inline(
        'On the recovery declaration (chapter “Reconstitution”), post the resolution notice and keep the incident visible for ',
        blank('period'),
        '.',
      ),
      inline('Publish the summary of the incident within ', blank('number of days'), '.'),
    ]),
    ...expectedRestoration(ctx),
    heading(3, 'Message templates', 'communication-messages'),
    paragraph(
      `Filled in from the model where it knows the answer (the system’s name, the expected times of Table 21); the rest is left blank for the ${ROLE.communications.toLowerCase()}.`,
    ),
    {
      kind: 'keyValue',
      rows: messageTemplates(ctx.doc.name),
    },
  ];
}

/** The escalation points of an outage, from the RTO and the MTD of the model. */
function escalationSteps(t: Targets): (string | Inline)[] {
  const steps: (string | Inline)[] = [
    `At activation: the ${ROLE.coordinator} tells the ${ROLE.director}, management and the ${ROLE.communications.toLowerCase()}; the ${ROLE.director} tells the ${ROLE.authorizingOfficial.toLowerCase()}.`,
  ];
  if (t.rtoSeconds !== undefined)
    steps.push(
      `When the RTO (${formatDuration(t.rtoSeconds)}) passes without the service back: the ${ROLE.coordinator} tells management and the ${ROLE.director} what is late and the new expected time.`,
    );
  if (t.mtdSeconds !== undefined) {
    steps.push(
      `At half the MTD (${formatDuration(t.mtdSeconds / 2)}) without the service back: the ${ROLE.director} briefs the ${ROLE.authorizingOfficial.toLowerCase()} and the owners of the business functions prepare their alternate processing (${appendixRef('alternateProcessing')}).`,
      `At the MTD (${formatDuration(t.mtdSeconds)}): the ${ROLE.authorizingOfficial.toLowerCase()} decides whether the business continuity plan takes over (${appendixRef('associatedPlans')}).`,
    );
  } else {
    steps.push(
      inline(
        `The model sets no MTD: the ${ROLE.director} briefs the ${ROLE.authorizingOfficial.toLowerCase()} after `,
        blank('time'),
        '.',
      ),
    );
  }
  return steps;
}

/** What users can be told for each scenario: what they see, when it comes back, data at risk. */
function expectedRestoration(ctx: PlanContext): Block[] {
  const scenarios = applyingScenarios(ctx);
  if (scenarios.length === 0) return [];
  return [
    heading(3, 'Expected restoration by scenario', 'communication-expected-restoration'),
    paragraph(
      'What the model expects for each scenario, in the terms a notice uses: what users see, when the first requests are served again, when every request is, and how much recent data may have to be entered again. Times count from the failure.',
    ),
    {
      kind: 'table',
      caption: 'Table 21. Expected restoration by scenario',
      columns: [
        { header: 'Scenario', width: 3 },
        { header: 'Users see', width: 2 },
        { header: 'Service back', width: 1.4, align: 'right' },
        { header: 'Every request served', width: 1.6, align: 'right' },
        { header: 'Recent data at risk', width: 1.6, align: 'right' },
      ],
      rows: scenarios.map((s) => [
        s.name,
        outcome(s),
        formatDuration(s.timeToServiceSeconds, { unbounded: 'not known' }),
        formatDuration(s.timeToFullCapacitySeconds, { unbounded: 'no end in the model' }),
        formatDuration(s.rpoSeconds, { unbounded: 'not bounded' }),
      ]),
    },
  ];
}

/** The initial notice, update and resolution, with the system's name and blanks. */
function messageTemplates(system: string): { key: string; value: Cell }[] {
  return [
    {
      key: 'Initial notice',
      value: inline(
        blank('time and time zone'),
        ` — ${system} is `,
        blank('unavailable, or degraded: what users see'),
        '. We know and are restoring it. Cause: ',
        blank('the scenario of Table 21, in users’ words'),
        '. We expect the service back by ',
        blank('time: detection time + the expected time of Table 21'),
        '. Next update by ',
        blank('time'),
        '.',
      ),
    },
    {
      key: 'Update',
      value: inline(
        blank('time'),
        ` — ${system}: `,
        blank('what has been done (failover, restore, scale-out)'),
        '. ',
        blank('what users see now'),
        '. Expected restoration: ',
        blank('time'),
        '. Next update by ',
        blank('time'),
        '.',
      ),
    },
    {
      key: 'Resolution',
      value: inline(
        blank('time'),
        ` — ${system} has worked normally again since `,
        blank('time'),
        '. Changes made between ',
        blank('start of the window of Table 21'),
        ' and ',
        blank('time of the failure'),
        ' may need to be entered again. A summary of the incident will follow by ',
        blank('date'),
        '.',
      ),
    },
  ];
}
