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

/**
 * `text` cut to at most `maxLength` characters, ellipsis included, at the last space that
 * leaves a whole word, with an ellipsis (U+2026) in place of the rest; unchanged when it fits.
 * Punctuation and dashes left dangling before the cut go too.
 * @example ellipsized('Checkout — Active-Active, three regions — Plan', 30) // 'Checkout — Active-Active…'
 */
export function ellipsized(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength <= 1) return maxLength === 1 ? '…' : '';
  const room = text.slice(0, maxLength - 1);
  const space = room.lastIndexOf(' ');
  const cut = space > 0 && text[maxLength - 1] !== ' ' ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.\u2013\u2014-]+$/u, '')}…`;
}
