/** The region links of the document view: round trip, bandwidth and figures per pair of regions. */
import { LINK_DEFAULTS } from '../../../shared/model/defaults';
import { findLink, updateLinkField } from '../../../shared/model/ops/links';
import type { EditResult } from '../../../shared/model/ops/validation';
import type { NinesDocument, RegionLink, Variant } from '../../../shared/model/types';
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
export function regionPairs(variant: Variant): [string, string][] {
  const regions = variant.nodes.filter((n) => n.kind === 'region').map((n) => n.id);
  return regions.flatMap((a, i) => regions.slice(i + 1).map((b): [string, string] => [a, b]));
}

/** The network between two regions: each figure editable, absent ones showing their default. */
export function LinkFields({ a, b, variant }: { a: string; b: string; variant: Variant }) {
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
