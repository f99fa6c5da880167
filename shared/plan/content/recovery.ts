/**
 * Chapter: recovery — the order in which components come back (from the dependency graph) and
 * one runbook per scenario: activation, detection, decision, steps per tier in dependency order,
 * validation against the achieved RTO and RPO, failback.
 */
import type { ScenarioResult } from '../../engine';
import {
  backupPolicy,
  persistenceWindowSeconds,
  replicationLagSeconds,
  restoreSeconds,
  routerDetection,
} from '../../engine';
import { TIER_KINDS, nodeFailureFigure, tierSize } from '../../model/nodes';
import type { DatastoreNode, ModelNode, RouterNode, Scenario } from '../../model/types';
import {
  bold,
  bullets,
  heading,
  inline,
  numbered,
  paragraph,
  placeholder,
  slug,
  type Block,
  type Inline,
} from '../document';
import { decompositionText, misses, outcome } from './bia';
import { activationDecision, automaticResponse, detectionSignals } from './activation';
import {
  affectedNodes,
  applyingScenarios,
  eventLabel,
  groupOf,
  labelOf,
  linkBetween,
  nodeOf,
  recoveryOrder,
  routersInFrontOf,
  type PlanBasis,
  type PlanContext,
} from './context';
import {
  capitalise,
  formatCount,
  formatDuration,
  formatGiB,
  formatRate,
  formatShare,
  listOf,
} from '../../text';

/** Time to bring one component back as the model sees it: failover, else an instance's MTTR. */
function recoveryTime(ctx: PlanBasis, node: ModelNode): string {
  const group = groupOf(ctx, node.id);
  if (node.kind === 'datastore' && group) {
    return `${group.isAutomatic ? 'automatic' : 'manual'} failover ${formatDuration(group.failoverSeconds)}`;
  }
  const figure = nodeFailureFigure(node);
  if (figure.mttrHours === undefined) return 'provider-managed (availability only)';
  const { instances } = tierSize(node);
  const time = formatDuration(figure.mttrHours * 3600);
  return instances > 1 ? `${time} per instance` : `repair ${time}`;
}

function recoverySequence(ctx: PlanContext): Block[] {
  const order = recoveryOrder(ctx);
  const consumers = (id: string) =>
    [...ctx.graph.dependsOn].filter(([, targets]) => targets.includes(id)).map(([from]) => from);
  const t = ctx.doc.targets?.rtoSeconds;
  return [
    heading(2, 'Recovery sequence'),
    paragraph(
      'When more than one component must be brought back, do it in the order below: each component comes back before the components that depend on it, data tiers first and the entry last. ',
      t === undefined
        ? 'No RTO target is set; the order is the priority.'
        : `Every component on the request path shares the system RTO of ${formatDuration(t)}: the order is the priority within it. `,
      'The recovery time is the model’s (Appendix A); a tier with spare instances keeps serving while one is replaced.',
    ),
    {
      kind: 'table',
      caption: 'Table 7. Recovery order from the dependency graph',
      columns: [
        { header: 'Step', width: 0.8, align: 'right' },
        { header: 'Component', width: 3 },
        { header: 'Depends on', width: 3 },
        { header: 'Needed by', width: 2.6 },
        { header: 'Recovery time (model)', width: 2.4 },
      ],
      rows: order.map(({ id }, i) => [
        String(i + 1),
        labelOf(ctx, id),
        (ctx.graph.dependsOn.get(id) ?? []).map((d) => labelOf(ctx, d)).join(', ') || '—',
        consumers(id)
          .map((c) => labelOf(ctx, c))
          .join(', ') || 'users (entry)',
        recoveryTime(ctx, ctx.graph.byId.get(id) as ModelNode),
      ]),
    },
  ];
}

function failedDescription(ctx: PlanBasis, scenario: Scenario): string {
  const parts: string[] = [];
  if ((scenario.fail ?? []).length > 0)
    parts.push(`${listOf((scenario.fail ?? []).map((id) => eventLabel(ctx, id)))} fails`);
  for (const [a, b] of scenario.partition ?? [])
    parts.push(`${eventLabel(ctx, `link:${a}|${b}`)} is cut`);
  if (scenario.shift) {
    const to =
      scenario.shift.to === undefined ? 'the other regions' : labelOf(ctx, scenario.shift.to);
    parts.push(
      `${formatShare(scenario.shift.share)} of the traffic of ${labelOf(ctx, scenario.shift.from)} is moved to ${to}`,
    );
  }
  for (const id of scenario.corrupt ?? [])
    parts.push(`the data of ${labelOf(ctx, id)} is corrupted`);
  return listOf(parts);
}

function routerStep(
  ctx: PlanBasis,
  router: RouterNode,
  affected: ReadonlySet<string>,
  stopped: ReadonlySet<string>,
): Inline {
  const targets = (ctx.graph.dependsOn.get(router.id) ?? []).filter((t) => affected.has(t));
  const whole = targets.filter((t) => stopped.has(t) || !TIER_KINDS.has(nodeOf(ctx, t).kind));
  const partial = targets.filter((t) => !whole.includes(t));
  const { detectionSeconds, dnsTtlSeconds } = routerDetection(router);
  const ttl =
    dnsTtlSeconds > 0
      ? ` Clients that cached the previous DNS answer keep using it for up to ${formatDuration(dnsTtlSeconds)} (the TTL); they must retry on connection errors.`
      : '';
  const what = [
    ...(whole.length === 0
      ? []
      : [
          `${listOf(whole.map((t) => labelOf(ctx, t)))} ${whole.length === 1 ? 'is' : 'are'} out of rotation`,
        ]),
    ...(partial.length === 0
      ? []
      : [
          `the failed instances of ${listOf(partial.map((t) => labelOf(ctx, t)))} are out of rotation`,
        ]),
  ];
  return inline(
    bold(labelOf(ctx, router.id)),
    `: confirm that ${what.join(' and ')} (the health checks take ${formatDuration(detectionSeconds)}). If not, take ${whole.length + partial.length === 1 && partial.length === 0 ? 'it' : 'them'} out by hand (fail the health check, or deregister the target) rather than wait.${ttl}`,
  );
}

function tierStep(ctx: PlanBasis, node: ModelNode, isStopped: boolean): Inline {
  const { instances, minHealthy } = tierSize(node);
  const mttr = nodeFailureFigure(node).mttrHours;
  const capacity =
    node.kind === 'service' && node.capacityRps !== undefined
      ? ` (${formatRate(node.capacityRps, 'requests/s')} each)`
      : '';
  const replace =
    mttr === undefined ? '' : ` (the model expects ${formatDuration(mttr * 3600)} per instance)`;
  return inline(
    bold(labelOf(ctx, node.id)),
    isStopped
      ? `: stopped with its site. Where the site serves again, bring back at least ${minHealthy} of its ${formatCount(instances, 'instance')}${replace} before the router sends traffic to it. Stateless instances need no data recovery.`
      : `: check that at least ${minHealthy} of its ${formatCount(instances, 'instance')} are healthy and carry the load${capacity}; replace the lost instances in the surviving zones${replace}. Stateless instances need no data recovery.`,
  );
}

function datastoreStep(
  ctx: PlanBasis,
  store: DatastoreNode,
  scenario: Scenario,
  isStopped: boolean,
): Inline {
  const group = groupOf(ctx, store.id);
  const peers = ctx.graph.replicaPeers.get(store.id) ?? [];
  const name = bold(labelOf(ctx, store.id));
  const { instances, minHealthy } = tierSize(store);
  if ((scenario.corrupt ?? []).includes(store.id))
    return inline(name, ': see the restore steps below.');
  if (!isStopped) {
    return inline(
      name,
      `: keeps serving from its instances in the surviving zones (at least ${minHealthy} of ${instances} needed); check that a replica took over the lost instance's data and replace that instance, then check that it has resynchronised.`,
    );
  }
  if (store.replication === 'active-active' && peers.length > 0) {
    return inline(
      name,
      ': Active-Active member, down with its site. Clients in the other regions stay on their own local member: do not repoint them across regions. The global router keeps users away from the failed region; the member rejoins after its repair and resynchronises from ',
      listOf(peers.map((p) => labelOf(ctx, p))),
      '.',
    );
  }
  if (group) {
    if (group.members[0] === store.id) {
      const standby = group.members.slice(1).map((m) => labelOf(ctx, m));
      return inline(
        name,
        `: primary of an ${store.replication ?? 'active-passive'} group. `,
        group.isAutomatic
          ? `Confirm that ${listOf(standby)} was promoted (automatic, ${formatDuration(group.failoverSeconds)}); promote it by hand if not. `
          : `Promote ${listOf(standby)} by hand (failover is manual: ${formatDuration(group.failoverSeconds)} to decide and promote). `,
        'Repoint the clients to the new primary’s endpoint, then fence the old primary (block its writes, remove it from service discovery) so that it cannot accept writes when its site returns.',
      );
    }
    return inline(
      name,
      ': standby member, down with its site; it resynchronises from the primary after its repair.',
    );
  }
  const window = persistenceWindowSeconds(store);
  return inline(
    name,
    `: replace or restart it; ${window === undefined ? 'it has no persistence, so its data must be restored from backup' : `it reloads its data from persistence (at most ${formatDuration(window)} of writes lost)`}.`,
  );
}

function corruptionSteps(ctx: PlanBasis, scenario: Scenario): Inline[] {
  const steps: Inline[] = [];
  for (const id of scenario.corrupt ?? []) {
    const backups = ctx.variant.edges
      .filter((e) => e.kind === 'backs-up' && e.to === id)
      .map((e) => ctx.graph.byId.get(e.from))
      .filter((n): n is ModelNode & { kind: 'backup' } => n?.kind === 'backup');
    const name = labelOf(ctx, id);
    steps.push(
      inline(
        `Stop the writes that spread the corruption: take ${name} out of traffic or make it read-only; replication copies the bad data to every member, so failing over does not help.`,
      ),
    );
    const backup = backups[0];
    if (!backup) {
      steps.push(
        inline(
          bold('No backup of '),
          bold(name),
          bold(' is modelled'),
          ': the data cannot be restored to a point before the corruption; rebuild it from its sources of record.',
        ),
      );
      continue;
    }
    const policy = backupPolicy(backup);
    const dataSet = ctx.doc.workload?.dataSetGiB;
    steps.push(
      inline(
        `Choose the last backup of ${labelOf(ctx, backup.id)} taken before the corruption began (one every ${formatDuration(policy.intervalSeconds)}, kept ${formatCount(policy.retentionDays, 'day')}): writes since then are lost.`,
      ),
      inline(
        `Restore it into ${name}`,
        dataSet === undefined
          ? ` at ${formatRate(policy.restoreThroughputMBps, 'MB/s')}`
          : ` (${formatGiB(dataSet)} at ${formatRate(policy.restoreThroughputMBps, 'MB/s')}: ${formatDuration(restoreSeconds(dataSet, policy.restoreThroughputMBps))} in the model)`,
        ', then let replication carry the repaired data to the other members, and put it back into traffic.',
      ),
    );
  }
  return steps;
}

function partitionSteps(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  const steps: Inline[] = [];
  for (const [a, b] of scenario.partition ?? []) {
    const stores = ctx.variant.nodes.filter(
      (n): n is DatastoreNode =>
        n.kind === 'datastore' &&
        (ctx.graph.regionOf.get(n.id) === a || ctx.graph.regionOf.get(n.id) === b) &&
        (ctx.graph.replicaPeers.get(n.id) ?? []).length > 0,
    );
    const activeActive = stores.some((n) => n.replication === 'active-active');
    const link = eventLabel(ctx, `link:${a}|${b}`);
    if (activeActive) {
      steps.push(
        inline(
          `Keep both sides serving: Active-Active members on each side of ${link} accept reads and writes locally. Do not move traffic because of the partition alone.`,
        ),
        inline(
          'Watch the replication backlog between the two sides; when the link heals the members exchange what they missed and converge (conflict-free merge), so check the conflict counters afterwards.',
        ),
      );
    } else if (stores.length > 0) {
      steps.push(
        inline(
          `Make sure only one side of ${link} accepts writes: if the standby side was promoted while the old primary still serves, fence one of them at once (two primaries diverge).`,
        ),
      );
    }
  }
  if (steps.length === 0)
    steps.push(
      inline(
        'Confirm that calls between the two regions are not in the request path and that the service keeps serving on both sides.',
      ),
    );
  if (!s.survives)
    steps.push(
      inline(
        'The service does not survive the partition: restore the link or move the traffic to one side.',
      ),
    );
  return steps;
}

function shiftSteps(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  const shift = scenario.shift;
  if (!shift) return [];
  const to = shift.to === undefined ? 'the other regions' : labelOf(ctx, shift.to);
  return [
    inline(
      `Before moving traffic, check that ${to} can carry it: the model serves ${formatShare(s.capacityShare)} of requests after the shift; scale out first if that is below ${formatShare(1)}.`,
    ),
    inline(
      `Change the routing weights of the global router in steps, moving ${formatShare(shift.share)} of the traffic of ${labelOf(ctx, shift.from)} to ${to}, and watch the error rate and latency after each step`,
      s.latencyChangeMs > 0
        ? ` (moved users see about ${formatDuration(s.latencyChangeMs / 1000)} more per round trip)`
        : '',
      '.',
    ),
  ];
}

/** The numbered recovery steps of one scenario, per tier from the entry down to the data. */
function recoverySteps(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  const affected = affectedNodes(ctx, s);
  const stopped = new Set(s.stops);
  const steps: Inline[] = [inline(`Confirm the scope: ${failedDescription(ctx, scenario)}.`)];
  const order = [...recoveryOrder(ctx)].reverse();
  const inFront = new Set(routersInFrontOf(ctx, affected).map((r) => r.id));
  for (const { id } of order) {
    const node = ctx.graph.byId.get(id);
    if (!node) continue;
    if (node.kind === 'router' && inFront.has(id) && !affected.has(id))
      steps.push(routerStep(ctx, node, affected, stopped));
    else if (!affected.has(id)) continue;
    else if (node.kind === 'service' || node.kind === 'queue')
      steps.push(tierStep(ctx, node, stopped.has(id)));
    else if (node.kind === 'datastore')
      steps.push(datastoreStep(ctx, node, scenario, stopped.has(id)));
    else if (node.kind === 'router' || node.kind === 'objectStore' || node.kind === 'external')
      steps.push(
        inline(
          bold(labelOf(ctx, id)),
          ': provider-managed; follow the provider’s status page and open a support case.',
        ),
      );
  }
  if (s.survives && s.capacityShare < 1 && !scenario.shift) {
    const receiving = ctx.variant.nodes.filter(
      (n) => n.kind === 'service' && n.capacityRps !== undefined && !affected.has(n.id),
    );
    steps.push(
      inline(
        `Capacity: the model serves ${formatShare(s.capacityShare)} of the requests after this failure. Scale out `,
        receiving.length === 0
          ? 'the tiers that now receive the traffic'
          : listOf(receiving.map((n) => labelOf(ctx, n.id))),
        `${receiving.length === 1 ? ' until it carries' : ' until they carry'} the whole load, and shed or queue non-essential traffic meanwhile.`,
      ),
    );
  }
  if ((scenario.partition ?? []).length > 0) steps.push(...partitionSteps(ctx, s, scenario));
  steps.push(...shiftSteps(ctx, s, scenario));
  steps.push(...corruptionSteps(ctx, scenario));
  if (!s.survives && (scenario.corrupt ?? []).length === 0) {
    steps.push(
      inline(
        `The service is down until the failed elements return: the model expects ${decompositionText(ctx, s.rto, 'rto')}. Bring components back in the order of Table 7.`,
      ),
    );
  }
  steps.push(inline('Record the time of each step for the after-action report.'));
  return steps;
}

function validation(ctx: PlanBasis, s: ScenarioResult): Inline[] {
  const t = ctx.doc.targets ?? {};
  const lags = ctx.variant.nodes
    .filter((n): n is DatastoreNode => n.kind === 'datastore' && n.sync !== true)
    .flatMap((n) =>
      (ctx.graph.replicaPeers.get(n.id) ?? []).map((p) => {
        const a = ctx.graph.regionOf.get(n.id);
        const b = ctx.graph.regionOf.get(p);
        return replicationLagSeconds(
          n,
          a !== undefined && b !== undefined && a !== b
            ? (linkBetween(ctx, a, b) ?? { a, b })
            : undefined,
        );
      }),
    );
  const maxLag = lags.length === 0 ? undefined : Math.max(...lags);
  return [
    inline(
      'The service answers again at every entry: the achieved RTO in the model is ',
      bold(formatDuration(s.rtoSeconds)),
      t.rtoSeconds === undefined ? '' : ` against a target of ${formatDuration(t.rtoSeconds)}`,
      '.',
    ),
    inline(
      'Data lost is no more than the achieved RPO of ',
      bold(formatDuration(s.rpoSeconds)),
      t.rpoSeconds === undefined ? '' : ` (target ${formatDuration(t.rpoSeconds)})`,
      '; reconcile the writes of that window with their sources where they matter.',
    ),
    inline(
      'The error rate at the entry is back within the error budget and latency is back to its baseline',
      s.latencyChangeMs > 0
        ? ` (users served from another region see about ${formatDuration(s.latencyChangeMs / 1000)} more until failback)`
        : '',
      '.',
    ),
    ...(maxLag === undefined
      ? []
      : [
          inline(
            `Replication lag between data-tier members is back to its steady state (the model expects at most ${formatDuration(maxLag)}).`,
          ),
        ]),
  ];
}

function failback(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  const rpo = ctx.doc.targets?.rpoSeconds;
  if ((scenario.corrupt ?? []).length > 0)
    return [
      inline(
        'No failback: the restored data is the new baseline. Check that backups resume on schedule and that the next backup succeeds.',
      ),
    ];
  if (scenario.shift)
    return [
      inline(
        'Move the traffic back with the routing weights, in steps, watching the same signals, once the reason for the shift has passed.',
      ),
    ];
  if ((scenario.partition ?? []).length > 0 && (scenario.fail ?? []).length === 0)
    return [
      inline(
        'Nothing moves back: once the link heals, check that the members have converged (key counts, conflict counters) and that replication lag is back to its steady state.',
      ),
    ];
  const stores = ctx.variant.nodes.filter(
    (n): n is DatastoreNode => n.kind === 'datastore' && s.stops.includes(n.id),
  );
  const steps: Inline[] = [];
  if (stores.some((n) => n.replication === 'active-active')) {
    steps.push(
      inline(
        bold('Lag-aware failback'),
        ': when the failed site is repaired, its Active-Active member resynchronises from its peers. Send traffic back only when its replication lag to every peer is ',
        rpo === undefined ? 'back to its steady state' : `below the RPO of ${formatDuration(rpo)}`,
        '; then add the region back to the global router and restore its traffic share in steps, watching error rate, latency and lag.',
      ),
    );
  }
  if (stores.some((n) => groupOf(ctx, n.id) !== undefined)) {
    steps.push(
      inline(
        'The old primary rejoins as a standby and resynchronises. Switch back only in a planned window, once its lag is zero (a planned switchover loses no data), or keep the new primary and update the documentation.',
      ),
    );
  }
  steps.push(
    inline(
      'Replaced instances join their load balancer once healthy; check that every zone and region carries its usual share of the traffic again.',
    ),
  );
  return steps;
}

function runbook(ctx: PlanContext, s: ScenarioResult, scenario: Scenario): Block[] {
  const id = `runbook-${slug(s.id)}`;
  const missed = misses(ctx, s);
  return [
    heading(2, `Runbook: ${s.name}`, id),
    {
      kind: 'keyValue',
      rows: [
        { key: 'What happens', value: `${capitalise(failedDescription(ctx, scenario))}.` },
        { key: 'Outcome', value: outcome(s) },
        { key: 'Achieved RTO', value: decompositionText(ctx, s.rto, 'rto') },
        { key: 'Achieved RPO', value: decompositionText(ctx, s.rpo, 'rpo') },
        {
          key: 'Result',
          value: missed.length === 0 ? 'pass' : [bold(`fail: ${missed.join(', ')}`)],
        },
      ],
    },
    ...s.issues.map((issue): Block => ({
      kind: 'callout',
      tone: 'warning',
      title: issue.severity === 'error' ? 'Objective missed' : 'Warning',
      runs: inline(`${issue.message}.`),
    })),
    ...s.notes.map((note): Block => ({
      kind: 'callout',
      tone: 'note',
      title: 'Note',
      runs: inline(`${note}.`),
    })),
    heading(3, 'Activation criteria', `${id}-activation`),
    paragraph(
      `${capitalise(failedDescription(ctx, scenario))}. Plan activation: ${activationDecision(ctx, s)}.`,
    ),
    heading(3, 'Detection', `${id}-detection`),
    bullets([
      ...detectionSignals(ctx, s),
      'synthetic checks of the entry from outside the affected regions; alerts on the error rate and latency at the entry and on replication lag between data-tier members',
    ]),
    heading(3, 'Decision', `${id}-decision`),
    paragraph(
      s.survives && isPromotedByHand(ctx, s)
        ? `Manual: ${automaticResponse(ctx, s)} once the coordinator decides not to wait for the repair (the failover is manual); the coordinator then watches the validation signals and decides when to fail back.`
        : s.survives
          ? `Automatic: ${automaticResponse(ctx, s)}. No decision is needed to restore service; the coordinator watches the validation signals and decides when to fail back.`
          : (scenario.corrupt ?? []).length > 0
            ? 'Manual: the coordinator decides to stop the writes and chooses the restore point.'
            : 'Manual: the coordinator activates the plan and decides between waiting for the repair and moving the service elsewhere, against the MTD.',
    ),
    heading(3, 'Recovery steps', `${id}-steps`),
    numbered(recoverySteps(ctx, s, scenario)),
    heading(3, 'Validation', `${id}-validation`),
    bullets(validation(ctx, s)),
    heading(3, 'Failback', `${id}-failback`),
    bullets(failback(ctx, s, scenario)),
  ];
}

/** True when the scenario's RTO chain waits for a person to promote a standby (manual failover). */
function isPromotedByHand(ctx: PlanBasis, s: ScenarioResult): boolean {
  return s.rto.parts.some(
    (p) => p.kind === 'promotion' && groupOf(ctx, p.nodeId)?.isAutomatic === false,
  );
}

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
