import { describe, expect, it, vi } from 'vitest';
import { fixed, grouped } from './digits';
import {
  formatAvailability,
  formatBytes,
  formatCount,
  formatDuration,
  formatGiB,
  formatInterval,
  formatMinutesPerYear,
  formatNines,
  formatNumber,
  formatRate,
  formatShare,
  formatSignedUsd,
  formatUnitPrice,
  formatUsd,
  plural,
} from './quantities';
import { capitalise, listOf } from './words';

/** Test text with `_` for the non-breaking space and `-` for U+2212, to keep the table readable. */
const readable = (text: string): string => text.replace(/\u00a0/g, '_').replace(/\u2212/g, '-');

/** One golden table: the contract the CLI, the planner and the plan share. */
const GOLDEN: [string, () => string, string][] = [
  ['grouped integer', () => grouped(17520), '17,520'],
  ['grouped rounds half away from zero', () => grouped(-1234.5), '-1,235'],
  ['grouped keeps decimals it is given', () => grouped(2.25, 1), '2.3'],
  ['grouped small negative reads 0', () => grouped(-0.0001, 2), '0'],
  ['fixed keeps trailing zeros', () => fixed(99.99, 4), '99.9900'],
  ['fixed groups thousands', () => fixed(1234.56, 1), '1,234.6'],
  ['number', () => formatNumber(0.25), '0.25'],
  ['number, no decimals', () => formatNumber(1234.567, 0), '1,235'],
  ['availability', () => formatAvailability(0.99998818), '99.9988_%'],
  ['availability keeps zeros', () => formatAvailability(0.9999), '99.9900_%'],
  ['availability 0', () => formatAvailability(0), '0.0000_%'],
  ['availability 1', () => formatAvailability(1), '100.0000_%'],
  ['availability, 6 digits', () => formatAvailability(0.99998818, { digits: 6 }), '99.998818_%'],
  ['nines', () => formatNines(4.9269), '4.93_nines'],
  ['nines, bare', () => formatNines(4, { bare: true }), '4.00'],
  ['minutes a year', () => formatMinutesPerYear(6.2149), '6.2_min/yr'],
  ['minutes a year keeps .0', () => formatMinutesPerYear(120), '120.0_min/yr'],
  ['minutes a year grouped', () => formatMinutesPerYear(5259.6), '5,259.6_min/yr'],
  ['minutes a year, 2 digits', () => formatMinutesPerYear(0.0312, { digits: 2 }), '0.03_min/yr'],
  ['duration 0', () => formatDuration(0), '0_s'],
  ['duration ms', () => formatDuration(0.038), '38_ms'],
  ['duration sub-ms', () => formatDuration(0.00042), '0.4_ms'],
  ['duration s', () => formatDuration(2.5), '2.5_s'],
  ['duration s below 2 min', () => formatDuration(90), '90_s'],
  ['duration min', () => formatDuration(534), '8.9_min'],
  ['duration min, whole', () => formatDuration(5400), '90_min'],
  ['duration h', () => formatDuration(86_400), '24_h'],
  ['duration d', () => formatDuration(420_000), '4.9_d'],
  ['duration unbounded', () => formatDuration(null), 'unbounded'],
  ['duration unbounded, narrow', () => formatDuration(null, { unbounded: '∞' }), '∞'],
  ['interval d', () => formatInterval(86_400), '1_d'],
  ['interval h', () => formatInterval(21_600), '6_h'],
  ['interval min', () => formatInterval(1800), '30_min'],
  ['interval s', () => formatInterval(45), '45_s'],
  ['interval 0', () => formatInterval(0), '0_s'],
  ['usd', () => formatUsd(6664.6), '$6,665'],
  ['usd negative', () => formatUsd(-1234.5), '-$1,235'],
  ['usd 0', () => formatUsd(0), '$0'],
  ['usd below a dollar', () => formatUsd(0.4), '$0.40'],
  ['usd, cents', () => formatUsd(1234.5, { cents: true }), '$1,234.50'],
  ['usd, tiny negative', () => formatUsd(-0.001), '$0.00'],
  ['signed usd +', () => formatSignedUsd(420), '+$420'],
  ['signed usd −', () => formatSignedUsd(-35.2), '-$35'],
  ['signed usd 0', () => formatSignedUsd(0), '$0'],
  ['unit price', () => formatUnitPrice(0.1008), '$0.1008'],
  ['unit price trimmed', () => formatUnitPrice(0.02), '$0.02'],
  ['share', () => formatShare(0.4), '40_%'],
  ['share thirds', () => formatShare(1 / 3), '33.33_%'],
  ['share close to 1', () => formatShare(0.99951), '99.95_%'],
  ['plural 1', () => plural(1, 'instance'), 'instance'],
  ['plural 0', () => plural(0, 'instance'), 'instances'],
  ['plural irregular', () => plural(2, 'copy', 'copies'), 'copies'],
  ['count 1', () => formatCount(1, 'instance'), '1_instance'],
  ['count 3', () => formatCount(3, 'instance'), '3_instances'],
  ['count grouped', () => formatCount(17520, 'hour'), '17,520_hours'],
  ['rate', () => formatRate(20000, 'requests/s'), '20,000_requests/s'],
  ['rate with decimals', () => formatRate(1.456, 'Mbit/s'), '1.46_Mbit/s'],
  ['GiB', () => formatGiB(12.46), '12.5_GiB'],
  ['bytes', () => formatBytes(512), '512_B'],
  ['KiB', () => formatBytes(1536), '1.5_KiB'],
  ['GiB from bytes', () => formatBytes(5 * 2 ** 30), '5_GiB'],
  ['capitalise', () => capitalise('high'), 'High'],
  ['list of 1', () => listOf(['a']), 'a'],
  ['list of 3', () => listOf(['a', 'b', 'c']), 'a, b and c'],
];

describe('shared/text quantities', () => {
  it.each(GOLDEN)('%s', (_name, format, expected) => {
    expect(readable(format())).toBe(expected);
  });

  it('joins every unit with a non-breaking space, never a plain one', () => {
    for (const text of [
      formatAvailability(0.5),
      formatDuration(3),
      formatShare(0.5),
      formatCount(2, 'zone'),
      formatRate(3, 'requests/s'),
    ]) {
      expect(text).not.toContain(' ');
      expect(text).toContain('\u00a0');
    }
  });

  it('asks Intl for en-US only, never the machine locale', async () => {
    vi.resetModules();
    const locales: unknown[] = [];
    const Original = Intl.NumberFormat;
    const spy = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (
      locale?: Intl.LocalesArgument,
      options?: Intl.NumberFormatOptions,
    ) {
      locales.push(locale);
      return new Original(locale, options);
    } as unknown as typeof Intl.NumberFormat);
    try {
      const fresh = await import('./quantities');
      fresh.formatNumber(17520.5);
      fresh.formatAvailability(0.5);
      fresh.formatUsd(1.5);
      // Intl writes only what digits.ts does not: exponent forms.
      fresh.formatNumber(1e21);
      fresh.formatUsd(1e-7);
      expect(locales.length).toBeGreaterThan(0);
      expect(new Set(locales)).toEqual(new Set(['en-US']));
    } finally {
      spy.mockRestore();
    }
  });
});
