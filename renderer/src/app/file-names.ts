/**
 * The names Nines suggests for files, one convention (docs/ui.md): a document's own file is
 * `<doc-slug>.nines.json`; every export is `<doc-slug>[-<variant-slug>]-<what>.<ext>`, the variant
 * part when the export is of one variant (its id, short and stable), e.g.
 * `checkout-warm-standby-contingency-plan.pdf`, `checkout-aa3-diagram.svg`,
 * `checkout-nines-against-cost.png`. A slug is lower-case ASCII letters and digits joined by `-`
 * (accents dropped); a name with none reads `untitled`.
 */
import type { NinesDocument } from '../../../shared/model/types';
import { slug } from '../../../shared/plan/document';
import type { PlannerState } from '../store/create-store';

/** The file name of a document whose name has no letter or digit. */
export const UNTITLED = 'untitled.nines.json';

/** The slug of `name` for a file name: `Checkout — warm standby` → `checkout-warm-standby`. */
export function fileSlug(name: string): string {
  return slug(name, 'untitled');
}

/** The file name suggested for saving `document` the first time: `checkout-warm-standby.nines.json`. */
export function documentFileName(document: NinesDocument): string {
  return `${fileSlug(document.name)}.nines.json`;
}

/** The name without its extension of an export of `what` (`diagram`), of one variant when given. */
export function exportFileStem(document: NinesDocument, what: string, variantId?: string): string {
  const variant = variantId === undefined ? '' : `-${fileSlug(variantId)}`;
  return `${fileSlug(document.name)}${variant}-${fileSlug(what)}`;
}

/** The file name suggested for an export of `what` (`diagram`), of one variant when given. */
export function exportFileName(
  document: NinesDocument,
  what: string,
  extension: string,
  variantId?: string,
): string {
  return `${exportFileStem(document, what, variantId)}.${extension}`;
}

/**
 * The open document's file name: its file's (also the file a recovered copy was of), or, for a
 * document that never had one (new, from a template), the name Save will suggest, which follows
 * the document's name.
 */
export function selectFileName(state: PlannerState): string {
  const { document, file } = state;
  if (file.name !== '') return file.name;
  return document ? documentFileName(document) : UNTITLED;
}
