/**
 * Which variants of a document an analysis runs on: all of them, or the one `--variant` names;
 * a name that matches none is an `unknown-variant` error listing the variants there are. Every
 * analysis (evaluate, simulate, advise) reads it here.
 */
import type { NinesDocument, Variant } from '../model/types';
import type { EngineIssue } from './types';

/** The variants `variantId` selects (all when undefined), and the issue when it names none. */
export function selectVariants(
  doc: NinesDocument,
  variantId: string | undefined,
): { variants: readonly Variant[]; issues: EngineIssue[] } {
  const variants =
    variantId === undefined ? doc.variants : doc.variants.filter((v) => v.id === variantId);
  if (variants.length > 0 || variantId === undefined) return { variants, issues: [] };
  return { variants, issues: [unknownVariant(doc, variantId)] };
}

/** The error for a variant id that names no variant of `doc`. */
export function unknownVariant(doc: NinesDocument, variantId: string): EngineIssue {
  return {
    code: 'unknown-variant',
    severity: 'error',
    nodeIds: [],
    message: `no variant "${variantId}" (variants: ${doc.variants.map((v) => v.id).join(', ')})`,
  };
}
