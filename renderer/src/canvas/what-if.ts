/**
 * What-if questions asked on the canvas: the failure scenarios a node (or a cross-region edge)
 * can be put through, as scenarios of the `nines/1` format that the engine runs without their
 * being in the document. Keeping one adds it to the document's scenarios.
 */
import { freshId } from '../../../shared/model/ops/ids';
import { regionTrafficShares } from '../../../shared/model/traffic';
import type { ModelNode, NinesDocument, Scenario, Variant } from '../../../shared/model/types';
import { displayName } from './describe';

/**
 * The id of the what-if scenario while it is only asked. Parentheses are not allowed in the
 * ids of a file, so it never meets a scenario of the document.
 */
export const WHAT_IF_ID = '(what-if)';

/** One question of the canvas menu: its label and the scenario that answers it. */
export interface WhatIfChoice {
  readonly label: string;
  readonly scenario: Scenario;
  /** The stem of the scenario's id once it is kept in the document (`zone-outage-2`). */
  readonly stem: string;
}

function choice(label: string, stem: string, name: string, rest: Omit<Scenario, 'id' | 'name'>) {
  return { label, stem, scenario: { id: WHAT_IF_ID, name, ...rest } } satisfies WhatIfChoice;
}

/**
 * The questions the menu of node `nodeId` offers: a zone or a region fails; a region is cut off
 * from each other region, or its users move to another one (when it has users); a component
 * fails with all its instances; a datastore's data is corrupted; and each common cause of the
 * variant that affects the node happens. Empty for an unknown node.
 */
export function whatIfChoicesForNode(
  doc: NinesDocument,
  variant: Variant,
  nodeId: string,
): WhatIfChoice[] {
  const node = variant.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  return [...nodeChoices(doc, variant, node), ...commonCauseChoices(variant, node)];
}

/** The common causes of `variant` that affect `node` (or the region it sits in), as questions. */
function commonCauseChoices(variant: Variant, node: ModelNode): WhatIfChoice[] {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const holders = new Set<string>();
  for (let at: ModelNode | undefined = node; at && !holders.has(at.id);) {
    holders.add(at.id);
    at = at.parent === undefined ? undefined : byId.get(at.parent);
  }
  return (variant.commonCause ?? [])
    .filter((c) => c.affects.some((id) => holders.has(id)))
    .map((c) =>
      choice(`Common cause: ${c.name}`, 'common-cause', `${c.name} happens`, {
        commonCause: [c.id],
      }),
    );
}

function nodeChoices(doc: NinesDocument, variant: Variant, node: ModelNode): WhatIfChoice[] {
  const name = displayName(node);
  if (node.kind === 'zone') {
    return [choice(`Zone outage: ${name}`, 'zone-outage', `${name} fails`, { fail: [node.id] })];
  }
  if (node.kind === 'region') {
    const others = variant.nodes.filter((n) => n.kind === 'region' && n.id !== node.id);
    const hasUsers = (regionTrafficShares(doc, variant).get(node.id) ?? 0) > 0;
    return [
      choice(`Region outage: ${name}`, 'region-outage', `${name} fails`, { fail: [node.id] }),
      ...others.map((other) => partitionChoice(node.id, name, other.id, displayName(other))),
      ...(hasUsers
        ? others.map((other) =>
            choice(
              `Shift ${name}'s users to ${displayName(other)}`,
              'traffic-shift',
              `${name}'s users move to ${displayName(other)}`,
              { shift: { from: node.id, to: other.id, share: 1 } },
            ),
          )
        : []),
    ];
  }
  return [
    choice(`${name} fails`, 'outage', `${name} fails`, { fail: [node.id] }),
    ...(node.kind === 'datastore'
      ? [
          choice(`Data corrupted in ${name}`, 'corruption', `Data corrupted in ${name}`, {
            corrupt: [node.id],
          }),
        ]
      : []),
  ];
}

/**
 * The questions the menu of an edge offers: a dependency between two regions can lose their
 * link (a partition). Empty for any other edge.
 */
export function whatIfChoicesForEdge(variant: Variant, from: string, to: string): WhatIfChoice[] {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const regionOf = (id: string): string | undefined => {
    let node = byId.get(id);
    while (node && node.kind !== 'region') node = node.parent ? byId.get(node.parent) : undefined;
    return node?.id;
  };
  const a = regionOf(from);
  const b = regionOf(to);
  const regionA = a === undefined ? undefined : byId.get(a);
  const regionB = b === undefined ? undefined : byId.get(b);
  if (!regionA || !regionB || regionA.id === regionB.id) return [];
  return [partitionChoice(regionA.id, displayName(regionA), regionB.id, displayName(regionB))];
}

function partitionChoice(a: string, nameA: string, b: string, nameB: string): WhatIfChoice {
  return choice(
    `Partition: ${nameA} ↔ ${nameB}`,
    'split-brain',
    `${nameA} and ${nameB} are cut off from each other`,
    { partition: [[a, b]] },
  );
}

/** `whatIf` as a scenario of `doc`, with an id none of its scenarios has. */
export function keptScenario(doc: NinesDocument, whatIf: WhatIfChoice): Scenario {
  const used = new Set((doc.scenarios ?? []).map((s) => s.id));
  return { ...whatIf.scenario, id: freshId(whatIf.stem, used) };
}
