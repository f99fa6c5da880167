/**
 * The fast subset of the budget cases of `npm run fuzz` (scripts/fuzz-corpus.ts `budgetCases`):
 * valid files inside the documented limits, each run as a real `nines` process, must finish
 * (exit 0) or be refused before work starts with a message naming the limit. The assertion is
 * on the outcome only, never on time (the full run reports the times against the 10 s bound).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetCases } from './fuzz-corpus';
import { budgetOutcomeMet, runCorpus } from './fuzz-cli';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'nines-budget-test-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the budget cases, fast subset', () => {
  it('finish or are refused naming their limit', async () => {
    const chosen: Record<string, readonly string[]> = {
      'budget-shared-300-of-300': ['advise'],
      'budget-shared-300-of-300-plan': ['plan'],
      'budget-1000-regions-1000-scenarios': ['evaluate'],
      'budget-router-layers-10-of-20': ['evaluate'],
      'budget-1000-of-998': ['advise'],
    };
    const cases = budgetCases()
      .filter((c) => c.name in chosen)
      .map((c) => ({ ...c, commands: chosen[c.name] }));
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(chosen).sort());
    const results = await runCorpus(cases, { root, timeoutMs: 600_000, parallel: 2 });
    expect(results.filter((r) => !budgetOutcomeMet(r))).toEqual([]);
    expect(results.map((r) => r.outcome).sort()).toEqual([
      'accepted',
      'accepted',
      'refused',
      'refused',
      'refused',
    ]);
  }, 1_200_000);
});
