/**
 * How the cost engine writes numbers into a line's `detail` text (locale-independent).
 */
/** A number for a detail text: up to 3 decimals, thousands separated (locale-independent). */
export function num(n: number): string {
  const [int = '0', frac] = (Math.round(n * 1000) / 1000).toString().split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
}

export function usd(n: number): string {
  return num(Math.round(n * 100) / 100);
}

export function usd4(n: number): string {
  return (Math.round(n * 10000) / 10000).toString();
}
