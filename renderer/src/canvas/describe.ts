/** The short texts a node shows on the canvas, from the model and the documented defaults. */
import { nodeDefault } from '../../../shared/model/defaults';
import { tierSize } from '../../../shared/model/nodes';
import type { ModelNode, NodeKind } from '../../../shared/model/types';
import { KIND_META } from './kind-meta';
import {
  formatCount,
  formatGiB,
  formatInterval,
  formatNumber,
  withUnit,
} from '../../../shared/text';

function numberOr(kind: NodeKind, field: string, value: number | undefined): number {
  const fallback = nodeDefault(kind, field)?.value;
  return value ?? (typeof fallback === 'number' ? fallback : 0);
}

/** The name to show: the node's name, else its id. */
export function displayName(node: ModelNode): string {
  return node.name ?? node.id;
}

/** The small tag at a card's corner: the datastore engine when known, else the kind. */
export function kindTag(node: ModelNode): string {
  if (node.kind === 'datastore' && node.engine) return node.engine;
  return KIND_META[node.kind].label;
}

/** A region's caption, provider and location: `AWS · us-east-1`. */
export function regionCaption(node: ModelNode): string {
  if (node.kind !== 'region') return '';
  return [node.provider?.toUpperCase(), node.location].filter(Boolean).join(' · ');
}

/**
 * The line under a component's name: `6 × m7i.large · 3 needed` for a tier, the health check
 * (and DNS TTL) for a router, the schedule for a backup, the vendor for an external service.
 */
export function componentDetail(node: ModelNode): string {
  switch (node.kind) {
    case 'service':
    case 'datastore':
    case 'queue': {
      const { instances, minHealthy } = tierSize(node);
      const size = node.instanceType
        ? `${instances} × ${node.instanceType}`
        : formatCount(instances, 'instance');
      return `${size} · ${minHealthy} needed`;
    }
    case 'router': {
      const check = numberOr('router', 'healthCheckSeconds', node.healthCheckSeconds);
      const threshold = numberOr('router', 'failureThreshold', node.failureThreshold);
      const ttl = numberOr('router', 'dnsTtlSeconds', node.dnsTtlSeconds);
      const probe = `check ${formatInterval(check)} × ${threshold}`;
      return ttl > 0 ? `DNS, TTL ${formatInterval(ttl)} · ${probe}` : `load balancer · ${probe}`;
    }
    case 'backup': {
      const every = numberOr('backup', 'intervalSeconds', node.intervalSeconds);
      const kept = numberOr('backup', 'retentionDays', node.retentionDays);
      return `every ${formatInterval(every)} · kept ${withUnit(formatNumber(kept), 'd')}`;
    }
    case 'objectStore':
      return node.storageGiB === undefined
        ? 'managed storage'
        : `${formatGiB(node.storageGiB)} stored`;
    case 'external':
      return node.vendor ?? 'third-party service';
    case 'region':
    case 'zone':
      return '';
  }
}
