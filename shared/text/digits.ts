/**
 * The digits of a number, the same on every machine: the only user of `Intl.NumberFormat` in
 * Nines, with the locale pinned to `en-US` (a comma between thousands, a point before decimals)
 * and never the machine's own, so a plan is byte-stable wherever it is made. Rounding is half
 * away from zero (`Intl`'s default: 2.5 → 3, −2.5 → −3); a negative number gets U+2212 (−), the
 * plan's minus sign, not the hyphen. Units are appended by the callers in `quantities.ts`, never
 * by Intl's `unit` or `compact` styles, whose words differ between Node's and Chromium's ICU data.
 */

/** The space between a number and its unit (U+00A0): a line never breaks between them. */
export const NBSP = '\u00a0';

/** The minus sign of a negative number (U+2212). */
export const MINUS = '\u2212';

/** One cached formatter per option set: building one costs far more than using it. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals}|${maxDecimals}`;
  let found = formatters.get(key);
  if (found === undefined) {
    found = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
      useGrouping: true,
    });
    formatters.set(key, found);
  }
  return found;
}

function digits(value: number, minDecimals: number, maxDecimals: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : `${MINUS}∞`;
  const text = formatter(minDecimals, maxDecimals).format(value);
  // "-0" (a tiny negative rounded away) reads as 0.
  if (/^-0(\.0*)?$/.test(text)) return text.slice(1);
  return text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text;
}

/**
 * A number with thousands separators and at most `maxDecimals` decimals, trailing zeros dropped.
 * @example grouped(17520) // '17,520'
 * @example grouped(2.5, 1) // '2.5'
 * @example grouped(-1234.5, 0) // '−1,235'
 */
export function grouped(value: number, maxDecimals = 0): string {
  return digits(value, 0, maxDecimals);
}

/**
 * A number with thousands separators and exactly `decimals` decimals (trailing zeros kept, so
 * figures in a column line up digit by digit).
 * @example fixed(99.99, 4) // '99.9900'
 * @example fixed(1234.56, 1) // '1,234.6'
 */
export function fixed(value: number, decimals: number): string {
  return digits(value, decimals, decimals);
}
