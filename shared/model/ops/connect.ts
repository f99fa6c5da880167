/**
 * Drawing edges: `canConnect` says whether an edge may be drawn (and why not), `connect` adds it.
 */
import type { Edge, EdgeKind, NinesDocument, Variant } from '../types';
import { variantOf, withVariant } from './variant-utils';

/** Whether an edge may be drawn, and when not, why (one sentence for a tooltip). */
export type ConnectCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const NOT_IN_REQUEST_FLOW = new Set(['region', 'zone', 'backup']);

/**
 * Checks an edge of `kind` from `from` to `to` in `variant`: both nodes exist, it joins two
 * different nodes, it is not there already; `depends` joins components (not regions, zones or
 * backups) and never closes a cycle; `replicates` joins two datastores (once per pair, either
 * direction); `backs-up` runs from a backup to a datastore.
 */
export function canConnect(
  variant: Variant,
  from: string,
  to: string,
  kind: EdgeKind,
): ConnectCheck {
  const a = variant.nodes.find((n) => n.id === from);
  const b = variant.nodes.find((n) => n.id === to);
  if (!a || !b) return { ok: false, reason: 'Both ends must be nodes of this variant.' };
  if (from === to) return { ok: false, reason: 'A node cannot be joined to itself.' };
  const isSame = (e: Edge) => e.kind === kind && e.from === from && e.to === to;
  if (variant.edges.some(isSame)) return { ok: false, reason: 'These two are already joined.' };
  switch (kind) {
    case 'depends':
      if (NOT_IN_REQUEST_FLOW.has(a.kind) || NOT_IN_REQUEST_FLOW.has(b.kind)) {
        return {
          ok: false,
          reason: 'Dependencies join components; regions, zones and backups take no part.',
        };
      }
      if (reaches(variant, to, from)) {
        return { ok: false, reason: `${to} already depends on ${from}: this would close a cycle.` };
      }
      return { ok: true };
    case 'replicates':
      if (a.kind !== 'datastore' || b.kind !== 'datastore') {
        return { ok: false, reason: 'Replication joins two datastores.' };
      }
      if (variant.edges.some((e) => e.kind === 'replicates' && e.from === to && e.to === from)) {
        return { ok: false, reason: 'These two already replicate.' };
      }
      return { ok: true };
    case 'backs-up':
      if (a.kind !== 'backup' || b.kind !== 'datastore') {
        return { ok: false, reason: 'A backup protects a datastore.' };
      }
      return { ok: true };
  }
}

/**
 * The kind of edge a drag from `from` to `to` draws: replication between two datastores, a
 * backup's protection of a datastore, else a dependency.
 */
export function edgeKindFor(variant: Variant, from: string, to: string): EdgeKind {
  const kindOf = (id: string) => variant.nodes.find((n) => n.id === id)?.kind;
  const a = kindOf(from);
  const b = kindOf(to);
  if (a === 'backup' && b === 'datastore') return 'backs-up';
  if (a === 'datastore' && b === 'datastore') return 'replicates';
  return 'depends';
}

/** True when `from` reaches `to` along `depends` edges (or is `to`). */
function reaches(variant: Variant, from: string, to: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of variant.edges) {
    if (e.kind === 'depends') out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  }
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(out.get(id) ?? []));
  }
  return false;
}

/**
 * Adds the edge when `canConnect` allows it (else returns `doc` unchanged). A `depends` edge
 * drawn into the entry from a node nothing depends on puts that node in front: it becomes the
 * entry, as a router drawn in front of a service would be.
 */
export function connect(
  doc: NinesDocument,
  variantId: string,
  from: string,
  to: string,
  kind: EdgeKind,
): NinesDocument {
  const variant = variantOf(doc, variantId);
  if (!canConnect(variant, from, to, kind).ok) return doc;
  return withVariant(doc, variantId, (v) => {
    const edges = [...v.edges, { from, to, kind }];
    const isFront =
      kind === 'depends' &&
      to === v.entry &&
      !v.edges.some((e) => e.kind === 'depends' && e.to === from);
    return { ...v, edges, ...(isFront ? { entry: from } : {}) };
  });
}
