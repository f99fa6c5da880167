/**
 * The advisor's fixes as pure document operations: each `FixOp` is a serialisable description
 * (the app keeps it in a finding, previews it and applies it as one undoable step) and
 * `applyFix` turns it into a new document, leaving the given one untouched. Every operation
 * keeps the document valid: ids stay unique, edges stay unrepeated, layout keys name nodes.
 * See docs/advisor.md for which finding proposes which operation.
 * This module is the door of the fixes (code elsewhere imports them from here); the operations
 * are in `fix-op.ts`, the edits they are made of in `fix-edits.ts`, and the common-cause and
 * DNS fixes in `fix-common-cause.ts` and `fix-dns-provider.ts`.
 */
import { NODE_DEFAULTS } from '../defaults';
import type {
  BackupNode,
  DatastoreNode,
  Edge,
  ModelNode,
  NinesDocument,
  Position,
  Variant,
} from '../types';
import { stageCommonCause } from './fix-common-cause';
import { addDnsProvider } from './fix-dns-provider';
import {
  besideAnchor,
  findNode,
  nodeOfKind,
  replaceNode,
  retarget,
  setLink,
  tierNode,
  unusedId,
  withEdges,
  withLayoutInParent,
  withNode,
} from './fix-edits';
import type { FixOp } from './fix-op';

export type { FixOp } from './fix-op';
export { causeRegions } from './fix-common-cause';
export { RESOLVER_RETRY_SECONDS } from './fix-dns-provider';

/**
 * Applies `op` to variant `variantId` of `doc` and returns the new document. Throws when the op
 * names a variant or node that does not exist, or a node of the wrong kind (the op is stale:
 * a programmer error, since ops come from `advise` on the same document).
 */
export function applyFix(doc: NinesDocument, variantId: string, op: FixOp): NinesDocument {
  const variant = doc.variants.find((v) => v.id === variantId);
  if (!variant) throw new Error(`applyFix: no variant "${variantId}"`);
  const next = applyToVariant(doc, variant, op);
  return { ...doc, variants: doc.variants.map((v) => (v === variant ? next : v)) };
}

function applyToVariant(doc: NinesDocument, variant: Variant, op: FixOp): Variant {
  switch (op.kind) {
    case 'spread-tier': {
      const node = tierNode(variant, op.nodeId);
      nodeOfKind(variant, op.regionId, 'region');
      const moved = { ...node, parent: op.regionId, instances: op.instances };
      return withLayoutInParent(replaceNode(variant, moved), node, op.regionId);
    }
    case 'scale-tier':
      return replaceNode(variant, { ...tierNode(variant, op.nodeId), instances: op.instances });
    case 'use-local-member': {
      nodeOfKind(variant, op.memberId, 'datastore');
      return retarget(variant, op.consumerId, op.dependencyId, op.memberId);
    }
    case 'add-local-copy':
      return addLocalCopy(doc, variant, op);
    case 'set-async':
      return op.nodeIds.reduce(
        (v, id) => replaceNode(v, { ...nodeOfKind(v, id, 'datastore'), sync: false }),
        variant,
      );
    case 'set-link-bandwidth':
      return setLink(variant, op.a, op.b, { bandwidthMbps: op.bandwidthMbps });
    case 'add-backup':
      return addBackup(variant, op);
    case 'set-backup-interval':
      return replaceNode(variant, {
        ...nodeOfKind(variant, op.backupId, 'backup'),
        intervalSeconds: op.intervalSeconds,
      });
    case 'set-restore-throughput':
      return replaceNode(variant, {
        ...nodeOfKind(variant, op.backupId, 'backup'),
        restoreThroughputMBps: op.restoreThroughputMBps,
      });
    case 'set-witness':
      return replaceNode(variant, {
        ...nodeOfKind(variant, op.nodeId, 'datastore'),
        witness: true,
      });
    case 'set-auto-failover':
      return op.nodeIds.reduce(
        (v, id) => replaceNode(v, { ...nodeOfKind(v, id, 'datastore'), autoFailover: true }),
        variant,
      );
    case 'stage-common-cause':
      return stageCommonCause(variant, op.causeId);
    case 'roll-maintenance': {
      const node = tierNode(variant, op.nodeId);
      if (!node.maintenance) throw new Error(`applyFix: "${op.nodeId}" has no maintenance`);
      return replaceNode(variant, {
        ...node,
        instances: op.instances,
        maintenance: { ...node.maintenance, rolling: true },
      });
    }
    case 'add-dns-provider':
      return addDnsProvider(doc, variant, op);
  }
}

function addBackup(variant: Variant, op: Extract<FixOp, { kind: 'add-backup' }>): Variant {
  const store = nodeOfKind(variant, op.datastoreId, 'datastore');
  if (op.regionId !== undefined) nodeOfKind(variant, op.regionId, 'region');
  if (variant.nodes.some((n) => n.id === op.backupId)) {
    throw new Error(`applyFix: a node "${op.backupId}" already exists`);
  }
  const defaults = NODE_DEFAULTS.backup;
  const backup: BackupNode = {
    id: op.backupId,
    kind: 'backup',
    name: `Backup of ${store.name ?? store.id}`,
    ...(op.regionId === undefined ? {} : { parent: op.regionId }),
    intervalSeconds: op.intervalSeconds ?? (defaults.intervalSeconds?.value as number),
    retentionDays: defaults.retentionDays?.value as number,
  };
  const added = withNode(variant, backup, besideAnchor(variant, store, op.regionId));
  return withEdges(added, [{ from: backup.id, to: store.id, kind: 'backs-up' }]);
}

function addLocalCopy(
  doc: NinesDocument,
  variant: Variant,
  op: Extract<FixOp, { kind: 'add-local-copy' }>,
): Variant {
  const original = findNode(variant, op.dependencyId);
  nodeOfKind(variant, op.regionId, 'region');
  if (
    variant.nodes.some((n) => n.id === op.newId) ||
    unusedId(doc, variant, op.newId) !== op.newId
  ) {
    throw new Error(`applyFix: a node "${op.newId}" already exists`);
  }
  let source: ModelNode = original;
  let copy: ModelNode = { ...original, id: op.newId, parent: op.regionId };
  if (original.kind === 'datastore') {
    const mode = original.replication ?? 'none';
    // A lone datastore becomes the primary of a group whose local replica is the copy.
    const replicated: DatastoreNode =
      mode === 'none' ? { ...original, replication: 'primary-replica', role: 'primary' } : original;
    source = replicated;
    copy = {
      ...replicated,
      id: op.newId,
      parent: op.regionId,
      ...(replicated.replication === 'active-active' ? {} : { role: 'standby' as const }),
    };
  }
  const withCopy = withNode(
    replaceNode(variant, source),
    copy,
    variant.layout?.[original.id] ? { ...(variant.layout[original.id] as Position) } : undefined,
  );
  const ownDeps = variant.edges
    .filter((e) => e.kind === 'depends' && e.from === original.id)
    .map((e) => ({ ...e, from: op.newId }));
  const replicates: Edge[] =
    original.kind === 'datastore' ? [{ from: original.id, to: op.newId, kind: 'replicates' }] : [];
  const linked = withEdges(withCopy, [...ownDeps, ...replicates]);
  return retarget(linked, op.consumerId, op.dependencyId, op.newId);
}

/** A fresh id for a node the advisor would add: `stem`, else `stem-2`, `stem-3`, … */
export function freshFixId(doc: NinesDocument, variantId: string, stem: string): string {
  const variant = doc.variants.find((v) => v.id === variantId);
  if (!variant) throw new Error(`freshFixId: no variant "${variantId}"`);
  return unusedId(doc, variant, stem);
}
