/** Finding nodes of a variant by what a person types: part of a name or of an id. */
import type { ModelNode, Variant } from '../../../shared/model/types';

/** A node that matches, with how well (lower is better). */
export interface NodeMatch {
  readonly node: ModelNode;
  /** 0: the whole name or id; 1: the start of it or of one of its words; 2: inside it. */
  readonly rank: 0 | 1 | 2;
}

/** Text folded for comparison: lower case, accents dropped (`Zürich` finds `zurich`). */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function rankOf(text: string, query: string): 0 | 1 | 2 | undefined {
  const folded = fold(text);
  if (folded === query) return 0;
  let rank: 1 | 2 | undefined;
  for (let at = folded.indexOf(query); at >= 0; at = folded.indexOf(query, at + 1)) {
    if (at === 0 || /[^\p{L}\p{N}]/u.test(folded[at - 1] ?? '')) return 1;
    rank = 2;
  }
  return rank;
}

/**
 * The nodes of `variant` whose name or id contains `query` (case and accents ignored, blanks at
 * either end trimmed): exact matches first, then a match at the start of the text or of a word,
 * then the rest, each group in the variant's order. An empty query finds nothing.
 */
export function findNodes(variant: Variant, query: string): NodeMatch[] {
  const wanted = fold(query.trim());
  if (wanted === '') return [];
  const matches: NodeMatch[] = [];
  for (const node of variant.nodes) {
    const ranks = [rankOf(node.id, wanted), node.name ? rankOf(node.name, wanted) : undefined];
    const found = ranks.filter((r): r is 0 | 1 | 2 => r !== undefined);
    if (found.length > 0) matches.push({ node, rank: Math.min(...found) as 0 | 1 | 2 });
  }
  // Array.prototype.sort is stable: equal ranks keep the variant's order.
  return matches.sort((a, b) => a.rank - b.rank);
}
