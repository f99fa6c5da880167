import { describe, expect, it } from 'vitest';
import { withDocumentPrices } from '../../../shared/catalog/price-book';
import type { ModelNode, Variant } from '../../../shared/model/types';
import catalogText from '../../../data/pricing/catalog.json?raw';
import { loadPriceParts } from '../store/price-book';
import { PRICE_BOOK } from '../store/results';
import {
  enginePicker,
  fieldPicker,
  instanceTypePicker,
  listEveryInstanceType,
  locationPicker,
  providerPicker,
  UNPRICED_NOTE,
  zonePicker,
} from './price-book-options';

const book = PRICE_BOOK;
/** The catalog the book is built from: the independent source of each figure checked here. */
const catalog = JSON.parse(catalogText) as {
  providers: {
    aws: {
      compute: { type: string; region: string; vcpu: number; memGiB: number; hourly: number }[];
    };
  };
};

const nodes: ModelNode[] = [
  { id: 'use1', kind: 'region', provider: 'aws', location: 'us-east-1' },
  { id: 'use1-a', kind: 'zone', parent: 'use1', location: 'us-east-1a' },
  { id: 'app', kind: 'service', parent: 'use1-a' },
  { id: 'cache', kind: 'datastore', parent: 'use1' },
  { id: 'valkey', kind: 'datastore', parent: 'use1', engine: 'valkey' },
  { id: 'dc', kind: 'region', provider: 'custom', location: 'fra-1' },
  { id: 'onprem', kind: 'service', parent: 'dc' },
  { id: 'global', kind: 'service' },
  { id: 'priced', kind: 'service', hourlyUsd: 0.5 },
];
const variant: Variant = { id: 'v', name: 'v', entry: 'app', nodes, edges: [] };
const node = (id: string) => nodes.find((n) => n.id === id) as ModelNode;

describe('the instance type picker', () => {
  it('lists the VM types of the node’s region with the catalog’s vCPU, memory and price', () => {
    const picker = instanceTypePicker(book, variant, node('app'));
    const rows = catalog.providers.aws.compute.filter((r) => r.region === 'us-east-1');
    expect(picker.options.map((o) => o.value).toSorted()).toEqual(
      rows.map((r) => r.type).toSorted(),
    );
    const large = rows.find((r) => r.type === 'm7i.large');
    expect(large).toMatchObject({ vcpu: 2, memGiB: 8, hourly: 0.1008 });
    expect(picker.options[0]).toEqual({
      value: 'm7i.large',
      detail: '2\u00a0vCPU · 8\u00a0GiB · $0.1008/h',
    });
    const prices = picker.options.map((o) => Number(/\$([\d.]+)/.exec(o.detail ?? '')?.[1]));
    expect(prices).toEqual(prices.toSorted((a, b) => a - b));
    expect(picker.customNote).toBe(UNPRICED_NOTE);
  });

  it('lists a datastore’s managed node types of its engine first (Redis when it names none)', () => {
    const redis = instanceTypePicker(book, variant, node('cache')).options;
    expect(redis[0]).toEqual({ value: 'cache.t4g.medium', detail: 'managed redis · $0.065/h' });
    expect(redis.some((o) => o.value === 'm7i.large')).toBe(true);
    const valkey = instanceTypePicker(book, variant, node('valkey')).options;
    expect(valkey[0]?.detail).toBe('managed valkey · $0.1264/h');
  });

  it('lists every VM type without a price for a node no region prices', () => {
    const picker = instanceTypePicker(book, variant, node('global'));
    expect(picker.options.find((o) => o.value === 'n2-standard-2')?.detail).toBe(
      'gcp · 2\u00a0vCPU · 8\u00a0GiB · priced by region',
    );
    expect(new Set(picker.options.map((o) => o.value)).size).toBe(picker.options.length);
  });

  it('lists every VM type ahead of need: the picker then offers that very list', () => {
    const fresh = { ...book }; // a book no picker has listed yet
    listEveryInstanceType(fresh);
    const listed = instanceTypePicker(fresh, variant, node('global')).options;
    expect(instanceTypePicker(fresh, variant, node('global')).options).toBe(listed);
    expect(listed).toEqual(instanceTypePicker(book, variant, node('global')).options);
  });

  it('says a custom type of a node with its own price is priced by that price', () => {
    expect(instanceTypePicker(book, variant, node('priced')).customNote).toBe(
      'not in the price book · priced by the node’s own price',
    );
  });

  it('takes the document’s own prices (a private data centre)', () => {
    const own = withDocumentPrices(book, { 'custom:fra-1:compute:vm-large': 0.2 });
    expect(instanceTypePicker(own, variant, node('onprem')).options).toEqual([
      { value: 'vm-large', detail: '$0.2/h' },
    ]);
  });
});

describe('the other pickers', () => {
  it('offer the book’s providers and custom', () => {
    expect(providerPicker(book).options.map((o) => o.value)).toEqual([
      'aws',
      'azure',
      'gcp',
      'custom',
    ]);
    expect(providerPicker(book).options[0]?.detail).toBe(
      'Amazon Web Services · 4 locations priced',
    );
  });

  it('offer a provider’s locations, without the global one', () => {
    const aws = locationPicker(book, 'aws').options;
    expect(aws.map((o) => o.value)).toEqual([
      'ap-southeast-1',
      'eu-west-1',
      'us-east-1',
      'us-west-2',
    ]);
    expect(aws.find((o) => o.value === 'us-east-1')?.detail).toBe(
      '6 instance types · 16 managed node types',
    );
    expect(
      locationPicker(book, undefined).options.find((o) => o.value === 'westeurope')?.detail,
    ).toBe('azure · 5 instance types');
  });

  it('offer the engines with a managed price where the datastore is', () => {
    expect(enginePicker(book, variant, node('cache')).options).toEqual([
      { value: 'redis', detail: 'managed redis · 12 node types in us-east-1' },
      { value: 'valkey', detail: 'managed valkey · 4 node types in us-east-1' },
    ]);
  });

  it('offer zone names by the provider’s naming, with no unpriced mark (zones have no price)', () => {
    const zones = zonePicker('aws', 'us-east-1');
    expect(zones.options.map((o) => o.value)).toEqual([
      'us-east-1a',
      'us-east-1b',
      'us-east-1c',
      'us-east-1d',
    ]);
    expect(zones.customNote).toBeUndefined();
    expect(zonePicker('custom', 'fra-1').options).toEqual([]);
    expect(fieldPicker(book, variant, node('use1-a'), 'location')).toEqual(zones);
  });

  it('give no picker to a field typed freely', () => {
    expect(fieldPicker(book, variant, node('app'), 'name')).toBeUndefined();
    expect(fieldPicker(book, variant, node('app'), 'provider')).toBeUndefined();
  });
});

describe('the pickers with the provider parts loaded (the inspector loads them all)', () => {
  it('offers the instance types of a bulk-table region with vCPU, memory and price, and flags the unknown', async () => {
    const full = await loadPriceParts(['aws', 'azure', 'gcp']);
    const sea: ModelNode[] = [
      { id: 'sea', kind: 'region', provider: 'azure', location: 'southeastasia' },
      { id: 'app', kind: 'service', parent: 'sea' },
    ];
    const v: Variant = { id: 'v', name: 'v', entry: 'app', nodes: sea, edges: [] };
    const picker = instanceTypePicker(full, v, sea[1] as ModelNode);
    // vms-azure.csv: azure,southeastasia,Standard_D2s_v5,2,8,0.12
    const d2 = picker.options.find((o) => o.value === 'Standard_D2s_v5');
    expect(d2?.detail?.replace(/\u00a0/g, ' ')).toBe('2 vCPU · 8 GiB · $0.12/h');
    expect(picker.options.length).toBeGreaterThan(300);
    expect(picker.customNote).toBe(UNPRICED_NOTE);
    // The region picker knows the 58 Azure regions of the table; a made-up one is not an option.
    const regions = locationPicker(full, 'azure').options.map((o) => o.value);
    expect(regions).toContain('southeastasia');
    expect(regions).not.toContain('moon-1');
    expect(regions.length).toBeGreaterThanOrEqual(58);
  });

  it('loads the parts asked for together as one book, and lists each picker once per book', async () => {
    const first = await loadPriceParts(['aws', 'azure', 'gcp']);
    expect(await loadPriceParts(['gcp', 'aws'])).toBe(first);
    // The same question of the same book gives the same list, for any node it fits: the
    // inspector asks it of every field as it draws (selecting a node to drag it).
    const everywhere = instanceTypePicker(first, variant, node('global')).options;
    expect(instanceTypePicker(first, variant, node('priced')).options).toBe(everywhere);
    expect(everywhere.length).toBeGreaterThan(500);
    const east = instanceTypePicker(first, variant, node('app')).options;
    expect(instanceTypePicker(first, variant, node('app')).options).toBe(east);
    expect(instanceTypePicker(first, variant, node('cache')).options).not.toBe(east);
    expect(locationPicker(first, 'aws').options).toBe(locationPicker(first, 'aws').options);
  });
});
