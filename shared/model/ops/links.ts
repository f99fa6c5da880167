/**
 * Editing the network between two regions of a variant (`variant.links`): one field at a time,
 * the link created on its first figure and dropped when it has none left.
 */
import { linkSchema } from '../../schema/nines-v1';
import type { NinesDocument, RegionLink } from '../types';
import { acceptIfSound, type EditResult } from './validation';
import { variantOf, withVariant } from './variant-utils';

type LinkField = Exclude<keyof RegionLink, 'a' | 'b'>;

/** The fields of a link a person edits. */
export const LINK_FIELDS: readonly LinkField[] = [
  'rttMs',
  'bandwidthMbps',
  'availability',
  'mtbfHours',
  'mttrHours',
];

/** The link between regions `a` and `b` of `variant`, in either order, if the file has one. */
export function findLink(
  links: readonly RegionLink[] | undefined,
  a: string,
  b: string,
): RegionLink | undefined {
  return links?.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
}

/**
 * Sets `field` of the link between regions `a` and `b` of variant `variantId` (undefined
 * removes it, so its default applies). Giving `availability` removes MTBF and MTTR, and the
 * reverse, as for nodes.
 */
export function updateLinkField(
  doc: NinesDocument,
  variantId: string,
  a: string,
  b: string,
  field: LinkField,
  value: number | undefined,
): EditResult {
  if (!LINK_FIELDS.includes(field)) return { ok: false, message: `links have no field "${field}"` };
  if (value !== undefined) {
    const checked = linkSchema.shape[field].safeParse(value);
    if (!checked.success) {
      return { ok: false, message: checked.error.issues[0]?.message ?? 'is not valid' };
    }
  }
  const variant = variantOf(doc, variantId);
  const old = findLink(variant.links, a, b);
  const updated: Record<string, unknown> = { ...(old ?? { a, b }) };
  if (value === undefined) delete updated[field];
  else updated[field] = value;
  if (value !== undefined && field === 'availability') {
    delete updated.mtbfHours;
    delete updated.mttrHours;
  }
  if (value !== undefined && (field === 'mtbfHours' || field === 'mttrHours')) {
    delete updated.availability;
  }
  const link = updated as RegionLink;
  const isEmpty = LINK_FIELDS.every((f) => link[f] === undefined);
  const others = (variant.links ?? []).filter((l) => l !== old);
  const links = isEmpty
    ? others
    : old
      ? (variant.links ?? []).map((l) => (l === old ? link : l))
      : [...others, link];
  const next = withVariant(doc, variantId, (v) => {
    const out = { ...v, links };
    if (links.length === 0) delete (out as { links?: unknown }).links;
    return out;
  });
  return acceptIfSound(doc, next);
}
