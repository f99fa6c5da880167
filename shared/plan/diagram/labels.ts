/**
 * What a card says: the name a reader sees, the kind line above it and the one-line detail
 * below it, wrapped to the card's width with ` · `-separated parts held together.
 */
import type { ModelNode, Variant } from '../../model/types';
import { tierSize } from '../../model/nodes';
import { fitText, textWidth } from '../drawing';
import { formatCount, formatGiB, formatInterval, formatNumber, withUnit } from '../../text';
import { KIND_LABEL } from './theme';

/** The name a reader sees for a node: its name, else its id. */
export function displayName(node: ModelNode): string {
  return node.name ?? node.id;
}

/**
 * The one-line detail printed under a component's name, e.g. `6 × m7i.large · 3 needed` for a
 * tier, `1 of 3 targets` for a router, `every 1 d · kept 7 d` for a backup.
 */
export function componentDetail(node: ModelNode, variant: Variant): string {
  switch (node.kind) {
    case 'service':
    case 'datastore':
    case 'queue': {
      const { instances, minHealthy } = tierSize(node);
      const what = node.instanceType ? `${instances} × ${node.instanceType}` : `${instances} ×`;
      return `${what} · ${minHealthy} needed`;
    }
    case 'router': {
      const targets = variant.edges.filter((e) => e.kind === 'depends' && e.from === node.id);
      return `${node.minTargets ?? 1} of ${formatCount(targets.length, 'target')}`;
    }
    case 'backup': {
      const parts = [];
      if (node.intervalSeconds !== undefined)
        parts.push(`every ${formatInterval(node.intervalSeconds)}`);
      if (node.retentionDays !== undefined)
        parts.push(`kept ${withUnit(formatNumber(node.retentionDays), 'd')}`);
      return parts.join(' · ');
    }
    case 'objectStore':
      return node.storageGiB !== undefined ? formatGiB(node.storageGiB) : '';
    case 'external':
      return node.vendor ?? '';
    case 'region':
    case 'zone':
      return '';
  }
}

/** The small line above a component's name: its kind, and for a data tier how it replicates. */
export function kindLine(node: ModelNode): string {
  if (node.kind === 'datastore') {
    const parts: string[] = [KIND_LABEL.datastore];
    if (node.engine) parts.push(node.engine);
    if (node.replication && node.replication !== 'none') {
      parts.push(`${node.replication}${node.sync ? ' sync' : node.sync === false ? ' async' : ''}`);
    }
    return parts.join(' · ');
  }
  if (node.kind === 'router') return node.parent ? 'Load balancer' : 'Global router';
  return KIND_LABEL[node.kind];
}

/**
 * `value` broken at spaces into at most `maxLines` lines of at most `maxWidth` points, the last
 * line shortened with an ellipsis when the text does not fit; no lines for empty text.
 */
export function wrapText(
  value: string,
  maxWidth: number,
  size: number,
  isBold: boolean,
  maxLines: number,
): string[] {
  if (value === '' || maxLines < 1) return [];
  const lines: string[] = [];
  let rest = value.split(' ');
  while (rest.length > 0 && lines.length < maxLines - 1) {
    let take = rest.length;
    while (take > 1 && textWidth(rest.slice(0, take).join(' '), size, isBold) > maxWidth) take -= 1;
    if (take === rest.length) break;
    lines.push(rest.slice(0, take).join(' '));
    rest = rest.slice(take);
  }
  if (rest.length > 0) lines.push(fitText(rest.join(' '), maxWidth, size, isBold));
  return lines;
}

/** A detail with its ` · `-separated parts held together, so that it wraps between parts. */
export function keepParts(detail: string): string {
  return detail
    .split(' · ')
    .map((part) => part.replace(/ /g, '\u00a0'))
    .join(' · ');
}
