/**
 * The advisor's work budget: fixes are measured most severe first within the budget; the others
 * are not measured, not offered as a model change, and say so; the report says how many. The
 * budget is in work units of the design's size, so these outcomes do not depend on the machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NinesDocument } from '../../model/types';
import { parseDocumentText } from '../../schema/parse';
import { sharedDependencies } from '../../testing/budget-models';
import { advise, adviseAsync, type Finding } from './index';

const SEVERITY = { high: 0, medium: 1, low: 2 } as const;

/** 6 services × 6 datastores behind a 3-of-6 router: 6 single points of failure, 6 without backup. */
const doc = sharedDependencies(6, 3, 6);
const full = advise(doc, undefined, { workBudget: Infinity }).variants[0];
const fixes = (full?.findings ?? []).filter((f) => f.fix.op !== null);

/** A budget that measures about a third of the fixes. */
function cut(): NonNullable<typeof full> {
  const unlimited = advise(doc, undefined, { workBudget: Infinity }).variants[0];
  expect(unlimited?.truncated).toBeNull();
  // The work of one fix of this design, read from a run that can afford exactly none.
  const none = advise(doc, undefined, { workBudget: 1 }).variants[0];
  const perFix = none?.truncated?.workPerFix as number;
  const v = advise(doc, undefined, { workBudget: perFix * 4 }).variants[0];
  if (!v) throw new Error('no advice');
  return v;
}

describe('the advisor work budget', () => {
  it('measures every fix of the design when the budget allows it', () => {
    expect(fixes.length).toBe(12);
    expect(fixes.every((f) => f.effect !== null)).toBe(true);
  });

  it('measures the most severe fixes first and leaves the rest unmeasured, saying so', () => {
    const v = cut();
    const measured = v.findings.filter((f) => f.effect !== null);
    const unmeasured = v.findings.filter((f) => f.notMeasured === 'work-budget');
    expect(v.truncated).toMatchObject({ measured: measured.length, unmeasured: unmeasured.length });
    expect(measured.length).toBeGreaterThan(0);
    expect(measured.length + unmeasured.length).toBe(fixes.length);
    // Never a less severe one measured while a more severe one is not.
    const worstUnmeasured = Math.min(...unmeasured.map((f) => SEVERITY[f.severity]));
    for (const f of measured) expect(SEVERITY[f.severity]).toBeLessThanOrEqual(worstUnmeasured);
    for (const f of unmeasured) {
      expect(f.effect).toBeNull();
      expect(f.fix.op).toBeNull();
      expect(f.message).toContain(
        `Not measured: on a design this size the review measures ${measured.length} of its 12\u00a0fixes`,
      );
    }
  });

  it('gives the measured findings exactly the effect of an unlimited review', () => {
    const byKey = new Map(full?.findings.map((f) => [f.title, f] as const));
    for (const f of cut().findings.filter((x) => x.effect !== null)) {
      expect(f).toEqual(byKey.get(f.title));
    }
  });

  it('lists the same findings, in the same order, as an unlimited review', () => {
    const titles = (findings: readonly Finding[]) => findings.map((f) => f.title);
    expect(titles(cut().findings)).toEqual(titles(full?.findings ?? []));
  });

  it('gives the same report in steps (adviseAsync)', async () => {
    const perFix = advise(doc, undefined, { workBudget: 1 }).variants[0]?.truncated?.workPerFix;
    const options = { workBudget: (perFix as number) * 4 };
    const outcome = await adviseAsync(doc, undefined, options, () => Promise.resolve());
    expect(outcome).toEqual({ cancelled: false, report: advise(doc, undefined, options) });
  });

  it('leaves no bundled template cut short at the default budget', () => {
    const dir = new URL('../../../assets/templates/', import.meta.url);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.nines.json'))) {
      const parsed = parseDocumentText(readFileSync(new URL(name, dir), 'utf8'));
      if (!parsed.ok) throw new Error(`${name} does not parse`);
      const template: NinesDocument = parsed.document;
      for (const v of advise(template).variants) expect([name, v.truncated]).toEqual([name, null]);
    }
  });

  it('shares the budget between the variants reviewed', () => {
    const two: NinesDocument = {
      ...doc,
      variants: [doc.variants[0], { ...doc.variants[0], id: 'w' }] as NinesDocument['variants'],
    };
    const perFix = advise(doc, undefined, { workBudget: 1 }).variants[0]?.truncated?.workPerFix;
    const report = advise(two, undefined, { workBudget: (perFix as number) * 8 });
    for (const v of report.variants) {
      expect(v.truncated).toMatchObject({ budget: (perFix as number) * 4 });
    }
  });
});
