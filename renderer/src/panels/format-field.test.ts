import { describe, expect, it } from 'vitest';
import { formatFieldValue } from './format-field';

describe('formatFieldValue', () => {
  it.each([
    [0.9999, 'probability', '99.99 %'],
    [0.99999, 'probability', '99.999 %'],
    [17520, 'hours', '17,520 h'],
    [30, 'seconds', '30 s'],
    [3600, 'seconds', '3,600 s (1 h)'],
    [300, 'seconds', '300 s (5 min)'],
    [86400, 'seconds', '86,400 s (24 h)'],
    [604800, 'seconds', '604,800 s (7 d)'],
    [75, 'ms', '75 ms'],
    [2000, 'rps', '2,000 req/s'],
    [1000, 'mbps', '1,000 Mbit/s'],
    [0.12, 'usdPerHour', '$0.12 / h'],
    [true, 'boolean', 'yes'],
    ['active-active', 'text', 'active-active'],
  ] as const)('shows %s as %s → %s', (value, unit, expected) => {
    expect(formatFieldValue(value, unit)).toBe(expected);
  });
});
