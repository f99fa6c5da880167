import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, template } from './testing';

const work = mkdtempSync(join(tmpdir(), 'nines-prices-'));

describe('nines prices', () => {
  it('lists the instance types of a provider and region with vCPU, memory, price, source and date', async () => {
    const run = await runCli(
      'prices',
      '--provider',
      'azure',
      '--region',
      'southeastasia',
      '--type',
      'Standard_D2s_v5',
    );
    expect(run.code).toBe(0);
    const lines = run.stdout
      .replace(/\u00a0/g, ' ')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^key +price +vCPU +memory +source +as of$/);
    // vms-azure.csv: azure,southeastasia,Standard_D2s_v5,2,8,0.12
    expect(lines[1]).toMatch(
      /^azure:southeastasia:compute:Standard_D2s_v5 +\$0\.12\/hour +2 vCPU +8 GiB +anycloud-azure +2026-05-20$/,
    );
    expect(lines.at(-1)).toBe('1 price, book as of 2026-11-26');
  });

  it('--json gives every matching price with its source', async () => {
    const run = await runCli(
      'prices',
      '--provider',
      'aws',
      '--region',
      'eu-west-1',
      '--type',
      'cache.r7g.large',
      '--json',
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      format: string;
      count: number;
      prices: { key: string; usd: number; memGiB: number; source: string; asOf: string }[];
      sources: Record<string, { where: string }>;
    };
    expect(out.format).toBe('nines-prices/1');
    // managed-cache.csv: Redis OSS 0.243 and Valkey 0.1944 for cache.r7g.large in eu-west-1.
    expect(out.prices.map((p) => [p.key, p.usd, p.memGiB])).toEqual([
      ['aws:eu-west-1:managed-redis:cache.r7g.large', 0.243, 13.07],
      ['aws:eu-west-1:managed-valkey:cache.r7g.large', 0.1944, 13.07],
    ]);
    expect(out.count).toBe(2);
    expect(Object.keys(out.sources)).toEqual(['leanercloud-elasticache']);
  });

  it('--prices FILE overrides apply', async () => {
    const file = join(work, 'mine.csv');
    writeFileSync(
      file,
      'key,usd,unit,source\naws:eu-west-1:load-balancer:alb,0.03,hour,quote-2026\n',
    );
    const run = await runCli(
      'prices',
      '--region',
      'eu-west-1',
      '--type',
      'alb',
      '--json',
      '--prices',
      file,
    );
    const out = JSON.parse(run.stdout) as {
      prices: { key: string; usd: number; source: string }[];
    };
    expect(out.prices.find((p) => p.key === 'aws:eu-west-1:load-balancer:alb')).toMatchObject({
      usd: 0.03,
      source: 'quote-2026',
    });
    const bad = join(work, 'bad.csv');
    writeFileSync(bad, 'key,usd,unit,source\nnot-a-key,x,hour,s\n');
    const refused = await runCli('prices', '--prices', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bad\.csv:2:/);
  });

  it('exits 1 when nothing matches, 2 for a positional argument', async () => {
    const none = await runCli('prices', '--type', 'no-such-type');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no price in the book matches/);
    expect((await runCli('prices', 'extra')).code).toBe(2);
  });
});

describe('nines validate --strict', () => {
  it('warns of a region location and an instance type the price book does not know, and fails', async () => {
    const doc = JSON.parse(readFileSync(template('pilot-light-2-regions'), 'utf8')) as {
      variants: { nodes: Record<string, unknown>[] }[];
    };
    const nodes = doc.variants[0]?.nodes ?? [];
    const app = nodes.findIndex((n) => n.id === 'app-use1');
    const euw1 = nodes.findIndex((n) => n.id === 'euw1');
    (nodes[app] as Record<string, unknown>).instanceType = 'm99.huge';
    (nodes[euw1] as Record<string, unknown>).location = 'eu-moon-1';
    const file = join(work, 'unknown.nines.json');
    writeFileSync(file, JSON.stringify(doc));
    const normal = await runCli('validate', file);
    expect(normal.code).toBe(0);
    expect(normal.stdout).toBe(`${file}: valid\n`);
    const strict = await runCli('validate', '--strict', file);
    expect(strict.code).toBe(1);
    expect(strict.stdout.trim().split('\n')).toEqual([
      `${file}: warning: variants[0].nodes[${app}].instanceType: instance type "m99.huge" is not in the price book for aws us-east-1: app-use1 stays unpriced`,
      `${file}: warning: variants[0].nodes[${euw1}].location: aws location "eu-moon-1" is not in the price book: what sits in region euw1 stays unpriced`,
      `${file}: valid, 2 warnings (--strict)`,
    ]);
  });

  it('passes every bundled template', async () => {
    const run = await runCli(
      'validate',
      '--strict',
      template('active-active-3-regions'),
      template('ha-options'),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/warning/);
  });
});
