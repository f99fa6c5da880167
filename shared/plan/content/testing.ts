/**
 * Chapter: testing and exercises — what NIST SP 800-34 Rev. 1 expects at the impact level, and
 * the drills of the field guide (zone outage, split-brain, traffic shift) with the model's
 * expected results and what to watch.
 */
import type { ScenarioResult } from '../../engine/scenario';
import { backupPolicy, restoreSeconds } from '../../engine/scenario-timing';
import type { Scenario } from '../../model/types';
import { bullets, heading, inline, bold, paragraph, placeholder, type Block } from '../document';
import { outcome } from './bia';
import { applyingScenarios, components, type PlanContext } from './context';
import { duration } from './format';

/** The exercise NIST SP 800-34 Rev. 1 sets for each impact level (ISCP templates, Appendix A). */
export const NIST_EXERCISE = {
  low: 'a tabletop exercise',
  moderate: 'a functional exercise',
  high: 'a full-scale functional exercise',
} as const;

interface Drill {
  readonly name: string;
  readonly how: string;
  readonly matches: (scenario: Scenario, ctx: PlanContext) => boolean;
}

const DRILLS: readonly Drill[] = [
  {
    name: 'Zone outage',
    how: 'Isolate one zone (deny its subnets’ traffic or stop its instances) for a set time.',
    matches: (s, ctx) => (s.fail ?? []).some((id) => ctx.graph.byId.get(id)?.kind === 'zone'),
  },
  {
    name: 'Split-brain',
    how: 'Block replication traffic between two regions (firewall or security-group rule) while both keep serving, then lift the block.',
    matches: (s) => (s.partition ?? []).length > 0,
  },
  {
    name: 'Traffic shift',
    how: 'Move a share of one region’s users to another with the global router’s weights, in steps, then move them back.',
    matches: (s) => s.shift !== undefined,
  },
  {
    name: 'Region outage',
    how: 'Take one region out of the global router and stop its entry, as if the region were lost.',
    matches: (s, ctx) => (s.fail ?? []).some((id) => ctx.graph.byId.get(id)?.kind === 'region'),
  },
];

function expected(s: ScenarioResult | undefined): string {
  if (!s) return 'not modelled: add the scenario to the model';
  return `${outcome(s)}; RTO ${duration(s.rtoSeconds)}, RPO ${duration(s.rpoSeconds)}${s.latencyChangeMs > 0 ? `, +${Math.round(s.latencyChangeMs)} ms for moved users` : ''}`;
}

/** The testing-and-exercises chapter. */
export function testingChapter(ctx: PlanContext): Block[] {
  const impact = ctx.doc.targets?.impact;
  const results = new Map(applyingScenarios(ctx).map((s) => [s.id, s]));
  const scenarios = (ctx.doc.scenarios ?? []).filter((s) => results.has(s.id));
  const backups = components(ctx).filter((n) => n.kind === 'backup');
  const dataSet = ctx.doc.workload?.dataSetGiB;
  const firstBackup = backups[0];
  const restore =
    firstBackup?.kind === 'backup' && dataSet !== undefined
      ? duration(restoreSeconds(dataSet, backupPolicy(firstBackup).restoreThroughputMBps))
      : undefined;
  const exercises: string[][] = [
    [
      'Tabletop exercise',
      'discussion',
      'Walk through activation, notification and one runbook with every role of Table 2.',
    ],
    ...(backups.length > 0
      ? [
          [
            'Restore from backup',
            'functional test',
            `Restore the latest backup into an isolated environment and time it${restore === undefined ? '' : ` (the model expects ${restore} for the data set)`}; check the restored data.`,
          ],
        ]
      : []),
    ...(impact === 'moderate' || impact === 'high'
      ? [
          [
            'Functional exercise',
            'operational',
            'Run the drills below in a production-like environment with the recovery staff, following the runbooks.',
          ],
        ]
      : []),
    ...(impact === 'high'
      ? [
          [
            'Full failover',
            'full-scale functional exercise',
            'Run the zone-outage and region-outage drills in production, users informed, with the whole recovery organisation.',
          ],
        ]
      : []),
  ];
  return [
    heading(1, 'Testing and exercises'),
    paragraph(
      impact === undefined
        ? 'No impact level is set; NIST SP 800-34 Rev. 1 asks at least for a yearly tabletop exercise. '
        : `For a ${impact}-impact system NIST SP 800-34 Rev. 1 (ISCP templates, Appendix A) calls for ${NIST_EXERCISE[impact]} at least once a year. `,
      'Each exercise compares what is measured with the figures of this plan; a difference updates the model, then the plan.',
    ),
    {
      kind: 'table',
      caption: 'Table 8. Exercise programme',
      columns: [
        { header: 'Exercise', width: 2 },
        { header: 'Kind', width: 2 },
        { header: 'What is done', width: 6 },
      ],
      rows: exercises,
    },
    placeholder(
      'Dates of the exercises for the coming year, their facilitators and the participants.',
    ),
    heading(2, 'Drills'),
    paragraph(
      'The drills exercise the failures a geo-distributed design must ride through. The expected result is the model’s; a drill passes when the measured interruption and data loss are within the RTO and RPO targets.',
    ),
    {
      kind: 'table',
      caption: 'Table 9. Drills with their expected results',
      columns: [
        { header: 'Drill', width: 1.6 },
        { header: 'How to run it', width: 4 },
        { header: 'Expected (model)', width: 3.6 },
      ],
      rows: DRILLS.filter(
        (d) => d.name !== 'Region outage' || scenarios.some((s) => d.matches(s, ctx)),
      ).map((d) => {
        const scenario = scenarios.find((s) => d.matches(s, ctx));
        return [
          d.name,
          d.how,
          scenario === undefined
            ? expected(undefined)
            : `${scenario.name}: ${expected(results.get(scenario.id))}`,
        ];
      }),
    },
    heading(2, 'What to watch'),
    bullets([
      inline(
        bold('Error rate'),
        ': failed requests at the entry and per region; it should rise only for the detection time and fall back to its baseline.',
      ),
      inline(
        bold('Latency'),
        ': p50 and p99 per region; users moved to another region see the extra round trip listed above.',
      ),
      inline(
        bold('Replication lag'),
        ': between every pair of data-tier members; it should stay below the RPO target and return to its steady state after the drill.',
      ),
      inline(
        bold('Capacity'),
        ': CPU and instance counts of the tiers that receive the moved traffic.',
      ),
    ]),
  ];
}
