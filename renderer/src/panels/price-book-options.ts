/**
 * What the inspector's pickers offer, drawn from the price book (with the document's own
 * `catalog.prices`): providers, a region's locations, a zone's name, instance types with their
 * vCPUs, memory and price in the node's region, and datastore engines with a managed price.
 * Pure: the book, the document and the node in, the options out.
 */
import {
  GLOBAL_LOCATION,
  type PriceBook,
  type PriceEntry,
} from '../../../shared/catalog/price-book';
import {
  bookIndex,
  bookLocations,
  rowsAt,
  type BookRow,
} from '../../../shared/catalog/price-index';
import type { ModelNode, Variant } from '../../../shared/model/types';
import { formatGiB, formatNumber, formatUnitPrice, withUnit } from '../../../shared/text';
import type { PickerOption } from './picker-options';

/** A field's picker: its options, and what a value outside them is marked with (if anything). */
export interface FieldPicker {
  readonly options: readonly PickerOption[];
  /** Shown beside a value that is none of the options; none for names that are never priced. */
  readonly customNote?: string;
}

/** Marks a value the price book does not have: the cost engine cannot price it. */
export const UNPRICED_NOTE = 'not in the price book · unpriced';

/** The providers' own names, for the details of the provider picker. */
const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  aws: 'Amazon Web Services',
  azure: 'Microsoft Azure',
  gcp: 'Google Cloud',
};

/** The book's rows (indexed once per book: the bundled book holds about 32,000 prices). */
function rowsOf(book: PriceBook): readonly BookRow[] {
  return bookIndex(book).rows;
}

const unique = <T>(list: readonly T[]) => [...new Set(list)];

/** Options already listed, per book and per question (`instance:aws:us-east-1:redis`, …). */
const listed = new WeakMap<PriceBook, Map<string, readonly PickerOption[]>>();

/**
 * The options `list` gives for `key` in `book`, listed once per book: sorting the thousands of
 * instance types of the bundled book takes long enough to drop frames when a node is selected
 * (the inspector lists them for each field as it renders), and a book never changes.
 */
function listedOnce(
  book: PriceBook,
  key: string,
  list: () => readonly PickerOption[],
): readonly PickerOption[] {
  let byKey = listed.get(book);
  if (!byKey) {
    byKey = new Map();
    listed.set(book, byKey);
  }
  let options = byKey.get(key);
  if (!options) {
    options = list();
    byKey.set(key, options);
  }
  return options;
}

/** Where a node is priced: the provider and location of its region, when both are given. */
export function siteOf(
  variant: Variant,
  node: ModelNode,
): { provider: string; location: string } | undefined {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  for (let at: ModelNode | undefined = node; at && !seen.has(at.id);) {
    if (at.kind === 'region') {
      return at.provider !== undefined && at.location !== undefined
        ? { provider: at.provider, location: at.location }
        : undefined;
    }
    seen.add(at.id);
    at = at.parent === undefined ? undefined : byId.get(at.parent);
  }
  return undefined;
}

/** The providers of the book, and `custom` for a private data centre priced by the document. */
export function providerPicker(book: PriceBook): FieldPicker {
  return {
    options: listedOnce(book, 'provider', () => providerOptions(book)),
    customNote: UNPRICED_NOTE,
  };
}

function providerOptions(book: PriceBook): PickerOption[] {
  const providers = unique(rowsOf(book).map((r) => r.provider)).filter((p) => p !== 'custom');
  const locations = (p: string) => bookLocations(book, p).length;
  return [
    ...providers.sort().map((p) => ({
      value: p,
      detail: [PROVIDER_NAMES[p], `${formatNumber(locations(p))} locations priced`]
        .filter(Boolean)
        .join(' · '),
    })),
    { value: 'custom', detail: 'your own data centre, priced by the document’s catalog.prices' },
  ];
}

/** A count of what is priced at a location: `6 instance types · 12 managed node types`. */
function pricedAt(book: PriceBook, provider: string, location: string): string {
  const here = rowsAt(book, provider, location);
  const compute = here.filter((r) => r.category === 'compute').length;
  const managed = here.filter((r) => r.category.startsWith('managed-')).length;
  return [
    compute > 0 && `${formatNumber(compute)} instance types`,
    managed > 0 && `${formatNumber(managed)} managed node types`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The locations of `provider` in the book (every provider's when it is not given). */
export function locationPicker(book: PriceBook, provider: string | undefined): FieldPicker {
  return {
    options: listedOnce(book, `location:${provider ?? ''}`, () => locationOptions(book, provider)),
    customNote: UNPRICED_NOTE,
  };
}

function locationOptions(book: PriceBook, provider: string | undefined): PickerOption[] {
  const sites = [...bookIndex(book).bySite.keys()]
    .filter((site) => {
      const [p, location] = site.split(':');
      return location !== GLOBAL_LOCATION && (provider === undefined || p === provider);
    })
    .sort();
  return sites.map((site) => {
    const [p = '', location = ''] = site.split(':');
    const priced = pricedAt(book, p, location);
    return {
      value: location,
      detail: [provider === undefined ? p : undefined, priced || 'other prices only']
        .filter(Boolean)
        .join(' · '),
    };
  });
}

/**
 * Names for a zone of a region at `location`, by the provider's naming (zones are not in the
 * price book, nor priced): AWS `us-east-1a`, Google Cloud `us-east1-b`, Azure zones `1` to `3`.
 * Which letters a region has varies (and by account, for AWS), hence the detail.
 */
export function zonePicker(
  provider: string | undefined,
  location: string | undefined,
): FieldPicker {
  if (location === undefined) return { options: [] };
  const names: Record<string, { suffixes: string[]; detail: string }> = {
    aws: {
      suffixes: ['a', 'b', 'c', 'd'],
      detail: 'AWS naming · letters vary by account',
    },
    gcp: {
      suffixes: ['-a', '-b', '-c', '-d', '-f'],
      detail: 'Google Cloud naming · not every letter exists',
    },
    azure: { suffixes: ['-1', '-2', '-3'], detail: 'Azure availability zone 1 to 3' },
  };
  const scheme = provider === undefined ? undefined : names[provider];
  if (!scheme) return { options: [] };
  return {
    options: scheme.suffixes.map((suffix) => ({
      value: `${location}${suffix}`,
      detail: scheme.detail,
    })),
  };
}

/** `2 vCPU · 8 GiB · $0.1008/h`: what the book says of one instance (`price: false` leaves
 * the price out, for a type listed without a region). */
function instanceDetail(entry: PriceEntry, prefix?: string, price = true): string {
  const perUnit = entry.unit === 'hour' ? 'h' : entry.unit === 'month' ? 'month' : undefined;
  return [
    prefix,
    entry.vcpu === undefined ? undefined : withUnit(formatNumber(entry.vcpu), 'vCPU'),
    entry.memGiB === undefined ? undefined : formatGiB(entry.memGiB),
    price && perUnit ? `${formatUnitPrice(entry.usd)}/${perUnit}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

const byPrice = (a: BookRow, b: BookRow) =>
  a.entry.usd - b.entry.usd || a.item.localeCompare(b.item);

/**
 * The instance types a tier can take: where the node is priced (its region's provider and
 * location), the VM types there and, for a datastore, the managed node types of its engine
 * (Redis when it names none), cheapest first, with vCPU, memory and price. A node without such
 * a region lists every VM type of the book, by provider, without a price.
 */
export function instanceTypePicker(
  book: PriceBook,
  variant: Variant,
  node: ModelNode,
): FieldPicker {
  const site = siteOf(variant, node);
  const hasOwnPrice =
    node.monthlyUsd !== undefined ||
    ('hourlyUsd' in node && (node as { hourlyUsd?: number }).hourlyUsd !== undefined);
  const customNote = hasOwnPrice
    ? 'not in the price book · priced by the node’s own price'
    : UNPRICED_NOTE;
  if (!site) {
    return { options: listedOnce(book, 'instance', () => everyInstanceType(book)), customNote };
  }
  const managedCategory =
    node.kind === 'datastore' ? `managed-${(node.engine ?? 'redis').toLowerCase()}` : undefined;
  const key = `instance:${site.provider}:${site.location}:${managedCategory ?? ''}`;
  return {
    options: listedOnce(book, key, () => instanceTypesAt(book, site, managedCategory)),
    customNote,
  };
}

/**
 * Lists ahead of need what the instance-type picker offers a node without a priced region:
 * every VM type of the book, sorted (about 30 ms on the bundled book, the most of the first
 * selection of such a node, e.g. at the press of a drag in a generated design).
 */
export function listEveryInstanceType(book: PriceBook): void {
  listedOnce(book, 'instance', () => everyInstanceType(book));
}

/** Every VM type of the book, by provider, without a price (for a node with no priced region). */
function everyInstanceType(book: PriceBook): PickerOption[] {
  // Each type once, from the provider whose `provider:type` sorts first (the first row of the
  // book among equals), then those few sorted; one collator for all (same order as
  // `localeCompare`, which builds one per comparison). Sorting every row first (tens of
  // thousands, one per type and location) took most of a selection's time.
  const { compare } = new Intl.Collator();
  const first = new Map<string, { row: BookRow; sortKey: string }>();
  for (const row of rowsOf(book)) {
    if (row.category !== 'compute') continue;
    const sortKey = `${row.provider}:${row.item}`;
    const kept = first.get(row.item);
    if (!kept || compare(sortKey, kept.sortKey) < 0) first.set(row.item, { row, sortKey });
  }
  return [...first.values()]
    .sort((x, y) => compare(x.sortKey, y.sortKey))
    .map(({ row }) => ({
      value: row.item,
      detail: `${instanceDetail(row.entry, row.provider, false)} · priced by region`,
    }));
}

/** The managed node types of `managedCategory` and the VM types at `site`, each cheapest first. */
function instanceTypesAt(
  book: PriceBook,
  site: { provider: string; location: string },
  managedCategory: string | undefined,
): PickerOption[] {
  const here = rowsAt(book, site.provider, site.location);
  const managed = here.filter((r) => r.category === managedCategory).sort(byPrice);
  const compute = here.filter((r) => r.category === 'compute').sort(byPrice);
  const engine = managedCategory?.slice('managed-'.length);
  const managedItems = new Set(managed.map((m) => m.item));
  return [
    ...managed.map((r) => ({
      value: r.item,
      detail: instanceDetail(r.entry, `managed ${engine}`),
    })),
    ...compute
      .filter((r) => !managedItems.has(r.item))
      .map((r) => ({ value: r.item, detail: instanceDetail(r.entry) })),
  ];
}

/**
 * The engines with a managed price (`managed-redis` → `redis`) where the datastore is priced
 * (anywhere in the book when it has no such region). An engine without one is priced by its
 * instance type as a VM.
 */
export function enginePicker(book: PriceBook, variant: Variant, node: ModelNode): FieldPicker {
  const site = siteOf(variant, node);
  const key = `engine:${site ? `${site.provider}:${site.location}` : ''}`;
  return {
    options: listedOnce(book, key, () => engineOptions(book, site)),
    customNote: 'no managed price in the price book · priced as a VM by its instance type',
  };
}

function engineOptions(
  book: PriceBook,
  site: { provider: string; location: string } | undefined,
): PickerOption[] {
  const managed = rowsOf(book).filter(
    (r) =>
      r.category.startsWith('managed-') &&
      (!site || (r.provider === site.provider && r.location === site.location)),
  );
  const engines = unique(managed.map((r) => r.category.slice('managed-'.length))).sort();
  return engines.map((engine) => {
    const count = managed.filter((r) => r.category === `managed-${engine}`).length;
    return {
      value: engine,
      detail: `managed ${engine} · ${formatNumber(count)} node types${site ? ` in ${site.location}` : ''}`,
    };
  });
}

/** The picker of a node's field, or undefined for a field typed freely. */
export function fieldPicker(
  book: PriceBook,
  variant: Variant,
  node: ModelNode,
  key: string,
): FieldPicker | undefined {
  switch (key) {
    case 'provider':
      return node.kind === 'region' ? providerPicker(book) : undefined;
    case 'location': {
      if (node.kind === 'region') return locationPicker(book, node.provider);
      if (node.kind !== 'zone') return undefined;
      const region = variant.nodes.find((n) => n.id === node.parent);
      return region?.kind === 'region' ? zonePicker(region.provider, region.location) : undefined;
    }
    case 'instanceType':
      return instanceTypePicker(book, variant, node);
    case 'engine':
      return node.kind === 'datastore' ? enginePicker(book, variant, node) : undefined;
    default:
      return undefined;
  }
}
