/**
 * The test and maintenance programme (SP 800-53 CP-4, ISO 22301:2019 clause 8.5): how often each
 * exercise comes back at each impact level and where that frequency is the organisation's choice,
 * the drills of this design with pass criteria from the model's expected results and the evidence
 * to keep, a results log and an after-action report to fill in, and when the plan is reviewed.
 *
 * Sources: NIST SP 800-34 Rev. 1 section 3.5.4 and Table 3-6 (which exercise each impact level
 * needs, "at an organization-defined frequency"); section 3.6 (review at an organisation-defined
 * frequency, more often for moderate or high, and on significant change); the ISCP templates' plan
 * approval (the plan "will be tested at least annually"); SP 800-53 Rev. 5 CP-4 (test at an
 * organization-defined frequency, review the results, initiate corrective action) and CP-9(1)
 * (test backups at an organization-defined frequency); ISO 22301:2019 clause 8.5 (exercises at
 * planned intervals and when significant changes occur, each with a formal post-exercise report of
 * outcomes, recommendations and actions).
 */
import type { ScenarioResult } from '../../engine';
import type { Scenario } from '../../model/types';
import {
  bold,
  code,
  heading,
  inline,
  paragraph,
  text,
  type Block,
  type Cell,
  type Run,
} from '../document';
import { blank } from './blanks';
import { chaosDrillBlocks } from './chaos-drills';
import { outcome } from './bia';
import { labelOf, locationOf, routers, type PlanContext } from './context';
import { NODE_DEFAULTS } from '../../model/defaults';
import { formatDuration } from '../../text';
import type { ImpactLevel } from './nist';
import { actionsFor, withCommand } from './recovery';
import { ROLE } from './roles';

/** The exercise of Table 3-6 at each level, and the frequency the plan can cite for it. */
const LEVELS: readonly ImpactLevel[] = ['low', 'moderate', 'high'];

/** `at least yearly ¹` where Table 3-6 marks the exercise for the level, else `optional`. */
function frequencyCell(marked: readonly ImpactLevel[], level: ImpactLevel, own: boolean): Cell {
  const value = marked.includes(level) ? 'at least yearly ¹' : 'optional ²';
  return own ? [bold(value)] : value;
}

/** Exercise frequency by impact level; the plan's own level in bold. */
export function frequencyTable(impact: ImpactLevel | undefined): Block[] {
  const rows: [string, readonly ImpactLevel[]][] = [
    ['Tabletop exercise', ['low']],
    ['Functional exercise (recovery from backup media)', ['moderate', 'high']],
    ['Full-scale functional exercise (failover to the alternate site)', ['high']],
  ];
  return [
    {
      kind: 'table',
      caption: 'Exercise frequency by impact level',
      columns: [
        { header: 'Exercise', width: 4 },
        { header: 'Low', width: 1.6 },
        { header: 'Moderate', width: 1.6 },
        { header: 'High', width: 1.6 },
      ],
      rows: [
        ...rows.map(([name, marked]): Cell[] => [
          name,
          ...LEVELS.map((l) => frequencyCell(marked, l, l === impact)),
        ]),
        [
          'Backup restore test (CP-9(1))',
          impact === 'low' ? [bold('optional ²')] : 'optional ²',
          ...(['moderate', 'high'] as const).map((l): Cell =>
            l === impact ? [bold('organisation’s choice ³')] : 'organisation’s choice ³',
          ),
        ],
        [
          'Drills of this plan (zone, region, split-brain, traffic shift, restore)',
          ...LEVELS.map((l): Cell =>
            l === impact ? [bold('organisation’s choice ³')] : 'organisation’s choice ³',
          ),
        ],
      ],
    },
    paragraph(
      '¹ Table 3-6 of NIST SP 800-34 Rev. 1 marks this exercise for the level; section 3.5.4 and SP 800-53 CP-4 leave its frequency to the organisation, and the plan approval of the ISCP templates attests that the plan is tested at least once a year. ² Not required at this level. ³ SP 800-53 CP-4 and CP-9(1) test at a frequency the organisation defines; ISO 22301:2019 (clause 8.5) asks for exercises at planned intervals and whenever a significant change occurs.',
    ),
  ];
}

/** The model's pass criteria for a scenario: RTO, RPO and served share against the targets. */
function passCriteria(ctx: PlanContext, s: ScenarioResult): string {
  const t = ctx.doc.targets ?? {};
  const against = (target: number | undefined, model: number | null) =>
    `${target === undefined ? `model ${formatDuration(model)}` : `≤ ${formatDuration(target)} (model ${formatDuration(model)})`}`;
  return `RTO ${against(t.rtoSeconds, s.rtoSeconds)}; RPO ${against(t.rpoSeconds, s.rpoSeconds)}; ${outcome(s)} after the takeover`;
}

/** How to run a drill of each kind of scenario, with the provider's command where there is one. */
function howToRun(ctx: PlanContext, scenario: Scenario): Cell {
  const kindOf = (id: string) => ctx.graph.byId.get(id)?.kind;
  if ((scenario.corrupt ?? []).length > 0)
    return 'Restore the latest backup into an isolated copy, time it and check the data against its sources; never corrupt production.';
  if ((scenario.partition ?? []).length > 0)
    return 'Block replication traffic between the two regions (firewall or security-group rule) while both keep serving, then lift the block.';
  if (scenario.shift)
    return 'Move the share of traffic with the global router’s weights, in steps, then move it back.';
  if ((scenario.fail ?? []).some((id) => kindOf(id) === 'region'))
    return ctx.graph.regions.length > 1
      ? 'Take the region out of the global router and stop its entry, as if the region were lost.'
      : 'As a tabletop exercise: the design has no other region to move to, so walk through the repair, the escalation before the MTD and the restore of the data.';
  const zone = (scenario.fail ?? []).find((id) => kindOf(id) === 'zone');
  if (zone !== undefined) {
    const region = ctx.graph.regionOf.get(zone);
    const router = routers(ctx).find((r) => ctx.graph.regionOf.get(r.id) === region);
    const shift = router === undefined ? undefined : actionsFor(ctx, router)?.takeZoneOut;
    return shift
      ? withCommand('Move the traffic away from the zone for a set time:', shift)
      : 'Isolate the zone (deny its subnets’ traffic or stop its instances) for a set time.';
  }
  return 'Stop the component named by the scenario, in a window agreed with its owners.';
}

/** A failover drill for each data tier whose product has a test failover, with its model time. */
function failoverDrills(ctx: PlanContext): Cell[][] {
  return ctx.variant.nodes.flatMap((node): Cell[][] => {
    if (node.kind !== 'datastore') return [];
    const command = actionsFor(ctx, node)?.testFailover;
    if (!command) return [];
    const seconds =
      node.failoverSeconds ?? (NODE_DEFAULTS.datastore.failoverSeconds?.value as number);
    return [
      [
        `Failover of ${labelOf(ctx, node.id)}`,
        withCommand('On a healthy group, in a quiet hour:', command, {
          region: locationOf(ctx, node.id),
        }),
        `a replica is primary within ${formatDuration(seconds)} (the model’s failover time) and the entry keeps serving`,
        EVIDENCE,
      ],
    ];
  });
}

const EVIDENCE =
  'start and end time of each step and who ran it; error rate and latency at the entry, and replication lag where data replicates, over the drill; the commands run and their output; the measured RTO and RPO';

/** The drills of this plan: one per scenario of the model that applies. */
export function drillTable(ctx: PlanContext, scenarios: readonly Scenario[]): Block {
  const results = new Map(ctx.evaluation.scenarios.map((s) => [s.id, s]));
  return {
    kind: 'table',
    caption: 'Drills with their pass criteria and evidence',
    columns: [
      { header: 'Drill', width: 1.8 },
      { header: 'How to run it', width: 3.2 },
      { header: 'Passes when (model)', width: 3 },
      { header: 'Evidence to keep', width: 2.4 },
    ],
    rows: [
      ...scenarios.flatMap((scenario): Cell[][] => {
        const s = results.get(scenario.id);
        return s ? [[scenario.name, howToRun(ctx, scenario), passCriteria(ctx, s), EVIDENCE]] : [];
      }),
      ...failoverDrills(ctx),
    ],
  };
}

/** A results log with one blank row per drill and exercise, the model's figures beside. */
export function resultsLog(
  ctx: PlanContext,
  names: readonly string[],
  scenarios: readonly Scenario[],
): Block {
  const results = new Map(ctx.evaluation.scenarios.map((s) => [s.id, s]));
  const measured = (model: number | null | undefined): Run[] => [
    blank('measured'),
    text(model === undefined ? '' : ` (model ${formatDuration(model)})`),
  ];
  return {
    kind: 'table',
    caption: 'Results log',
    columns: [
      { header: 'Date', width: 1.2 },
      { header: 'Exercise', width: 2.4 },
      { header: 'Participants', width: 1.6 },
      { header: 'RTO', width: 1.6 },
      { header: 'RPO', width: 1.6 },
      { header: 'Corrective actions', width: 2 },
    ],
    rows: [
      ...scenarios.map((scenario): Cell[] => {
        const s = results.get(scenario.id);
        return [
          [blank('date')],
          scenario.name,
          [blank('names')],
          measured(s?.rtoSeconds),
          measured(s?.rpoSeconds),
          [blank('action, owner, due date')],
        ];
      }),
      ...names.map((name): Cell[] => [
        [blank('date')],
        name,
        [blank('names')],
        [blank('measured')],
        [blank('measured')],
        [blank('action, owner, due date')],
      ]),
    ],
  };
}

/** The after-action report to fill in after each exercise or real event. */
export function afterActionTemplate(): Block {
  const field = (hint: string) => [blank(hint)];
  return {
    kind: 'keyValue',
    rows: [
      { key: 'Exercise or event, date', value: field('name, date and time') },
      { key: 'Scope and objectives', value: field('what was tested and why') },
      { key: 'Participants', value: field('names and roles') },
      { key: 'Timeline', value: field('each step: start, end, who ran it, problems met') },
      {
        key: 'Measured against the plan',
        value: field('RTO and RPO measured, against the model’s figures and the targets'),
      },
      { key: 'What worked', value: field('observations') },
      { key: 'What did not', value: field('observations') },
      { key: 'Corrective actions', value: field('action, owner, due date') },
      {
        key: 'Changes to the model and the plan',
        value: field('parameters changed, regenerated on'),
      },
    ],
  };
}

/** When the plan is reviewed and regenerated, by whom. */
export function reviewSchedule(): Block {
  return {
    kind: 'table',
    caption: 'Plan review and maintenance',
    columns: [
      { header: 'When', width: 2.6 },
      { header: 'What is done', width: 5 },
      { header: 'Who', width: 1.8 },
    ],
    rows: [
      [
        'The model file changes (a component, a figure, a target)',
        inline(
          'Regenerate this plan from the changed model; review what changed in its figures and runbooks; record the change and the model’s version (',
          blank('version or commit of the model file'),
          ') in the record of changes.',
        ),
        ROLE.coordinator,
      ],
      [
        'An exercise or an incident measured other times than the model',
        'Set the measured values in the model (detection and decision times, failover, restore throughput), then regenerate.',
        `${ROLE.coordinator}, ${ROLE.platform}, ${ROLE.data}`,
      ],
      [
        'The provider or the product changes (new region, service, command-line tool)',
        'Check the commands of the runbooks against the provider’s documentation again.',
        `${ROLE.platform}, ${ROLE.data}`,
      ],
      [
        inline('At the review frequency the organisation sets (', blank('frequency'), ')'),
        'Review the whole plan with the owners of related plans, approve it and sign the plan approval.',
        `${ROLE.director}, ${ROLE.authorizingOfficial}`,
      ],
    ],
  };
}

/** The headings and blocks of the programme, after the exercise table of the chapter. */
export function programmeBlocks(
  ctx: PlanContext,
  scenarios: readonly Scenario[],
  exercises: readonly string[],
): Block[] {
  const impact = ctx.doc.targets?.impact;
  return [
    heading(2, 'Frequency'),
    ...frequencyTable(impact),
    heading(2, 'Drills'),
    paragraph(
      'The drills exercise the failures of the model. A drill passes when the measured interruption and data loss are within the RTO and RPO targets; a measured time that differs from the model’s is set in the model, and the plan regenerated.',
    ),
    drillTable(ctx, scenarios),
    ...chaosDrillBlocks(ctx, scenarios),
    heading(2, 'Results log'),
    paragraph(
      'One row per exercise held (CP-4: review the results and take corrective action); copy the rows for later ones. For a drill run as a chaos experiment, ',
      code('nines check-run MODEL --results RESULTS.json'),
      ' fills the measured columns: it compares each run’s measured interruption, data loss and served share with the experiment’s hypothesis and reports which predictions held, with the gaps.',
    ),
    resultsLog(ctx, exercises, scenarios),
    heading(2, 'After-action report'),
    paragraph(
      'Write one after every exercise and every real activation (ISO 22301:2019, clause 8.5: outcomes, recommendations and actions):',
    ),
    afterActionTemplate(),
    heading(2, 'Plan review and maintenance'),
    reviewSchedule(),
  ];
}
