/**
 * How the cost engine writes numbers into a line's `detail` text, through shared/text
 * (docs/conventions.md): grouped en-US digits, a non-breaking space before a unit.
 */
import { formatNumber, formatUnitPrice, formatUsd, withUnit } from '../../text';

/** A number for a detail text: up to 3 decimals, thousands grouped. */
export function num(n: number): string {
  return formatNumber(n, 3);
}

/** A number and its unit: "1,234.5 GiB". */
export function qty(n: number, unit: string): string {
  return withUnit(num(n), unit);
}

/** An amount the user gave (an override, a licence): "$1,234", "$12.50". */
export function usd(n: number): string {
  return formatUsd(n, { cents: !Number.isInteger(n) });
}

/** A unit price: up to 4 decimals, "$0.1008". */
export function usd4(n: number): string {
  return formatUnitPrice(n);
}
