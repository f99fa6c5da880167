/** Small helpers for English prose built from data. */

/**
 * The first letter in capitals.
 * @example capitalise('high') // 'High'
 */
export function capitalise(value: string): string {
  return `${value.charAt(0).toUpperCase()}${value.slice(1)}`;
}

/**
 * Items joined as an English list, without a serial comma.
 * @example listOf(['a', 'b', 'c']) // 'a, b and c'
 */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
