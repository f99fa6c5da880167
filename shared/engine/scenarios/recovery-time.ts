/**
 * Achieved RTO of a scenario, by case: the service survives (the longest chain of detection,
 * DNS TTL, promotion and warm-up: `takeoverRto`), it does not (the repair that restores it
 * soonest: `repairRto`), or data was corrupted (restore from the backup, then warm-up:
 * `restoreRto`). Each function takes the running scenario first (types.ts `ScenarioState`).
 */
import { NODE_DEFAULTS } from '../../model/defaults';
import { linkFailureFigure, nodeFailureFigure, tierSize, warmupSeconds } from '../../model/nodes';
import type { DatastoreNode } from '../../model/types';
import { evaluateExprs } from '../structure';
import { longest, type Decomposition, type TimePart } from './decomposition';
import { backupPolicy, restoreSeconds, routerDetection } from './timing';
import type { ScenarioState } from './types';

const SECONDS_PER_HOUR = 3600;

/**
 * The service survives: the longest chain of what must notice and take over. A router acts
 * when one of its targets stops, or is a tier that lost instances (it load-balances over
 * them): detection (+ DNS TTL). A data tier whose primary stopped: promotion (+ warm-up), by a
 * person when its failover is manual. The chains run in parallel, so RTO is the longest one.
 */
export function takeoverRto(run: ScenarioState): Decomposition {
  const chains: TimePart[][] = [];
  for (const router of run.structure.routers) {
    // Only a target that carried requests interrupts anyone when it stops.
    const acts = router.targets.some(
      (t) =>
        (run.context.traffic.routed.get(`${router.routerId}>${t.nodeId}`) ?? 0) > 0 &&
        (!run.isUp(t.expr) || run.stoppedInstances(t.nodeId).length > 0),
    );
    if (!acts) continue;
    const node = run.graph.byId.get(router.routerId);
    if (node?.kind !== 'router') continue;
    const { detectionSeconds, dnsTtlSeconds } = routerDetection(node);
    const chain: TimePart[] = [
      { kind: 'detection', nodeId: router.routerId, seconds: detectionSeconds },
    ];
    if (dnsTtlSeconds > 0)
      chain.push({ kind: 'dns-ttl', nodeId: router.routerId, seconds: dnsTtlSeconds });
    chains.push(chain);
  }
  const promoted = new Set<string>();
  for (const failover of run.structure.failovers) {
    if (run.isUp(failover.primaryExpr)) continue;
    const primary = failover.nodeIds[0] as string;
    promoted.add(primary);
    const member = promotedMember(run, failover.nodeIds);
    if (run.graph.groupOf.get(primary)?.isAutomatic === false && member) {
      run.addNote(
        `service returns when a person promotes the standby of ${primary} (manual failover, as the runbook says), before ${primary} itself is repaired`,
      );
    }
    const chain: TimePart[] = [
      {
        kind: 'promotion',
        nodeId: failover.nodeIds[0] as string,
        seconds: failover.failoverSeconds,
      },
    ];
    const warmup = member ? warmupSeconds(member) : 0;
    if (member && warmup > 0) chain.push({ kind: 'warm-up', nodeId: member.id, seconds: warmup });
    chains.push(chain);
  }
  // A replicated tier that lost the instance holding its primary, but still works, promotes a
  // local replica (members of a replication group and active-active members included).
  for (const node of run.graph.variant.nodes) {
    if (node.kind !== 'datastore' || promoted.has(node.id) || !run.nodeWorks(node.id)) continue;
    if ((node.replication ?? 'none') === 'none' || tierSize(node).instances < 2) continue;
    if (!run.stoppedInstances(node.id).includes(0) || node.autoFailover === false) continue;
    const seconds =
      node.failoverSeconds ?? (NODE_DEFAULTS.datastore.failoverSeconds?.value as number);
    chains.push([{ kind: 'promotion', nodeId: node.id, seconds }]);
  }
  return longest(chains);
}

/** The member that takes over from a failed primary: the first working standby. */
export function promotedMember(
  run: ScenarioState,
  nodeIds: readonly string[],
): DatastoreNode | undefined {
  const [primary, ...standbys] = nodeIds;
  if (standbys.length === 0) return run.graph.byId.get(primary as string) as DatastoreNode;
  const id = standbys.find((s) => run.nodeWorks(s));
  return id === undefined ? undefined : (run.graph.byId.get(id) as DatastoreNode);
}

/**
 * The service does not survive: the time until enough comes back. The repair (MTTR) of the
 * forced event whose return alone restores the service soonest; when no single one does,
 * the longest repair among them (all of them back).
 */
export function repairRto(run: ScenarioState): Decomposition {
  const repairs = [...run.down].map((index) => {
    const event = run.structure.events[index];
    return { index, name: event?.name ?? '', seconds: repairSeconds(run, event?.name ?? '') };
  });
  const restoring = repairs
    .filter((r) => {
      const without = new Set(run.down);
      without.delete(r.index);
      return evaluateExprs(run.structure, without)[run.structure.top] === true;
    })
    .sort((a, b) => (a.seconds ?? Infinity) - (b.seconds ?? Infinity));
  const chosen =
    restoring[0] ?? repairs.sort((a, b) => (b.seconds ?? Infinity) - (a.seconds ?? Infinity))[0];
  if (!chosen) return { seconds: null, parts: [] };
  if (chosen.seconds === null) {
    run.notes.push(
      `${chosen.name} has no repair time (only an availability is given): the recovery time cannot be bounded`,
    );
  }
  return {
    seconds: chosen.seconds,
    parts: [{ kind: 'repair', nodeId: chosen.name, seconds: chosen.seconds }],
  };
}

export function repairSeconds(run: ScenarioState, eventName: string): number | null {
  if (eventName.startsWith('link:')) {
    const [a = '', b = ''] = eventName.slice(5).split('|');
    const figure = linkFailureFigure(run.linkBetween(a, b));
    return figure.mttrHours === undefined ? null : figure.mttrHours * SECONDS_PER_HOUR;
  }
  const node = run.graph.byId.get(eventName.split('#')[0] ?? '');
  if (!node) return null;
  const figure = nodeFailureFigure(node);
  return figure.mttrHours === undefined ? null : figure.mttrHours * SECONDS_PER_HOUR;
}

/**
 * A logical corruption is copied by replication, so the data comes back only from a backup:
 * restore the data set at the backup's throughput, then warm up (REF-25, REF-26).
 */
export function restoreRto(run: ScenarioState, corrupted: readonly string[]): Decomposition {
  const chains: TimePart[][] = [];
  for (const id of corrupted) {
    const store = run.graph.byId.get(id) as DatastoreNode;
    const backup = run.backupOf(id);
    if (!backup) {
      run.notes.push(
        `${id} has no backup: a corruption cannot be undone, only rebuilt from the systems of record`,
      );
      chains.push([{ kind: 'restore', nodeId: id, seconds: null }]);
      continue;
    }
    const size = store.memoryGiB ?? run.context.doc.workload?.dataSetGiB ?? 0;
    const seconds = restoreSeconds(size, backupPolicy(backup).restoreThroughputMBps);
    const chain: TimePart[] = [{ kind: 'restore', nodeId: backup.id, seconds }];
    const warmup = warmupSeconds(store);
    if (warmup > 0) chain.push({ kind: 'warm-up', nodeId: id, seconds: warmup });
    chains.push(chain);
  }
  return longest(chains);
}
