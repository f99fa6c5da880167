/**
 * The bulk tables of data/pricing/ (vms-aws.csv, vms-azure.csv, vms-gcp.csv, managed-cache.csv,
 * network-storage.csv; provenance in vms-sources.md) turned into one compact part per provider
 * (shared/catalog/price-parts.ts). Every price keeps its table's source id and as-of date; a
 * key the core book already has is left out of the part (the curated catalog wins). Nothing is
 * filled in: a region or type a table does not have stays out of the part.
 */
import { parseCsv } from '../../shared/catalog/csv';
import type { PriceSource, PriceUnit } from '../../shared/catalog/price-book';
import {
  PART_PROVIDERS,
  type PartProvider,
  type PricePart,
  type PriceTable,
} from '../../shared/catalog/price-parts';

/** The bulk tables' sources (data/pricing/vms-sources.md). */
export const TABLE_SOURCES: Readonly<Record<string, PriceSource>> = {
  'karpenter-2026-07': {
    title:
      'Karpenter generated AWS on-demand prices, us-east-1 (vCPU and memory from its instance-types reference)',
    where: 'aws/karpenter-provider-aws : pkg/providers/pricing/zz_generated.pricing_aws.go',
    commit: '6fc13b5236fd04fd16ff3f9dc7490d0813994099',
    asOf: '2026-07-20',
    confidence: 'primary (generated from the AWS pricing API)',
  },
  'anycloud-azure': {
    title: 'anycloud-sh/catalog Azure VMs (SkyPilot format; Price = Linux pay-as-you-go)',
    where: 'anycloud-sh/catalog : azure/vms.csv',
    commit: '62ff0a987e0c257a89235415d2877812fb1aaf29',
    asOf: '2026-05-20',
    confidence: 'primary-derived (every overlap with SkyPilot and the Azure Retail API matches)',
  },
  'leanercloud-elasticache': {
    title:
      'ec2instances.info ElastiCache data (built from the AWS Price List for AmazonElastiCache)',
    where: 'LeanerCloud/ec2-instances-info : data/elasticache-instances.json',
    commit: 'f9eafba8b0c94eb59a852a52c2f3c2da8370dcc5',
    asOf: '2025-04-24',
    confidence: 'primary-derived (14/14 us-east-1 prices equal the AWS Price List figures)',
  },
};

/** Source id and as-of date of each file, as vms-sources.md gives them. */
const FILE_SOURCES = {
  'vms-aws.csv': { source: 'karpenter-2026-07', asOf: '2026-07-20' },
  'vms-azure.csv': { source: 'anycloud-azure', asOf: '2026-05-20' },
  'vms-gcp.csv': { source: 'cyclenerd-gcp', asOf: '2026-07-30' },
  'managed-cache.csv': { source: 'leanercloud-elasticache', asOf: '2025-04-24' },
  'network-storage.csv': { source: 'cyclenerd-gcp', asOf: '2026-07-30' },
} as const;

/** The files by name, as text. */
export type TableFiles = Readonly<Record<keyof typeof FILE_SOURCES, string>>;

/** The CSV names the build reads. */
export const TABLE_FILES = Object.keys(FILE_SOURCES) as (keyof typeof FILE_SOURCES)[];

type Row = Record<string, string>;

function rowsOf(file: string, text: string, columns: readonly string[]): Row[] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problem.message}`);
  const [header, ...records] = parsed.records;
  const names = header?.fields ?? [];
  for (const c of columns) if (!names.includes(c)) throw new Error(`${file}: no column ${c}`);
  return records.map((r) => {
    const row: Row = {};
    names.forEach((name, i) => (row[name] = r.fields[i] ?? ''));
    return row;
  });
}

function numberOf(file: string, row: Row, column: string): number {
  const n = Number(row[column]);
  if (!Number.isFinite(n) || n < 0 || row[column] === '') {
    throw new Error(`${file}: ${column} "${row[column] ?? ''}" is not a number ≥ 0`);
  }
  return n;
}

/** A table being filled: items in order of first appearance, one price per item and region. */
class TableBuilder {
  private readonly items = new Map<string, number>();
  private readonly attrs = new Map<string, { vcpu?: number; memGiB?: number; upTo?: number }>();
  private readonly cells = new Map<string, Map<string, number>>();

  constructor(
    private readonly file: string,
    readonly head: Omit<PriceTable, 'items' | 'vcpu' | 'memGiB' | 'upTo' | 'prices'>,
  ) {}

  add(
    region: string,
    item: string,
    usd: number,
    attrs: { vcpu?: number; memGiB?: number; upTo?: number } = {},
  ): void {
    const known = this.attrs.get(item);
    if (known && JSON.stringify(known) !== JSON.stringify(attrs)) {
      throw new Error(`${this.file}: ${item} has different sizes in different regions`);
    }
    this.attrs.set(item, attrs);
    if (!this.items.has(item)) this.items.set(item, this.items.size);
    const byRegion = this.cells.get(region) ?? new Map<string, number>();
    if (byRegion.has(item)) throw new Error(`${this.file}: two prices for ${item} in ${region}`);
    byRegion.set(item, usd);
    this.cells.set(region, byRegion);
  }

  /** The table, items and regions sorted (so that the output does not depend on row order). */
  build(): PriceTable | undefined {
    const items = [...this.items.keys()].sort();
    if (items.length === 0) return undefined;
    const column = (pick: 'vcpu' | 'memGiB' | 'upTo') => {
      const values = items.map((i) => this.attrs.get(i)?.[pick] ?? null);
      return values.some((v) => v !== null) ? { [pick]: values } : {};
    };
    const prices: Record<string, (number | null)[]> = {};
    for (const region of [...this.cells.keys()].sort()) {
      const byRegion = this.cells.get(region) as Map<string, number>;
      prices[region] = items.map((i) => byRegion.get(i) ?? null);
    }
    return {
      ...this.head,
      items,
      ...column('vcpu'),
      ...column('memGiB'),
      ...column('upTo'),
      prices,
    };
  }
}

/** VM prices of one provider's file: USD per instance-hour with vCPUs and memory. */
function vmTable(
  file: 'vms-aws.csv' | 'vms-azure.csv' | 'vms-gcp.csv',
  text: string,
  provider: string,
  skip: (key: string) => boolean,
): TableBuilder {
  const table = new TableBuilder(file, {
    category: 'compute',
    unit: 'hour',
    ...FILE_SOURCES[file],
    note: 'on-demand Linux',
  });
  const columns = ['provider', 'region', 'instanceType', 'vcpus', 'memoryGiB', 'onDemandHourlyUsd'];
  for (const row of rowsOf(file, text, columns)) {
    if (row.provider !== provider) throw new Error(`${file}: a row of provider ${row.provider}`);
    const region = row.region as string;
    const type = row.instanceType as string;
    if (skip(`${provider}:${region}:compute:${type}`)) continue;
    table.add(region, type, numberOf(file, row, 'onDemandHourlyUsd'), {
      vcpu: numberOf(file, row, 'vcpus'),
      memGiB: numberOf(file, row, 'memoryGiB'),
    });
  }
  return table;
}

/** ElastiCache node prices: Redis OSS as `managed-redis`, Valkey as `managed-valkey`. */
function cacheTables(text: string, skip: (key: string) => boolean): TableBuilder[] {
  const file = 'managed-cache.csv';
  const engines = {
    'ElastiCache Redis OSS (node-based)': 'managed-redis',
    'ElastiCache Valkey (node-based)': 'managed-valkey',
  } as const;
  const tables = new Map<string, TableBuilder>();
  for (const [service, category] of Object.entries(engines)) {
    tables.set(
      service,
      new TableBuilder(file, { category, unit: 'hour', ...FILE_SOURCES[file], note: service }),
    );
  }
  const columns = ['provider', 'service', 'region', 'nodeType', 'memoryGiB', 'onDemandHourlyUsd'];
  for (const row of rowsOf(file, text, columns)) {
    const table = tables.get(row.service as string);
    if (row.provider !== 'aws' || !table)
      throw new Error(`${file}: unknown service ${row.service}`);
    const key = `aws:${row.region}:${table.head.category}:${row.nodeType}`;
    if (skip(key)) continue;
    table.add(
      row.region as string,
      row.nodeType as string,
      numberOf(file, row, 'onDemandHourlyUsd'),
      {
        memGiB: numberOf(file, row, 'memoryGiB'),
      },
    );
  }
  return [...tables.values()];
}

/** How each item of network-storage.csv enters the book: category, item, unit, tier bound. */
const NETWORK_ITEMS: Readonly<
  Record<string, { category: string; item: string; unit: PriceUnit; upTo?: number }>
> = {
  'Cloud Storage Standard (regional bucket)': {
    category: 'object-storage',
    item: 'standard',
    unit: 'GiB-month',
  },
  'Cloud Storage Standard (dual-region bucket)': {
    category: 'object-storage',
    item: 'standard-dual-region',
    unit: 'GiB-month',
  },
  'Cloud Storage Standard (multi-region bucket)': {
    category: 'object-storage',
    item: 'standard-multi-region',
    unit: 'GiB-month',
  },
  'Persistent Disk balanced (zonal)': {
    category: 'block-storage',
    item: 'pd-balanced',
    unit: 'GiB-month',
  },
  'Persistent Disk balanced (regional, replicated)': {
    category: 'block-storage',
    item: 'pd-balanced-regional',
    unit: 'GiB-month',
  },
  'Persistent Disk SSD (zonal)': { category: 'block-storage', item: 'pd-ssd', unit: 'GiB-month' },
  'External IPv4 address in use (standard VM)': {
    category: 'ip',
    item: 'ipv4-in-use',
    unit: 'hour',
  },
  'External IPv4 address reserved, unused': {
    category: 'ip',
    item: 'ipv4-reserved-unused',
    unit: 'hour',
  },
  ...egressItems('worldwide excl. China/Australia', 'internet-egress'),
  ...egressItems('to China', 'internet-egress-china'),
  ...egressItems('to Australia', 'internet-egress-australia'),
};

function egressItems(
  to: string,
  item: string,
): Record<string, { category: string; item: string; unit: PriceUnit; upTo?: number }> {
  const name = (range: string) => `Internet egress Premium tier, ${to}, ${range}`;
  return {
    [name('0-1 TiB/month')]: { category: 'transfer', item, unit: 'GiB', upTo: 1024 },
    [name('1-10 TiB/month')]: {
      category: 'transfer',
      item: `${item}:tier2`,
      unit: 'GiB',
      upTo: 10240,
    },
    [name('10+ TiB/month')]: { category: 'transfer', item: `${item}:tier3`, unit: 'GiB' },
  };
}

/** GCP storage, disks, external IPs and Premium-tier egress per region. */
function networkTables(text: string, skip: (key: string) => boolean): TableBuilder[] {
  const file = 'network-storage.csv';
  const tables = new Map<string, TableBuilder>();
  for (const row of rowsOf(file, text, ['provider', 'region', 'item', 'unit', 'usd'])) {
    const spec = NETWORK_ITEMS[row.item as string];
    if (row.provider !== 'gcp' || !spec) throw new Error(`${file}: unknown item ${row.item}`);
    if (skip(`gcp:${row.region}:${spec.category}:${spec.item}`)) continue;
    const id = `${spec.category}|${spec.unit}`;
    const table =
      tables.get(id) ??
      new TableBuilder(file, { category: spec.category, unit: spec.unit, ...FILE_SOURCES[file] });
    tables.set(id, table);
    table.add(
      row.region as string,
      spec.item,
      numberOf(file, row, 'usd'),
      spec.upTo === undefined ? {} : { upTo: spec.upTo },
    );
  }
  return [...tables.values()];
}

/**
 * The three parts from the files' text; `inCore(key)` is true for a key the core book already
 * prices (it is left out of the part).
 */
export function buildPriceParts(files: TableFiles, inCore: (key: string) => boolean): PricePart[] {
  const byProvider: Record<PartProvider, TableBuilder[]> = {
    aws: [
      vmTable('vms-aws.csv', files['vms-aws.csv'], 'aws', inCore),
      ...cacheTables(files['managed-cache.csv'], inCore),
    ],
    azure: [vmTable('vms-azure.csv', files['vms-azure.csv'], 'azure', inCore)],
    gcp: [
      vmTable('vms-gcp.csv', files['vms-gcp.csv'], 'gcp', inCore),
      ...networkTables(files['network-storage.csv'], inCore),
    ],
  };
  return PART_PROVIDERS.map((provider) => {
    const order = (t: PriceTable) => `${t.category}|${t.unit}|${t.source}`;
    const tables = byProvider[provider]
      .flatMap((t) => t.build() ?? [])
      .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    const sources: Record<string, PriceSource> = {};
    for (const id of [...new Set(tables.map((t) => t.source))].sort()) {
      const source = TABLE_SOURCES[id];
      if (source) sources[id] = source;
    }
    return { format: 'nines-pricebook-part/1', provider, sources, tables };
  });
}
