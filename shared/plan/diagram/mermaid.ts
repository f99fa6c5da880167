/** The topology as a Mermaid flowchart, for the Markdown plan. */
import type { ModelNode, Variant } from '../../model/types';
import { componentDetail, displayName } from './labels';

/** Mermaid node id for a model id (Mermaid ids allow letters, digits and `_`). */
export function mermaidId(id: string): string {
  return `n_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

function mermaidLabel(value: string): string {
  // Inside a quoted Mermaid label only `"` needs escaping, as an HTML entity.
  return value.replace(/"/g, '#quot;');
}

/**
 * The topology of `variant` as a Mermaid `flowchart LR`: a subgraph per region and per zone
 * inside it, a node per component labelled with its name and detail, `-->` for `depends`,
 * `-.-` for `replicates`, `-.->` for `backs-up`. Built from the model, not from the drawing.
 */
export function toMermaid(variant: Variant): string {
  const lines = ['flowchart LR'];
  const childrenOf = (id: string | undefined) => variant.nodes.filter((n) => n.parent === id);
  const isContainerId = new Set(
    variant.nodes.filter((n) => n.kind === 'region' || n.kind === 'zone').map((n) => n.id),
  );
  const emit = (node: ModelNode, indent: string) => {
    if (node.kind === 'region' || node.kind === 'zone') {
      const where = node.kind === 'region' ? [node.provider, node.location] : [node.location];
      const suffix = where.filter(Boolean).join(' · ');
      const label = suffix ? `${displayName(node)} (${suffix})` : displayName(node);
      lines.push(`${indent}subgraph ${mermaidId(node.id)}["${mermaidLabel(label)}"]`);
      for (const child of childrenOf(node.id)) emit(child, `${indent}  `);
      lines.push(`${indent}end`);
      return;
    }
    const detail = componentDetail(node, variant);
    const label = detail ? `${displayName(node)}<br/>${detail}` : displayName(node);
    lines.push(`${indent}${mermaidId(node.id)}["${mermaidLabel(label)}"]`);
  };
  // Top level: nodes without a parent, and nodes whose parent is not a container.
  for (const node of variant.nodes) {
    if (!node.parent || !isContainerId.has(node.parent)) emit(node, '  ');
  }
  const arrow = { depends: '-->', replicates: '-.-', 'backs-up': '-.->' } as const;
  for (const edge of variant.edges) {
    lines.push(`  ${mermaidId(edge.from)} ${arrow[edge.kind]} ${mermaidId(edge.to)}`);
  }
  return lines.join('\n');
}
