/**
 * Appendix: alternate processing procedures (Appendix D of the ISCP templates of NIST SP 800-34
 * Rev. 1): how the business keeps going while the system is down or degraded. Each mode is tied
 * to the scenarios of the model whose outcome calls for it; whether the application supports a
 * mode, and how it is switched on, are blanks.
 */
import type { ScenarioResult } from '../../../engine';
import { heading, inline, numbered, paragraph, type Block, type Inline } from '../../document';
import { outcome } from '../bia';
import { blank } from '../blanks';
import { applyingScenarios, components, labelOf, scenarioOf, type PlanContext } from '../context';
import { ROLE } from '../roles';
import { formatDuration, formatShare, listOf } from '../../../text';
import { appendixHeading, appendixTable } from '../appendix-labels';

/** The alternate-processing modes, in the order the appendix describes them. */
export type ProcessingMode = 'maintenance' | 'read-only' | 'queued-writes' | 'shed-load' | 'manual';

const MODE_TITLE: Record<ProcessingMode, string> = {
  maintenance: 'Maintenance page',
  'read-only': 'Read-only mode',
  'queued-writes': 'Queued writes',
  'shed-load': 'Load shedding by priority',
  manual: 'Manual processing',
};

/**
 * The scenarios of the model that call for alternate processing: those whose outcome is degraded
 * or down, and those whose interruption alone calls for a mode ({@link modesFor}).
 */
export function disruptiveScenarios(ctx: PlanContext): ScenarioResult[] {
  return applyingScenarios(ctx).filter((s) => s.status !== 'full' || modesFor(ctx, s).length > 0);
}

/**
 * The modes a scenario calls for: a maintenance page while no request is served for longer than
 * the RTO target (or at all, without one); read-only mode and queued writes when the data tier is
 * promoted, restored or resynchronised for longer than the RTO target, or its data is corrupted;
 * load shedding during a degraded
 * phase; manual processing when every request is not served again within the MTD.
 */
export function modesFor(ctx: PlanContext, s: ScenarioResult): ProcessingMode[] {
  const t = ctx.doc.targets ?? {};
  const modes: ProcessingMode[] = [];
  const interruption = s.phases.find((p) => p.kind === 'interruption');
  const interrupted =
    interruption === undefined
      ? 0
      : (interruption.toSeconds ?? Number.POSITIVE_INFINITY) - interruption.fromSeconds;
  if (interrupted > (t.rtoSeconds ?? 0)) modes.push('maintenance');
  // Seconds the data tier cannot take writes: promotion, restore and re-sync on the RTO chain.
  const dataWork = s.rto.parts
    .filter((p) => p.kind === 'promotion' || p.kind === 'restore' || p.kind === 'resync')
    .reduce((sum, p) => sum + (p.seconds ?? Number.POSITIVE_INFINITY), 0);
  if (dataWork > (t.rtoSeconds ?? 0) || (scenarioOf(ctx, s.id)?.corrupt ?? []).length > 0)
    modes.push('read-only', 'queued-writes');
  if (s.phases.some((p) => p.kind === 'degraded')) modes.push('shed-load');
  const full = s.timeToFullCapacitySeconds;
  if (t.mtdSeconds !== undefined && (full === null || full > t.mtdSeconds)) modes.push('manual');
  return modes;
}

/** `down 49.5 min, then 10 % served until 45 min`: the phases before full service. */
function howLong(s: ScenarioResult): string {
  const parts = s.phases
    .filter((p) => p.kind !== 'full')
    .map((p) => {
      const until =
        p.toSeconds === null ? 'with no end in the model' : `until ${formatDuration(p.toSeconds)}`;
      return p.kind === 'interruption'
        ? `no request served ${until}`
        : `${formatShare(p.servedShare)} served ${until}`;
    });
  return parts.length === 0 ? 'full service throughout' : parts.join(', then ');
}

/** Appendix: the alternate processing procedures. */
export function alternateProcessingAppendix(ctx: PlanContext): Block[] {
  const scenarios = disruptiveScenarios(ctx);
  const users = new Map<ProcessingMode, string[]>();
  for (const s of scenarios)
    for (const mode of modesFor(ctx, s)) users.set(mode, [...(users.get(mode) ?? []), s.name]);
  const appliesTo = (mode: ProcessingMode): string => {
    const names = users.get(mode) ?? [];
    return names.length === 0
      ? 'Applies to no scenario of the model; kept for a disruption beyond them.'
      : `Applies to: ${listOf(names)}.`;
  };
  const queue = components(ctx).find((n) => n.kind === 'queue');
  const t = ctx.doc.targets ?? {};
  const procedures: Record<ProcessingMode, (string | Inline)[]> = {
    maintenance: [
      inline(
        `The ${ROLE.platform.toLowerCase()} sends the users of ${labelOf(ctx, ctx.variant.entry)} to a static maintenance page kept outside the failed site (`,
        blank('where the page is hosted, and how users reach it when the entry itself is down'),
        '), so that they see a notice instead of errors or timeouts.',
      ),
      `The ${ROLE.communications.toLowerCase()} puts the initial notice of the communication plan on it, with the expected restoration time.`,
      'Once validation passes, the entry is switched back and the page removed.',
    ],
    'read-only': [
      inline(
        'Whether the application can serve reads while it refuses writes: ',
        blank('yes or no; the switch that enables it'),
        '.',
      ),
      'When it can, the coordinator enables it for the time the data tier is promoted, restored or resynchronised, or while writes are stopped after a corruption; users are told which actions are unavailable.',
      'The switch is turned off once validation data testing passes.',
    ],
    'queued-writes': [
      inline(
        'Whether the application can accept writes into a durable queue and apply them later: ',
        blank('yes or no; where the queue is kept'),
        queue === undefined
          ? '. The model has no queue.'
          : `. The model has ${labelOf(ctx, queue.id)}.`,
      ),
      'The queue must be outside the failed site, and the writes are applied in order once the data tier takes writes again.',
      'After a restore from backup, apply queued writes only once the restored data is validated, and check each against it: a write made against data that the restore rolled back may no longer apply.',
    ],
    'shed-load': [
      'With part of the capacity, serve the business functions of highest priority (Business impact analysis, Table 17) and refuse or defer the others, rather than let every request slow down.',
      inline(
        `The ${ROLE.platform.toLowerCase()} limits the rate of the lower-priority requests (`,
        blank('which requests, and how they are limited'),
        ') and scales out the tiers short of capacity as the runbook says.',
      ),
      'The limits are lifted once every request is served again.',
    ],
    manual: [
      inline(
        t.mtdSeconds === undefined
          ? 'When the system will not be back in time, '
          : `When the system will not serve every request again within the MTD (${formatDuration(t.mtdSeconds)}), `,
        'the owners of the business functions continue them without it: ',
        blank('manual procedure, forms and who runs them'),
        '.',
      ),
      inline(
        'What is done by hand is entered into the system after recovery by ',
        blank('who'),
        ', and checked against the data restored.',
      ),
      `The ${ROLE.authorizingOfficial.toLowerCase()} decides when the business continuity plan takes over.`,
    ],
  };
  const modes = Object.keys(MODE_TITLE) as ProcessingMode[];
  return [
    appendixHeading('alternateProcessing'),
    paragraph(
      'How the business keeps working while the system is down or degraded. The table gives, for each scenario of the model that does not keep full service at once, what users get and which modes below apply; each mode says what the model cannot know (whether the application supports it, and how it is switched on).',
    ),
    scenarios.length === 0
      ? paragraph(
          'No scenario of the model calls for alternate processing: each keeps full service, or its interruption is within the RTO.',
        )
      : {
          kind: 'table',
          caption: `${appendixTable('alternateProcessing', 1)} Alternate processing by scenario`,
          columns: [
            { header: 'Scenario', width: 2.8 },
            { header: 'Outcome', width: 1.8 },
            { header: 'What users get (from the failure)', width: 3.4 },
            { header: 'Modes', width: 2.4 },
          ],
          rows: scenarios.map((s) => [
            s.name,
            outcome(s),
            howLong(s),
            modesFor(ctx, s)
              .map((m) => MODE_TITLE[m])
              .join(', ') || 'none needed',
          ]),
        },
    ...modes.flatMap((mode) => [
      heading(2, MODE_TITLE[mode], `alternate-${mode}`),
      paragraph(appliesTo(mode)),
      numbered(procedures[mode]),
    ]),
  ];
}
