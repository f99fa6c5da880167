/**
 * The outcome of an edit that can be refused: the new document, or the reason in one sentence
 * (the schema's or the invariant's own words) so that the editor can show it beside the field.
 */
import { checkInvariants } from '../invariants';
import type { NinesDocument } from '../types';

/** An accepted edit with its document, or a refused one with the reason. */
export type EditResult =
  | { readonly ok: true; readonly document: NinesDocument }
  | { readonly ok: false; readonly message: string };

/**
 * Accepts `next` unless it breaks an invariant that `before` kept (problems already there, such
 * as the missing entry of a new document, do not block unrelated edits).
 */
export function acceptIfSound(before: NinesDocument, next: NinesDocument): EditResult {
  const known = new Set(checkInvariants(before).map((p) => `${p.path}\u0000${p.message}`));
  const added = checkInvariants(next).find((p) => !known.has(`${p.path}\u0000${p.message}`));
  if (added) return { ok: false, message: added.message };
  return { ok: true, document: next };
}
