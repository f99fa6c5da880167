import { describe, expect, it } from 'vitest';
import { parameterLabel } from './tornado-spec';

const names: Record<string, string> = { r1: 'US East', r2: 'Europe', app: 'Checkout API' };
const name = (id: string) => names[id] ?? id;
const ends = { baseValue: 1, lowValue: 0.5, highValue: 1.5 };

describe('parameterLabel', () => {
  it('names nodes and links by display names, prices by what they price', () => {
    expect(
      parameterLabel(
        { subject: { kind: 'node', nodeId: 'app' }, parameter: 'mtbfHours', ...ends },
        name,
      ),
    ).toBe('Checkout API · MTBF');
    expect(
      parameterLabel(
        { subject: { kind: 'link', a: 'r1', b: 'r2' }, parameter: 'mttrHours', ...ends },
        name,
      ),
    ).toBe('link US East ↔ Europe · MTTR');
    expect(
      parameterLabel(
        {
          subject: { kind: 'price', key: 'aws:us-east-1:compute:m7i.large', unit: 'hour' },
          parameter: 'usd',
          ...ends,
        },
        name,
      ),
    ).toBe('m7i.large us-east-1 hourly price');
    expect(
      parameterLabel(
        { subject: { kind: 'node', nodeId: 'app' }, parameter: 'licenseMonthlyUsd', ...ends },
        name,
      ),
    ).toBe('Checkout API · licence');
  });
});
