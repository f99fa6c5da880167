/** The region links of the document view: round trip, bandwidth and figures per pair of regions. */
import { LINK_DEFAULTS } from '../../../shared/model/defaults';
import { findLink, updateLinkField } from '../../../shared/model/ops/links';
import type { EditResult } from '../../../shared/model/ops/validation';
import type { NinesDocument, RegionLink, Variant } from '../../../shared/model/types';
import { useState } from 'react';
import { formatCount } from '../../../shared/text';
import { displayName } from '../canvas/describe';
import { usePlannerStore } from '../store/context';
import { EditableField } from './EditableField';
import { toInputText } from './field-input';
import { type FieldUnit } from './field-specs';

type LinkField = Exclude<keyof RegionLink, 'a' | 'b'>;

const LINK_ROWS: readonly [LinkField, string, FieldUnit][] = [
  ['rttMs', 'Round trip', 'ms'],
  ['bandwidthMbps', 'Bandwidth', 'mbps'],
  ['availability', 'Availability', 'probability'],
  ['mtbfHours', 'MTBF', 'hours'],
  ['mttrHours', 'MTTR', 'hours'],
];

/** Every pair of regions of the variant, in node order. */
function regionPairs(variant: Variant): [string, string][] {
  const regions = variant.nodes.filter((n) => n.kind === 'region').map((n) => n.id);
  return regions.flatMap((a, i) => regions.slice(i + 1).map((b): [string, string] => [a, b]));
}

/** Up to this many pairs of regions (four regions) the links are listed open. */
const OPEN_UP_TO_PAIRS = 6;

/**
 * The links of every pair of regions, open for a few regions; beyond, collapsed under one line
 * and drawn only when opened: 33 regions make 528 pairs (2,640 fields), which took long to draw
 * and, when a node was then selected (pressing on it to drag it), to take down again.
 */
export function RegionLinks({ variant }: { variant: Variant }) {
  const pairs = regionPairs(variant);
  const [isOpen, setOpen] = useState(pairs.length <= OPEN_UP_TO_PAIRS);
  if (pairs.length === 0) return null;
  return (
    <details
      className="region-links"
      open={isOpen}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="field-group__title">
        Region links ({formatCount(pairs.length, 'pair')})
      </summary>
      {isOpen &&
        pairs.map(([a, b]) => <LinkFields key={`${a}|${b}`} a={a} b={b} variant={variant} />)}
    </details>
  );
}

/** The network between two regions: each figure editable, absent ones showing their default. */
function LinkFields({ a, b, variant }: { a: string; b: string; variant: Variant }) {
  const store = usePlannerStore();
  const link = findLink(variant.links, a, b);
  const name = (id: string) => {
    const node = variant.nodes.find((n) => n.id === id);
    return node ? displayName(node) : id;
  };
  const hasMtbf = link?.mtbfHours !== undefined || link?.mttrHours !== undefined;
  return (
    <div className="field-group" data-link={`${a}|${b}`}>
      <h3 className="field-group__title">
        Link {name(a)} ↔ {name(b)}
      </h3>
      <dl className="fields">
        {LINK_ROWS.map(([field, label, unit]) => {
          const fallback =
            field === 'availability'
              ? { text: hasMtbf || link?.availability === undefined ? 'from MTBF and MTTR' : '' }
              : LINK_DEFAULTS[field]
                ? {
                    text: toInputText(LINK_DEFAULTS[field].value, unit),
                    source: LINK_DEFAULTS[field].source,
                  }
                : undefined;
          const edit = (doc: NinesDocument, value: unknown): EditResult =>
            value === undefined || typeof value === 'number'
              ? updateLinkField(doc, variant.id, a, b, field, value)
              : { ok: false, message: 'must be a number' };
          return (
            <EditableField
              key={field}
              fieldKey={`link-${a}-${b}-${field}`}
              label={label}
              unit={unit}
              value={link?.[field]}
              {...(fallback ? { fallback } : {})}
              check={(value) => {
                const { document } = store.getState();
                return document ? edit(document, value) : { ok: false, message: 'no document' };
              }}
              commit={(value) =>
                store
                  .getState()
                  .commitEdit(`Set the link ${label.toLowerCase()}`, (doc) => edit(doc, value))
              }
            />
          );
        })}
      </dl>
    </div>
  );
}
