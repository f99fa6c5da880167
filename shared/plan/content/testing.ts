/**
 * Chapter: testing and exercises — what NIST SP 800-34 Rev. 1 (section 3.5.4, Table 3-6) and
 * SP 800-53B (CP-4) expect at the impact level (see `./nist`), the exercises of this system, and
 * the test and maintenance programme (`./test-programme`): frequency by impact level, the drills
 * with pass criteria from the model's expected results, a results log, the after-action report,
 * plan review; then what to watch.
 */
import { backupPolicy, restoreSeconds } from '../../engine';
import { bullets, heading, inline, bold, paragraph, type Block } from '../document';
import { applyingScenarios, components, replicationPairs, type PlanContext } from './context';
import { formatDuration } from '../../text';
import { NIST_EXERCISE, SP_800_34 } from './nist';
import { programmeBlocks } from './test-programme';

/**
 * The testing controls of SP 800-53B at each baseline (NIST OSCAL baseline profiles, Rev. 5):
 * CP-4 everywhere, CP-4(1) from moderate, CP-4(2) at high.
 */
const CP4_TEXT = {
  low: 'SP 800-53B selects CP-4 (contingency plan testing) for the low baseline.',
  moderate:
    'SP 800-53B selects CP-4 (contingency plan testing) with CP-4(1), coordinating the tests with the owners of related plans, for the moderate baseline.',
  high: 'SP 800-53B selects CP-4 (contingency plan testing) with CP-4(1), coordinating the tests with the owners of related plans, and CP-4(2), testing at the alternate processing site, for the high baseline.',
} as const;

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
      ? formatDuration(restoreSeconds(dataSet, backupPolicy(firstBackup).restoreThroughputMBps))
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
            'The recovery staff run the drills below in a simulated operational environment, following the runbooks, including a recovery from backup media.',
          ],
        ]
      : []),
    ...(impact === 'high'
      ? [
          [
            'Full-scale functional exercise',
            'operational',
            'Fail the system over to its alternate location with every point of contact notified, and carry it through a full recovery and reconstitution to a known state (chapters “Recovery” and “Reconstitution”).',
          ],
        ]
      : []),
  ];
  return [
    heading(1, 'Testing and exercises'),
    paragraph(
      impact === undefined
        ? `No impact level is set, so the exercise ${SP_800_34} scales to it (section 3.5.4) is not chosen; set the FIPS 199 impact level in the model’s targets. `
        : `For a ${impact}-impact system ${SP_800_34} (section 3.5.4 and Table 3-6) sets ${NIST_EXERCISE[impact].name}, ${NIST_EXERCISE[impact].what}, at a frequency the organisation defines; the plan approval of the ISCP templates attests a test at least once a year. ${CP4_TEXT[impact]} `,
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
    ...programmeBlocks(
      ctx,
      scenarios,
      exercises.map(([name = '']) => name),
    ),
    heading(2, 'What to watch'),
    bullets([
      inline(
        bold('Error rate'),
        ': failed requests at the entry and per region; it should rise only for the detection time and fall back to its baseline.',
      ),
      inline(
        bold('Latency'),
        ': p50 and p99 per region; users moved to another region see the extra round trip their runbook gives.',
      ),
      ...(replicationPairs(ctx).length === 0
        ? []
        : [
            inline(
              bold('Replication lag'),
              ': between every pair of data-tier members; it should stay below the RPO target and return to its steady state (Validation, in each runbook) after the drill.',
            ),
          ]),
      inline(
        bold('Capacity'),
        ': CPU and instance counts of the tiers that receive the moved traffic.',
      ),
    ]),
  ];
}
