/**
 * The test programme's link from each drill to its chaos experiment: what `nines export-chaos`
 * writes for the drill's scenario (the target, the files as it names them, the actions, what
 * the experiment does not reproduce) and the hypothesis beside it (status, served share, RTO,
 * RPO: the same scenario result as the rest of the plan); for a scenario that is not a fault,
 * the runbook entry of the export's README that replaces the experiment (docs/chaos.md).
 */
import {
  CHAOS_TARGET_NAMES,
  chaosTargetFor,
  exportChaos,
  predictionText,
  type ChaosTarget,
  type ExportedScenario,
} from '../../chaos';
import type { Scenario } from '../../model/types';
import { code, inline, paragraph, type Block, type Cell, type Run } from '../document';
import type { PlanContext } from './context';

/** Why the plan's experiments are written for `target`, for the paragraph before the table. */
const TARGET_REASON: Readonly<Record<ReturnType<typeof chaosTargetFor>, string>> = {
  fis: 'every region of this variant is on AWS',
  azure: 'every region of this variant is on Azure',
  'chaos-mesh':
    'the regions of this variant are not all on AWS or all on Azure, and Chaos Mesh runs on any provider’s Kubernetes',
};

/** `a`, `b` and `c` as code runs separated by commas. */
function codeList(items: readonly string[]): Run[] {
  return items.flatMap((item, i) => (i === 0 ? [code(item)] : [{ text: ', ' }, code(item)]));
}

/** The cell naming what replaces the drill's experiment, or the experiment's files. */
function experimentCell(target: ChaosTarget, e: ExportedScenario): Cell {
  switch (e.kind) {
    case 'experiment':
      return inline(`${CHAOS_TARGET_NAMES[target]}: `, ...codeList(e.files));
    case 'runbook':
      return inline(
        `No experiment (${e.reason}): the runbook entry “${e.entry}” of the export’s `,
        code('README.md'),
        ' replaces it.',
      );
    case 'left-out':
      return `No experiment (${e.reason}): run the drill as the table above says.`;
  }
}

function actionsCell(e: ExportedScenario): Cell {
  if (e.kind !== 'experiment') return '—';
  return inline(
    ...codeList(e.actions),
    ...(e.notes.length === 0 ? [] : [`. ${e.notes.map((n) => `Note: ${n}.`).join(' ')}`]),
  );
}

/**
 * The paragraph and table linking each drill of `scenarios` (the applying scenarios of the plan's
 * variant, document order) to what `nines export-chaos` writes for it.
 */
export function chaosDrillBlocks(ctx: PlanContext, scenarios: readonly Scenario[]): Block[] {
  if (scenarios.length === 0) return [];
  const target = chaosTargetFor(ctx.variant);
  const exported = exportChaos(
    ctx.doc,
    { variants: [ctx.evaluation] },
    { target, scenarioIds: scenarios.map((s) => s.id), stopAlarms: [], subscriptions: [] },
  ).scenarios;
  const results = new Map(ctx.evaluation.scenarios.map((s) => [s.id, s]));
  const rows = scenarios.flatMap((scenario): Cell[][] => {
    const e = exported.find((x) => x.scenarioId === scenario.id);
    const result = results.get(scenario.id);
    if (!e || !result) return [];
    return [
      [
        scenario.name,
        experimentCell(target, e),
        actionsCell(e),
        e.kind === 'left-out'
          ? predictionText(result)
          : inline(`${predictionText(result)} (`, code(e.hypothesis), ')'),
      ],
    ];
  });
  return [
    paragraph(
      'Each drill can be run as a chaos experiment: ',
      code(`nines export-chaos MODEL --target ${target} --variant ${ctx.variant.id}`),
      ` writes it for ${CHAOS_TARGET_NAMES[target]} (${TARGET_REASON[target]}), with the files below, relative to the folder it writes (`,
      code('--out'),
      '). Beside each experiment, ',
      code('hypothesis.json'),
      ' holds the model’s prediction for the drill, the same figures as this plan. Drills that are not faults have a runbook entry in the export’s ',
      code('README.md'),
      ' instead; that file also lists the tags the experiments select their targets by, and their stop conditions.',
    ),
    {
      kind: 'table',
      caption: 'Drills as chaos experiments',
      columns: [
        { header: 'Drill', width: 1.6 },
        { header: 'Experiment', width: 3 },
        { header: 'What it injects', width: 3 },
        { header: 'Hypothesis', width: 2.4 },
      ],
      rows,
    },
  ];
}
