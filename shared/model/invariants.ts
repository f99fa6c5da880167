/**
 * Invariants of a `nines/1` document that a schema cannot express: references, placement,
 * acyclic dependencies, k ≤ n. Run after the schema has accepted the shape.
 */
import type { ModelNode, NinesDocument, Variant } from './types';
import { NODE_DEFAULTS } from './defaults';
import { tierSize } from './nodes';
import { formatCount, formatNumber } from '../text';

/** One problem in a document, with the JSON path of the place it was found. */
export interface Problem {
  /** JSON path such as `variants[0].nodes[3].instances`; `(document)` for the root. */
  readonly path: string;
  readonly message: string;
}

const COMPONENT_PARENTS = new Set(['zone', 'region']);

/** Lists every broken invariant of `doc`, in document order; empty when the document is sound. */
export function checkInvariants(doc: NinesDocument): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ path, message });
  };

  reportDuplicates(
    doc.variants.map((v) => v.id),
    (i) => `variants[${i}].id`,
    'variant id',
    add,
  );
  doc.variants.forEach((variant, vi) => checkVariant(variant, `variants[${vi}]`, add));
  checkDocumentReferences(doc, add);
  return problems;
}

type Add = (path: string, message: string) => void;

function reportDuplicates(
  values: readonly string[],
  pathOf: (index: number) => string,
  what: string,
  add: Add,
): void {
  const firstIndex = new Map<string, number>();
  values.forEach((value, i) => {
    const first = firstIndex.get(value);
    if (first === undefined) firstIndex.set(value, i);
    else add(pathOf(i), `duplicate ${what} "${value}" (first used at ${pathOf(first)})`);
  });
}

function checkVariant(variant: Variant, at: string, add: Add): void {
  const { nodes } = variant;
  reportDuplicates(
    nodes.map((n) => n.id),
    (i) => `${at}.nodes[${i}].id`,
    'node id',
    add,
  );
  const byId = new Map<string, ModelNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);

  nodes.forEach((node, i) => checkNode(node, `${at}.nodes[${i}]`, byId, add));
  checkEdges(variant, at, byId, add);

  const entry = byId.get(variant.entry);
  if (!entry) add(`${at}.entry`, `names no node of this variant ("${variant.entry}")`);
  else if (['region', 'zone', 'backup'].includes(entry.kind)) {
    add(
      `${at}.entry`,
      `must be a router, service, datastore, queue, object store or external, not a ${entry.kind}`,
    );
  }

  const seenPairs = new Map<string, number>();
  (variant.links ?? []).forEach((link, i) => {
    const path = `${at}.links[${i}]`;
    for (const end of ['a', 'b'] as const) {
      const node = byId.get(link[end]);
      if (!node) add(`${path}.${end}`, `names no node of this variant ("${link[end]}")`);
      else if (node.kind !== 'region')
        add(`${path}.${end}`, `must name a region, not a ${node.kind}`);
    }
    if (link.a === link.b) add(path, 'links a region to itself');
    if (
      link.availability !== undefined &&
      (link.mtbfHours !== undefined || link.mttrHours !== undefined)
    ) {
      add(path, 'give either availability or mtbfHours and mttrHours, not both');
    }
    const key = [link.a, link.b].sort().join('|');
    const first = seenPairs.get(key);
    if (first !== undefined)
      add(
        path,
        `duplicate link between "${link.a}" and "${link.b}" (first at ${at}.links[${first}])`,
      );
    else seenPairs.set(key, i);
  });

  const shares = Object.entries(variant.trafficShare ?? {});
  for (const [region] of shares) {
    if (byId.get(region)?.kind !== 'region') {
      add(`${at}.trafficShare.${region}`, `names no region of this variant ("${region}")`);
    }
  }
  const sum = shares.reduce((total, [, value]) => total + value, 0);
  if (shares.length > 0 && Math.abs(sum - 1) > 1e-6) {
    add(`${at}.trafficShare`, `shares must add up to 1 (they add up to ${round(sum)})`);
  }

  for (const key of Object.keys(variant.layout ?? {})) {
    if (!byId.has(key)) add(`${at}.layout.${key}`, `names no node of this variant ("${key}")`);
  }
  checkCommonCauses(variant, at, byId, add);
}

/** Kinds a common-cause event may affect: a zone outage is an event already, a backup serves no request. */
const NOT_AFFECTED = new Set(['zone', 'backup']);

function checkCommonCauses(
  variant: Variant,
  at: string,
  byId: Map<string, ModelNode>,
  add: Add,
): void {
  // A salvage after a schema problem (parse.ts) may have dropped a broken entry or field.
  const causes = (variant.commonCause ?? []).map((c) =>
    typeof c === 'object' && c !== null ? c : { id: '', affects: [] },
  );
  reportDuplicates(
    causes.map((c) => c.id),
    (i) => `${at}.commonCause[${i}].id`,
    'common-cause id',
    add,
  );
  causes.forEach((cause, ci) => {
    const affects: readonly string[] = Array.isArray(cause.affects) ? cause.affects : [];
    if (byId.has(`cause:${cause.id}`)) {
      add(
        `${at}.commonCause[${ci}].id`,
        `its event "cause:${cause.id}" has the name of a node of this variant: rename one`,
      );
    }
    affects.forEach((id, i) => {
      const path = `${at}.commonCause[${ci}].affects[${i}]`;
      const node = byId.get(id);
      if (!node) add(path, `names no node of this variant ("${id}")`);
      else if (NOT_AFFECTED.has(node.kind)) {
        add(
          path,
          `must name a region or a component, not a ${node.kind} (${node.kind === 'zone' ? 'a zone outage is an event of its own' : 'a backup serves no request'})`,
        );
      }
    });
    reportDuplicates(
      affects,
      (i) => `${at}.commonCause[${ci}].affects[${i}]`,
      'affected node',
      add,
    );
  });
}

function checkNode(node: ModelNode, path: string, byId: Map<string, ModelNode>, add: Add): void {
  if (
    node.availability !== undefined &&
    (node.mtbfHours !== undefined || node.mttrHours !== undefined)
  ) {
    add(path, 'give either availability or mtbfHours and mttrHours, not both');
  }
  const defaults = NODE_DEFAULTS[node.kind] as
    (typeof NODE_DEFAULTS)[keyof typeof NODE_DEFAULTS] | undefined;
  if (
    defaults &&
    !defaults.mtbfHours &&
    (node.mtbfHours === undefined) !== (node.mttrHours === undefined)
  ) {
    add(
      path,
      `${node.kind === 'external' || node.kind === 'objectStore' ? 'an' : 'a'} ${node.kind} has no default repair figures: give both mtbfHours and mttrHours`,
    );
  }
  const parent = node.parent === undefined ? undefined : byId.get(node.parent);
  if (node.parent !== undefined && !parent) {
    add(`${path}.parent`, `names no node of this variant ("${node.parent}")`);
  } else if (node.kind === 'region' && parent) {
    add(`${path}.parent`, 'a region cannot have a parent');
  } else if (node.kind === 'zone' && parent?.kind !== 'region') {
    add(
      `${path}.parent`,
      parent
        ? `a zone's parent must be a region, not a ${parent.kind}`
        : 'a zone needs a region as parent',
    );
  } else if (parent && node.kind !== 'zone' && !COMPONENT_PARENTS.has(parent.kind)) {
    add(
      `${path}.parent`,
      `a ${node.kind}'s parent must be a zone or a region, not a ${parent.kind}`,
    );
  }
  if (node.kind === 'router' && node.parent === undefined) {
    for (const field of ['instances', 'minHealthy', 'failoverSeconds'] as const) {
      if (node[field] !== undefined) {
        add(
          `${path}.${field}`,
          'only a router placed in a region or zone runs as instances of its own (a self-managed pair); a global router (DNS) is one service: put two routers behind a resolver-side router for redundant providers',
        );
      }
    }
  }
  if (
    node.kind === 'service' ||
    node.kind === 'datastore' ||
    node.kind === 'queue' ||
    node.kind === 'router'
  ) {
    const { instances, minHealthy } = tierSize(node);
    const maintenance = 'maintenance' in node ? node.maintenance : undefined;
    if (maintenance && (maintenance.windowMinutes / 60) * maintenance.perYear >= 8760) {
      add(
        `${path}.maintenance`,
        `${formatCount(maintenance.perYear, 'window')} of ${formatNumber(maintenance.windowMinutes)} minutes a year add up to a year or more: the node would never work`,
      );
    }
    if (minHealthy > instances) {
      add(`${path}.minHealthy`, `must be at most instances (${minHealthy} > ${instances})`);
    }
  }
}

function checkEdges(variant: Variant, at: string, byId: Map<string, ModelNode>, add: Add): void {
  const seen = new Map<string, number>();
  const dependsOut = new Map<string, string[]>();
  variant.edges.forEach((edge, i) => {
    const path = `${at}.edges[${i}]`;
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from) add(`${path}.from`, `names no node of this variant ("${edge.from}")`);
    if (!to) add(`${path}.to`, `names no node of this variant ("${edge.to}")`);
    if (edge.from === edge.to) add(path, 'an edge cannot join a node to itself');
    const key = `${edge.kind}:${edge.from}>${edge.to}`;
    const first = seen.get(key);
    if (first !== undefined) add(path, `duplicate edge (first at ${at}.edges[${first}])`);
    else seen.set(key, i);
    if (edge.kind !== 'replicates') {
      for (const field of ['failover', 'failoverSeconds'] as const) {
        if (edge[field] !== undefined) {
          add(`${path}.${field}`, `only a replicates edge says how its standby is promoted`);
        }
      }
    }
    if (!from || !to) return;
    if (edge.kind === 'depends') {
      for (const [end, node] of [
        ['from', from],
        ['to', to],
      ] as const) {
        if (node.kind === 'region' || node.kind === 'zone' || node.kind === 'backup') {
          add(`${path}.${end}`, `a ${node.kind} cannot take part in a depends edge`);
        }
      }
      const targets = dependsOut.get(edge.from);
      if (targets) targets.push(edge.to);
      else dependsOut.set(edge.from, [edge.to]);
    } else if (edge.kind === 'replicates') {
      if (from.kind !== 'datastore' || to.kind !== 'datastore') {
        add(path, 'replicates edges join two datastores');
      }
    } else if (from.kind !== 'backup' || to.kind !== 'datastore') {
      add(path, 'backs-up edges go from a backup to a datastore');
    }
  });

  const cycle = findCycle(
    variant.nodes.map((n) => n.id),
    dependsOut,
  );
  if (cycle) {
    const index = variant.edges.findIndex(
      (e) => e.kind === 'depends' && e.from === cycle[0] && e.to === cycle[1],
    );
    add(`${at}.edges[${index}]`, `dependency cycle: ${cycleText(cycle)}`);
  }

  variant.nodes.forEach((node, i) => {
    if (node.kind !== 'router' || node.minTargets === undefined) return;
    const targets = dependsOut.get(node.id)?.length ?? 0;
    if (node.minTargets > targets) {
      add(`${at}.nodes[${i}].minTargets`, `must be at most the router's ${targets} target(s)`);
    }
  });
}

/** Ids of a long cycle shown before and after the ones left out. */
const CYCLE_ENDS = 4;

/**
 * A closed cycle (first = last) as `a → b → c → a`; a long one shows its first and last
 * {@link CYCLE_ENDS} steps and how many are left out between, so that a message stays one line.
 */
export function cycleText(cycle: readonly string[]): string {
  if (cycle.length <= 3 * CYCLE_ENDS) return cycle.join(' → ');
  const left = cycle.length - 2 * CYCLE_ENDS;
  return [
    ...cycle.slice(0, CYCLE_ENDS),
    `… (${left} more) …`,
    ...cycle.slice(cycle.length - CYCLE_ENDS),
  ].join(' → ');
}

/**
 * Returns one cycle of the `depends` graph as a closed id list (first = last), or undefined.
 * A depth-first search with an explicit stack (no recursion), so that a chain of any length
 * the file can hold is checked without overflowing the call stack; the cycle found is the one
 * the recursive search would find (successors in list order, roots in `ids` order).
 */
export function findCycle(
  ids: readonly string[],
  out: ReadonlyMap<string, readonly string[]>,
): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  /** The open path: each node with the index of its next successor to look at. */
  const path: { id: string; next: number }[] = [];
  /** Position of each open node on `path`. */
  const onPath = new Map<string, number>();
  for (const root of ids) {
    if (state.has(root)) continue;
    state.set(root, 'open');
    onPath.set(root, 0);
    path.push({ id: root, next: 0 });
    while (path.length > 0) {
      const top = path[path.length - 1] as { id: string; next: number };
      const successors = out.get(top.id) ?? [];
      if (top.next >= successors.length) {
        path.pop();
        onPath.delete(top.id);
        state.set(top.id, 'done');
        continue;
      }
      const next = successors[top.next] as string;
      top.next += 1;
      const s = state.get(next);
      if (s === 'open') {
        return [...path.slice(onPath.get(next)).map((p) => p.id), next];
      }
      if (s === undefined) {
        state.set(next, 'open');
        onPath.set(next, path.length);
        path.push({ id: next, next: 0 });
      }
    }
  }
  return undefined;
}

function checkDocumentReferences(doc: NinesDocument, add: Add): void {
  const nodesEverywhere = new Map<string, ModelNode[]>();
  for (const variant of doc.variants) {
    for (const node of variant.nodes) {
      const same = nodesEverywhere.get(node.id);
      if (same) same.push(node);
      else nodesEverywhere.set(node.id, [node]);
    }
  }
  const isRegionSomewhere = (id: string): boolean =>
    (nodesEverywhere.get(id) ?? []).some((n) => n.kind === 'region');

  const shares = doc.workload?.trafficShare ?? {};
  let total = 0;
  for (const [region, value] of Object.entries(shares)) {
    total += value;
    if (!isRegionSomewhere(region)) {
      add(`workload.trafficShare.${region}`, `names no region of any variant ("${region}")`);
    }
  }
  if (Object.keys(shares).length > 0 && Math.abs(total - 1) > 1e-6) {
    add('workload.trafficShare', `shares must add up to 1 (they add up to ${round(total)})`);
  }

  const scenarios = doc.scenarios ?? [];
  reportDuplicates(
    scenarios.map((s) => s.id),
    (i) => `scenarios[${i}].id`,
    'scenario id',
    add,
  );
  scenarios.forEach((scenario, si) => {
    const at = `scenarios[${si}]`;
    (scenario.fail ?? []).forEach((target, i) => {
      const [nodeId = '', instance] = target.split('#');
      const found = nodesEverywhere.get(nodeId);
      if (!found) {
        add(`${at}.fail[${i}]`, `names no node of any variant ("${target}")`);
      } else if (instance !== undefined) {
        const index = Number(instance);
        const max = found.reduce(
          (most, n) => Math.max(most, 'instances' in n ? (n.instances ?? 1) : 1),
          1,
        );
        if (!/^\d+$/.test(instance) || index >= max) {
          add(
            `${at}.fail[${i}]`,
            `"${target}" is not an instance of "${nodeId}" (instances are #0 to #${max - 1})`,
          );
        }
      }
    });
    (scenario.partition ?? []).forEach((pair, i) => {
      pair.forEach((region, j) => {
        if (!isRegionSomewhere(region)) {
          add(`${at}.partition[${i}][${j}]`, `names no region of any variant ("${region}")`);
        }
      });
      if (pair[0] === pair[1]) add(`${at}.partition[${i}]`, 'partitions a region from itself');
    });
    if (scenario.shift) {
      for (const end of ['from', 'to'] as const) {
        const region = scenario.shift[end];
        if (region !== undefined && !isRegionSomewhere(region)) {
          add(`${at}.shift.${end}`, `names no region of any variant ("${region}")`);
        }
      }
    }
    (scenario.commonCause ?? []).forEach((cause, i) => {
      if (!doc.variants.some((v) => (v.commonCause ?? []).some((c) => c?.id === cause))) {
        add(`${at}.commonCause[${i}]`, `names no common-cause event of any variant ("${cause}")`);
      }
    });
    (scenario.corrupt ?? []).forEach((target, i) => {
      const found = nodesEverywhere.get(target);
      if (!found) add(`${at}.corrupt[${i}]`, `names no node of any variant ("${target}")`);
      else if (!found.some((n) => n.kind === 'datastore')) {
        add(`${at}.corrupt[${i}]`, `must name a datastore ("${target}" is a ${found[0]?.kind})`);
      }
    });
  });
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
