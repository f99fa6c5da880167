import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../../shared/catalog/price-book';
import { PART_PROVIDERS, pricePartSchema, withPriceParts } from '../../shared/catalog/price-parts';
import {
  buildPriceBook,
  CATALOG_URL,
  partUrl,
  PRICEBOOK_URL,
  readTableFiles,
  serializePricePart,
} from '../build-pricebook';
import { buildPriceParts, type TableFiles } from './tables';

const core = buildPriceBook(JSON.parse(readFileSync(CATALOG_URL, 'utf8')));
const files = readTableFiles();
const parts = buildPriceParts(files, (key) => key in core.entries);
// The book the CLI and the app price with: the committed core with the committed parts.
const committed = withPriceParts(
  priceBookSchema.parse(JSON.parse(readFileSync(PRICEBOOK_URL, 'utf8'))),
  PART_PROVIDERS.map((p) => pricePartSchema.parse(JSON.parse(readFileSync(partUrl(p), 'utf8')))),
);

/** `text` with its data rows in reverse order (the header first). */
function reversedRows(text: string): string {
  const [header, ...rows] = text.trimEnd().split('\n');
  return `${[header, ...rows.reverse()].join('\n')}\n`;
}

describe('the price book parts (assets/pricing/pricebook-<provider>.json)', () => {
  it('are what scripts/build-pricebook.ts writes from the tables of data/pricing/ (run it after they change)', () => {
    for (const part of parts) {
      expect(readFileSync(partUrl(part.provider), 'utf8'), part.provider).toBe(
        serializePricePart(part),
      );
    }
  });

  it('are built deterministically: the same text whatever the order of the rows', () => {
    const shuffled = Object.fromEntries(
      Object.entries(files).map(([name, text]) => [name, reversedRows(text)]),
    ) as unknown as TableFiles;
    const again = buildPriceParts(shuffled, (key) => key in core.entries);
    expect(again.map(serializePricePart)).toEqual(parts.map(serializePricePart));
  });

  it('are valid parts whose every price names a source the book knows, with its date', () => {
    for (const part of parts) expect(pricePartSchema.safeParse(part).success).toBe(true);
    for (const [key, entry] of Object.entries(committed.entries)) {
      expect(committed.sources[entry.source], key).toBeDefined();
      expect(entry.asOf, key).not.toBe('');
    }
  });

  it('hold every row of the tables once, less the keys the core book prices', () => {
    const rows = (name: keyof TableFiles) => files[name].trimEnd().split('\n').length - 1;
    const count = (provider: string) =>
      parts
        .find((p) => p.provider === provider)
        ?.tables.reduce(
          (n, t) =>
            n +
            Object.values(t.prices)
              .flat()
              .filter((v) => v !== null).length,
          0,
        );
    const inCore = (provider: string, category: string) =>
      Object.keys(core.entries).filter(
        (k) => k.startsWith(`${provider}:`) && k.split(':')[2] === category,
      ).length;
    // Azure: every VM row but the 15 the catalog holds (eastus, westus2, westeurope).
    expect(count('azure')).toBe(rows('vms-azure.csv') - inCore('azure', 'compute'));
    expect(rows('vms-azure.csv')).toBe(18_733);
    expect(count('azure')).toBe(18_718);
    expect(rows('vms-gcp.csv')).toBe(10_388);
    expect(rows('managed-cache.csv')).toBe(1_418);
    expect(rows('network-storage.csv')).toBe(650);
  });
});

describe('spot checks of the bundled book against the source tables (data/pricing/*.csv)', () => {
  // Each row copied by hand from the CSV named beside it.
  const checks: [key: string, usd: number, source: string, asOf: string, extra?: object][] = [
    // vms-aws.csv (us-east-1)
    [
      'aws:us-east-1:compute:m6i.large',
      0.096,
      'karpenter-2026-07',
      '2026-07-20',
      { vcpu: 2, memGiB: 8 },
    ],
    [
      'aws:us-east-1:compute:c7g.xlarge',
      0.145,
      'karpenter-2026-07',
      '2026-07-20',
      { vcpu: 4, memGiB: 8 },
    ],
    [
      'aws:us-east-1:compute:r8g.2xlarge',
      0.47128,
      'karpenter-2026-07',
      '2026-07-20',
      { memGiB: 64 },
    ],
    ['aws:us-east-1:compute:t4g.micro', 0.0084, 'karpenter-2026-07', '2026-07-20', { memGiB: 1 }],
    [
      'aws:us-east-1:compute:x2idn.16xlarge',
      6.669,
      'karpenter-2026-07',
      '2026-07-20',
      { vcpu: 64, memGiB: 1024 },
    ],
    // vms-azure.csv
    [
      'azure:brazilsouth:compute:Standard_B2ms',
      0.134,
      'anycloud-azure',
      '2026-05-20',
      { vcpu: 2, memGiB: 8 },
    ],
    ['azure:japaneast:compute:Standard_F4s_v2', 0.214, 'anycloud-azure', '2026-05-20', { vcpu: 4 }],
    [
      'azure:southeastasia:compute:Standard_D2s_v5',
      0.12,
      'anycloud-azure',
      '2026-05-20',
      { memGiB: 8 },
    ],
    [
      'azure:uksouth:compute:Standard_D8as_v5',
      0.4,
      'anycloud-azure',
      '2026-05-20',
      { vcpu: 8, memGiB: 32 },
    ],
    // vms-gcp.csv
    [
      'gcp:asia-northeast1:compute:c3-standard-4',
      0.258905,
      'cyclenerd-gcp',
      '2026-07-30',
      { vcpu: 4, memGiB: 16 },
    ],
    ['gcp:australia-southeast1:compute:t2d-standard-1', 0.059945, 'cyclenerd-gcp', '2026-07-30'],
    [
      'gcp:europe-west4:compute:n2-standard-8',
      0.427664,
      'cyclenerd-gcp',
      '2026-07-30',
      { vcpu: 8, memGiB: 32 },
    ],
    [
      'gcp:us-central1:compute:e2-micro',
      0.0083764275,
      'cyclenerd-gcp',
      '2026-07-30',
      { vcpu: 0.25, memGiB: 1 },
    ],
    ['gcp:us-east1:compute:n4-standard-2', 0.0907, 'cyclenerd-gcp', '2026-07-30'],
    // managed-cache.csv
    [
      'aws:eu-west-1:managed-redis:cache.r7g.large',
      0.243,
      'leanercloud-elasticache',
      '2025-04-24',
      { memGiB: 13.07 },
    ],
    ['aws:us-west-2:managed-redis:cache.r7g.large', 0.219, 'leanercloud-elasticache', '2025-04-24'],
    [
      'aws:ap-southeast-1:managed-redis:cache.r7g.large',
      0.263,
      'leanercloud-elasticache',
      '2025-04-24',
    ],
    [
      'aws:sa-east-1:managed-valkey:cache.r7g.large',
      0.3488,
      'leanercloud-elasticache',
      '2025-04-24',
    ],
    [
      'aws:eu-central-1:managed-redis:cache.m7g.xlarge',
      0.375,
      'leanercloud-elasticache',
      '2025-04-24',
      { memGiB: 12.93 },
    ],
    [
      'aws:us-east-1:managed-valkey:cache.t4g.small',
      0.0256,
      'leanercloud-elasticache',
      '2025-04-24',
    ],
    // network-storage.csv (GCP's "GB" is 2^30 bytes: the catalog's GiB)
    ['gcp:asia-northeast1:object-storage:standard', 0.023, 'cyclenerd-gcp', '2026-07-30'],
    [
      'gcp:europe-west4:transfer:internet-egress:tier2',
      0.11,
      'cyclenerd-gcp',
      '2026-07-30',
      { upTo: 10240 },
    ],
    ['gcp:us-central1:block-storage:pd-ssd', 0.17, 'cyclenerd-gcp', '2026-07-30'],
    // catalog.json, kept in the core where a table has the same key
    ['aws:us-east-1:managed-redis:cache.r7g.large', 0.219, 'ec-pricelist', '2026-10-02'],
    ['azure:westeurope:compute:Standard_E8s_v5', 0.608, 'radar-weu', '2026-08-22'],
  ];

  it.each(checks)('%s = $%s (%s, %s)', (key, usd, source, asOf, extra) => {
    expect(committed.entries[key]).toMatchObject({ usd, source, asOf, ...extra });
  });
});
