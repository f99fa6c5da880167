/**
 * Chapter: reconstitution — validating data and function, failing back to the recovered site
 * and deactivating the plan. The section names and the deactivation steps are those of section 5
 * of the ISCP templates of NIST SP 800-34 Rev. 1 (Appendix A; chapter 4.4 of the guide):
 * Validation Data Testing, Validation Functionality Testing, Recovery Declaration,
 * Notifications, Cleanup, Data Backup, Event Documentation, Deactivation. Failback is this
 * design's own step.
 */
import {
  bold,
  bullets,
  heading,
  inline,
  numbered,
  paragraph,
  placeholder,
  type Block,
} from '../document';
import { components, datastores, labelOf, replicationPairs, type PlanContext } from './context';
import { formatDuration, listOf } from '../../text';
import { regionRoles } from './preventive-controls';
import { steadyLagSeconds } from './recovery';

/** The reconstitution chapter. */
export function reconstitutionChapter(ctx: PlanContext): Block[] {
  const stores = datastores(ctx);
  const pairs = replicationPairs(ctx);
  const lags = listOf(
    pairs.map(
      ([a, b]) =>
        `${labelOf(ctx, a.id)} to ${labelOf(ctx, b.id)} ${formatDuration(steadyLagSeconds(ctx, a.id, b.id))}`,
    ),
  );
  const hasBackup = components(ctx).some((n) => n.kind === 'backup');
  const activeActive = stores.filter((n) => n.replication === 'active-active');
  const passive = stores.filter((n) => ctx.graph.groupOf.has(n.id));
  const { serving, standby } = regionRoles(ctx);
  const failbackSteps: string[] = [];
  if (activeActive.length > 0) {
    failbackSteps.push(
      `Active-Active data (${listOf(activeActive.map((n) => labelOf(ctx, n.id)))}): the recovered member re-synchronises from its peers; send traffic back only when its replication lag from every peer is back to its steady state (${lags} in the model), not merely below the RPO (lag-aware failback).`,
    );
  }
  if (passive.length > 0) {
    failbackSteps.push(
      `Active-passive data (${listOf(passive.map((n) => labelOf(ctx, n.id)))}): the old primary rejoins as a replica; switch back in a planned window once its replication lag is back to its steady state and writes are paused for the switchover, or keep the new primary.`,
    );
  }
  failbackSteps.push(
    serving.length > 1
      ? 'Add the recovered region back to the global router and restore its traffic share in steps, watching error rate, latency and replication lag after each step.'
      : standby.length > 0
        ? `Move the traffic back from ${listOf(standby.map((r) => labelOf(ctx, r)))} to the primary region in a planned window, in steps.`
        : 'Put the recovered components back into rotation once their health checks pass.',
  );
  return [
    heading(1, 'Reconstitution'),
    paragraph(
      'Reconstitution returns the system to normal operation. It starts once the recovery steps are done and consists of two activities: validating that reconstitution succeeded, and deactivating the plan. The ISCP coordinator, with the system owner and the authorizing official, also determines whether the system has changed enough to need reassessment and reauthorization.',
    ),
    heading(2, 'Validation data testing'),
    bullets([
      ...(pairs.length > 0
        ? [
            `Replication between data-tier members is running and its lag is back to its steady state: ${lags} in the model.`,
          ]
        : []),
      ...(activeActive.length > 0
        ? [
            'After a partition, the Active-Active members hold the same keys (compare key counts per member) and the conflict counters show what was merged.',
          ]
        : []),
      ...(hasBackup
        ? [
            'After a restore, spot-check records written just before the restore point against their sources and list the writes lost in the RPO window.',
            'Backups run on schedule again and the first one after recovery succeeds.',
          ]
        : [
            'No backup is modelled: check the data against its systems of record and list what the failure lost.',
          ]),
    ]),
    heading(2, 'Validation functionality testing'),
    bullets([
      'A synthetic transaction succeeds through the entry in every region that serves traffic.',
      'Error rate and latency at the entry are back to their baseline for a full observation period.',
      'Health checks of every router report all their targets healthy, and every tier has its full instance count.',
    ]),
    heading(2, 'Failback'),
    numbered(failbackSteps),
    heading(2, 'Deactivation'),
    numbered([
      inline(
        bold('Recovery declaration'),
        ': once validation succeeds, the designated authority declares the recovery complete and the system in normal operation; the ISCP coordinator tells the business and technical points of contact.',
      ),
      inline(
        bold('Notifications'),
        ': the communications lead tells users, the service desk and stakeholders that normal operation has resumed.',
      ),
      inline(
        bold('Cleanup'),
        ': remove the temporary capacity, router weights and overrides set during recovery, and ready the system for a future event.',
      ),
      inline(
        bold('Data backup'),
        ': as soon as reasonable, take a full backup of the recovered system as the new copy for future recoveries.',
      ),
      inline(
        bold('Event documentation'),
        ': keep the activity log (each step, who ran it, when it started and ended, problems met) and the results of the validation tests, and write an after-action report with the lessons learned (achieved RTO and RPO against this plan, what to change); update the model and regenerate this plan.',
      ),
      inline(
        bold('Deactivation'),
        ': the designated authority formally deactivates the plan and the business and technical points of contact are told.',
      ),
    ]),
    placeholder(
      'Who signs the deactivation, the after-action report template, and where incident records are kept.',
    ),
  ];
}
