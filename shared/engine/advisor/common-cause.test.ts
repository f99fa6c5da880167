/**
 * The common-cause rule on the bundled templates: how much downtime the global deploy causes, and
 * staging it per region as a measured model operation (docs/advisor.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyFix } from '../../model/ops/fixes';
import type { NinesDocument } from '../../model/types';
import { parseDocument, parseDocumentText } from '../../schema/parse';
import { dep, singleVariant } from '../../testing/builders';
import { evaluate } from '../availability';
import { advise } from './index';

function template(stem: string): NinesDocument {
  const text = readFileSync(
    new URL(`../../../assets/templates/${stem}.nines.json`, import.meta.url),
    'utf8',
  );
  const parsed = parseDocumentText(text);
  if (!parsed.ok) throw new Error(`${stem} does not parse`);
  return parsed.document;
}

describe('common-cause findings', () => {
  it('aa2: the global deploy is most of the downtime; staged per region, measured', () => {
    const doc = template('active-active-2-regions');
    const f = advise(doc).variants[0]?.findings.find((x) => x.code === 'common-cause');
    if (!f) throw new Error('no common-cause finding');
    expect(f.severity).toBe('medium');
    expect(f.nodeIds).toEqual(['app-use1', 'app-euw1']);
    expect(f.message).toContain('it alone accounts for 15.0\u00a0min/yr');
    expect(f.message).toContain('staged rollouts');
    expect(f.fix.op).toEqual({ kind: 'stage-common-cause', causeId: 'global-deploy' });
    const staged = applyFix(doc, 'aa2', f.fix.op ?? { kind: 'set-async', nodeIds: [] });
    expect(parseDocument(staged).ok).toBe(true);
    expect(staged.variants[0]?.commonCause?.map((c) => [c.id, c.affects])).toEqual([
      ['global-deploy-use1', ['app-use1']],
      ['global-deploy-euw1', ['app-euw1']],
    ]);
    const after = evaluate(staged).variants[0]?.availability?.downtimeMinutesPerYear as number;
    expect(f.effect?.downtimeMinutesAfter).toBe(after);
    expect(f.effect?.downtimeMinutesBefore).toBeGreaterThan(22);
    expect(after).toBeLessThan(7.5);
    expect(evaluate(staged).variants[0]?.singlePointsOfFailure).toEqual(['dns']);
  });

  it('a tier whose beta factor makes it a single point of failure: said in words, not measured', () => {
    const doc = singleVariant(
      'lb',
      [
        { id: 'lb', kind: 'router', availability: 0.99999 },
        { id: 'app', kind: 'service', instances: 3, betaFactor: 0.1 },
      ],
      [dep('lb', 'app')],
    );
    const f = advise(doc).variants[0]?.findings.find((x) => x.code === 'common-cause');
    expect(f?.nodeIds).toEqual(['app']);
    expect(f?.message).toContain('10\u00a0% of the failures');
    expect(f?.fix.op).toBeNull();
    expect(f?.effect).toBeNull();
  });
});
