/**
 * The fast subset of `npm run fuzz`: a few cases of the hostile corpus, one per family, each
 * through the commands most exposed to it, as real `nines` processes. The assertion is on the
 * categories only (no crash, hang, unclear message or unsafe output), never on speed: the
 * watchdog is generous. The classifier itself is pinned first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCorpus, type FuzzCase } from './fuzz-corpus';
import { classify, countOutcomes, FAILURES, runCorpus } from './fuzz-cli';

describe('classify', () => {
  it('tells crashes, refusals, unclear messages and unsafe output apart', () => {
    expect(classify(0, null, '')).toBe('accepted');
    expect(
      classify(1, null, 'f.json: variants[0].nodes[1].instances: must be a positive integer\n'),
    ).toBe('refused');
    expect(classify(1, null, 'f.json: (document): nested more than 64 levels deep\n')).toBe(
      'refused',
    );
    expect(classify(1, null, 'prices.csv:2:2: usd "x" is not a number ≥ 0\n')).toBe('refused');
    expect(
      classify(
        2,
        null,
        'nines simulate: --years must be an integer from 1 to 1,000,000, not "0"\n',
      ),
    ).toBe('refused');
    expect(classify(1, null, 'something went wrong\n')).toBe('unclear');
    expect(
      classify(
        1,
        null,
        'RangeError: Maximum call stack size exceeded\n    at findCycle (/x/invariants.ts:12:5)\n',
      ),
    ).toBe('crash');
    expect(classify(134, null, '')).toBe('crash');
    expect(classify(null, 'SIGSEGV', '')).toBe('crash');
    expect(classify(0, null, '', 'name \u001b]0;pwned\u0007\n')).toBe('unsafe');
    expect(classify(0, null, '', 'a,b\r\nc,d\r\n')).toBe('accepted');
  });
});

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'nines-fuzz-test-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the hostile corpus, fast subset', () => {
  it('no crash, hang, unclear message or unsafe output', async () => {
    const chosen: Record<string, readonly string[]> = {
      'control-names-0': ['evaluate', 'export-mef'],
      'duplicate-node-key': ['validate'],
      'deep-brackets': ['validate'],
      'nul-byte': ['validate'],
      'not-a-file-fifo': ['evaluate'],
      'prices-not-a-file-dev-zero': ['compare'],
      'chain-5000-cycle': ['validate'],
      'price-1e308': ['compare'],
      'price-columns': ['compare'],
      'years-max-safe': ['simulate'],
    };
    const cases: FuzzCase[] = hostileCorpus(18, false)
      .filter((c) => c.name in chosen)
      .map((c) => ({ ...c, commands: chosen[c.name] }));
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(chosen).sort());
    const results = await runCorpus(cases, { root, timeoutMs: 300_000, parallel: 2 });
    const failures = results.filter((r) => FAILURES.includes(r.outcome));
    expect(failures).toEqual([]);
    const counts = countOutcomes(results);
    // The control-character names are a valid file: accepted, with safe output.
    expect(counts.accepted).toBe(2);
    expect(counts.refused).toBe(results.length - 2);
  }, 900_000);
});
