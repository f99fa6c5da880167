import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../shared/engine';
import { main } from './index';
import type { CliIo } from './io';

const HA_OPTIONS = fileURLToPath(
  new URL('../assets/templates/ha-options.nines.json', import.meta.url),
);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'nines-compare-'));
function fixture(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('nines compare', () => {
  it('prints a table of the five designs with the price book’s date', async () => {
    const { code, out } = await run('compare', HA_OPTIONS);
    expect(code).toBe(0);
    expect(out).toContain('prices as of 2026-11-26 (source snapshots 2017-05-31 to 2026-10-02)');
    for (const id of ['single-3az', 'pilot-light', 'warm-standby', 'aa2', 'aa3'])
      expect(out).toContain(id);
    expect(out).toContain('What each extra nine costs');
  });

  it('--json ranks the five variants, those meeting the targets first by yearly total', async () => {
    const { code, out } = await run('compare', HA_OPTIONS, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as Comparison;
    expect(result.priceBookAsOf).toBe('2026-11-26');
    expect(result.variants.map((v) => v.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(result.variants.map((v) => v.id))).toEqual(
      new Set(['single-3az', 'pilot-light', 'warm-standby', 'aa2', 'aa3']),
    );
    const meets = result.variants.filter((v) => v.meetsTargets);
    expect(result.variants.slice(0, meets.length)).toEqual(meets);
    const totals = meets.map((v) => v.yearlyTotal);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    for (const v of result.variants) {
      expect(v.monthlyUsd).toBeGreaterThan(0);
      expect(v.cost.breakdown.length).toBeGreaterThan(0);
    }
  });

  it('--csv writes the breakdown with a header', async () => {
    const { code, out } = await run('compare', HA_OPTIONS, '--csv');
    expect(code).toBe(0);
    expect(out.split('\r\n')[0]).toBe(
      'variant,nodeId,region,tier,category,monthlyUsd,detail,source',
    );
    expect(out).toContain('aa3,app-usw2,usw2,service,compute,588.67,');
  });

  it('--prices replaces book prices: the total moves by exactly the difference', async () => {
    const before = JSON.parse((await run('compare', HA_OPTIONS, '--json')).out) as Comparison;
    const prices = fixture(
      'prices.csv',
      [
        'key,usd,unit,source,asOf',
        'aws:eu-west-1:load-balancer:alb,0.03,hour,test fixture,2026-11-01',
        'aws:eu-west-1:load-balancer:alb-lcu,0.01,LCU-hour,test fixture,2026-11-01',
      ].join('\n'),
    );
    const { code, out } = await run('compare', HA_OPTIONS, '--json', '--prices', prices);
    expect(code).toBe(0);
    const after = JSON.parse(out) as Comparison;
    const aa2 = (c: Comparison) => c.variants.find((v) => v.id === 'aa2');
    expect((aa2(after)?.monthlyUsd ?? 0) - (aa2(before)?.monthlyUsd ?? 0)).toBeCloseTo(
      // The book's $0.0252/h and $0.008/LCU-h in eu-west-1 (data/pricing/fills.json) replaced:
      // ALB hours + LCUs for eu-west-1's half of 5,000 GiB of egress.
      (0.03 - 0.0252) * 730 + 2500 * 1.073741824 * (0.01 - 0.008),
      6,
    );
    expect(aa2(after)?.cost.breakdown.some((l) => l.source === 'test fixture')).toBe(true);
  });

  it('reports bad price rows by file, line and column, and refuses UTF-16', async () => {
    const bad = fixture('bad.csv', 'key,usd,unit,source\nx:y:z:w,abc,hour,s\n');
    const result = await run('compare', HA_OPTIONS, '--prices', bad);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${bad}:2:2: usd "abc" is not a number ≥ 0`);
    const utf16 = fixture('utf16.csv', new Uint8Array([0xff, 0xfe, 0x6b, 0x00]));
    const refused = await run('compare', HA_OPTIONS, '--prices', utf16);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('UTF-16LE');
  });

  it('exit 1 for an invalid file, 2 for bad usage', async () => {
    const invalid = fixture('bad.nines.json', '{"format":"nines/1"}');
    expect((await run('compare', invalid)).code).toBe(1);
    expect((await run('compare')).code).toBe(2);
    expect((await run('compare', HA_OPTIONS, '--json', '--csv')).code).toBe(2);
  });
});
