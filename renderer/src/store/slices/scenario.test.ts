import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../shared/engine';
import { dep, singleVariant } from '../../../../shared/testing/builders';
import { scenarioMarks } from './scenario';

describe('scenarioMarks', () => {
  it('marks what a region outage stops, with everything inside the region, and the survivors', () => {
    const doc = singleVariant(
      'dns',
      [
        { id: 'dns', kind: 'router' },
        { id: 'r1', kind: 'region', provider: 'aws', location: 'us-east-1' },
        { id: 'z1', kind: 'zone', parent: 'r1' },
        { id: 'app1', kind: 'service', parent: 'z1' },
        { id: 'r2', kind: 'region', provider: 'aws', location: 'eu-west-1' },
        { id: 'app2', kind: 'service', parent: 'r2' },
      ],
      [dep('dns', 'app1'), dep('dns', 'app2')],
    );
    doc.scenarios = [{ id: 'out', name: 'Region outage', fail: ['r1'] }];
    const variant = doc.variants[0];
    const result = evaluate(doc).variants[0]?.scenarios[0];
    if (!variant || !result) throw new Error('not evaluated');
    const marks = scenarioMarks(variant, result);
    expect(marks.get('r1')).toBe('stopped');
    expect(marks.get('z1')).toBe('stopped');
    expect(marks.get('app1')).toBe('stopped');
    expect(marks.get('app2')).toBe('survivor');
    expect(marks.get('dns')).toBe('survivor');
    expect(marks.has('r2')).toBe(false);
  });
});
