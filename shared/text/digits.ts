/**
 * The digits of a number, the same on every machine: en-US digits (a comma between thousands, a
 * point before decimals), never the machine's own locale, so a plan is byte-stable wherever it is
 * made. Rounding is half away from zero (`Intl`'s default: 2.5 → 3, −2.5 → −3) of the number's
 * shortest decimal form (1.005 → 1.01), as ICU rounds a double; a negative number gets U+2212
 * (−), the plan's minus sign, not the hyphen. The digits are written here from that shortest form
 * (`String(value)`), as `Intl.NumberFormat('en-US')` writes them (digits.test.ts compares the two
 * over a million numbers): building the first Intl formatter loads ICU's number data, some 10 ms
 * at every start of the CLI. Intl still writes what this does not: a number whose shortest form
 * has an exponent (from 1e21, or below 1e-6) and decimals outside 0–20. Units are appended by
 * the callers in `quantities.ts`, never by Intl's `unit` or `compact` styles, whose words differ
 * between Node's and Chromium's ICU data.
 */

/** The space between a number and its unit (U+00A0): a line never breaks between them. */
export const NBSP = '\u00a0';

/** The minus sign of a negative number (U+2212). */
export const MINUS = '\u2212';

/** One cached formatter per option set: building one costs far more than using it. */
const formatters = new Map<string, Intl.NumberFormat>();

/** The most decimals {@link plainDigits} writes (Intl allows more). */
const MAX_PLAIN_DECIMALS = 20;

/**
 * `Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits, useGrouping })`'s
 * text for `value` (finite), written from its shortest decimal form: undefined when that form has
 * an exponent or the decimals are not whole numbers from 0 to {@link MAX_PLAIN_DECIMALS}, with
 * `minDecimals` ≤ `maxDecimals` (Intl then writes it, or refuses the options).
 */
export function plainDigits(
  value: number,
  minDecimals: number,
  maxDecimals: number,
): string | undefined {
  if (
    !Number.isInteger(minDecimals) ||
    !Number.isInteger(maxDecimals) ||
    minDecimals < 0 ||
    minDecimals > maxDecimals ||
    maxDecimals > MAX_PLAIN_DECIMALS
  ) {
    return undefined;
  }
  const text = String(Math.abs(value));
  if (text.includes('e')) return undefined;
  const point = text.indexOf('.');
  let whole = point < 0 ? text : text.slice(0, point);
  let decimals = point < 0 ? '' : text.slice(point + 1);
  if (decimals.length > maxDecimals) {
    // Half away from zero: up when the first digit dropped is 5 or more.
    const up = decimals.charCodeAt(maxDecimals) >= 53;
    decimals = decimals.slice(0, maxDecimals);
    if (up) {
      const rounded = addOne(whole + decimals);
      whole = rounded.slice(0, rounded.length - maxDecimals);
      decimals = rounded.slice(rounded.length - maxDecimals);
    }
  }
  let end = decimals.length;
  while (end > minDecimals && decimals.charCodeAt(end - 1) === 48) end -= 1;
  decimals = decimals.slice(0, end).padEnd(minDecimals, '0');
  let digits = whole;
  for (let at = whole.length - 3; at > 0; at -= 3) {
    digits = `${digits.slice(0, at)},${digits.slice(at)}`;
  }
  // Intl writes the sign of a negative number, and of −0, before the digits: "-0" for −0.001.
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return decimals.length > 0 ? `${sign}${digits}.${decimals}` : `${sign}${digits}`;
}

/** A string of decimal digits plus one in its last digit: `199` → `200`, `99` → `100`. */
function addOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i -= 1;
  const head =
    i < 0 ? '1' : `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}`;
  return head + '0'.repeat(digits.length - 1 - i);
}

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
  const text =
    plainDigits(value, minDecimals, maxDecimals) ??
    formatter(minDecimals, maxDecimals).format(value);
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
