/**
 * What Chaos Mesh and LitmusChaos share: pods are found by the `nines.io/node` label, object
 * names and label values follow Kubernetes' rules, and the documents are YAML.
 */
import { stringify } from 'yaml';
import type { ModelNode, Variant } from '../model/types';
import { tiersIn } from './plan';
import { NODE_LABEL, type Fault } from './types';

/** Longest label value and object name the export writes (Kubernetes: 63 characters). */
const K8S_NAME_MAX = 63;

/**
 * A node id as a label value: Kubernetes allows letters, digits, `-`, `_` and `.`, so a `:` becomes
 * `_` (the README says so); at most 63 characters.
 */
export function labelValue(id: string): string {
  return id.replace(/:/g, '_').slice(0, K8S_NAME_MAX);
}

/** An object name (DNS-1123 label): lower case, `-` for anything else, at most 63 characters. */
export function objectName(parts: readonly string[]): string {
  const name = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, K8S_NAME_MAX)
    .replace(/^-+|-+$/g, '');
  return name === '' ? 'nines' : name;
}

/** The pods a fault reaches: the label values of its tiers, and the zone they must sit in. */
export function faultPods(
  variant: Variant,
  fault: Exclude<Fault, { kind: 'partition' }>,
): { nodes: ModelNode[]; zone?: string; zoneId?: string; one: boolean } {
  switch (fault.kind) {
    case 'zone':
      return {
        nodes: tiersIn(variant, fault.region, fault.zone),
        zone: fault.zone.location ?? fault.zone.id,
        zoneId: fault.zone.id,
        one: false,
      };
    case 'region':
      return { nodes: tiersIn(variant, fault.region), one: false };
    case 'component':
      return { nodes: [fault.node], one: false };
    case 'instance':
      return { nodes: [fault.node], one: true };
  }
}

/** A Chaos Mesh selector for pods labelled with any of `nodes`. */
export function podSelector(nodes: readonly ModelNode[]): Record<string, unknown> {
  return {
    expressionSelectors: [
      { key: NODE_LABEL, operator: 'In', values: nodes.map((n) => labelValue(n.id)) },
    ],
  };
}

/** Several Kubernetes objects as one multi-document YAML text. */
export function yamlDocuments(objects: readonly unknown[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}
