/** The recovery chapter: the recovery sequence, one runbook per applying scenario, escalation. */
import { bullets, heading, paragraph, placeholder, type Block } from '../../document';
import { applyingScenarios, type PlanContext } from '../context';
import { formatDuration } from '../../../text';
import { recoverySequence } from './sequence';
import { runbook } from './runbook';

/** The recovery chapter. */
export function recoveryChapter(ctx: PlanContext): Block[] {
  const scenarios = applyingScenarios(ctx);
  const defs = new Map((ctx.doc.scenarios ?? []).map((sc) => [sc.id, sc]));
  return [
    heading(1, 'Recovery'),
    paragraph(
      'Recovery restores the service after the plan is activated. The sequence below applies to any disruption; the runbooks that follow apply it to each failure scenario of the model, from the entry down to the data tiers.',
    ),
    ...recoverySequence(ctx),
    ...scenarios.flatMap((s) => {
      const scenario = defs.get(s.id);
      return scenario ? runbook(ctx, s, scenario) : [];
    }),
    ...(scenarios.length === 0
      ? [
          paragraph(
            'The model defines no failure scenario for this variant, so there is no runbook; add scenarios (zone, region, partition, corruption) to the model and regenerate the plan.',
          ),
        ]
      : []),
    ...escalation(ctx),
  ];
}

/**
 * Recovery escalation, section 4.3 "Recovery Escalation Notices/Awareness" of the ISCP templates
 * of NIST SP 800-34 Rev. 1, with the triggers of the guide's section 4.3.1.
 */
function escalation(ctx: PlanContext): Block[] {
  const rto = ctx.doc.targets?.rtoSeconds;
  return [
    heading(2, 'Recovery escalation notices and awareness'),
    paragraph(
      'During recovery the ISCP coordinator escalates problems to leadership and keeps the system owner and users aware of the progress. Escalate, or report, when:',
    ),
    bullets([
      `a step takes longer than the time this plan gives for it${rto === undefined ? '' : `, or the service will not be back within the RTO of ${formatDuration(rto)}`};`,
      'a key step is done (failover, restore, traffic shift, validation);',
      'something must be procured, such as capacity or a quota increase from the cloud provider;',
      'any other concern arises that the runbook does not cover.',
    ]),
    placeholder(
      'Who is told at each escalation level, by whom, by which channel, and at what interval status updates are sent.',
    ),
  ];
}
