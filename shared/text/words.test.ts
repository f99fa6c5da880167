import { describe, expect, it } from 'vitest';
import { capitalise, ellipsized, listOf } from './words';

describe('words', () => {
  it('capitalise and listOf', () => {
    expect(capitalise('high')).toBe('High');
    expect(listOf(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('ellipsized keeps a text that fits and cuts a longer one after a whole word', () => {
    const title = 'Checkout — Active-Active, three regions — Plan';
    expect(ellipsized(title, title.length)).toBe(title);
    expect(ellipsized(title, 30)).toBe('Checkout — Active-Active…');
    // The dash before the cut goes with it.
    expect(ellipsized(title, 43)).toBe('Checkout — Active-Active, three regions…');
    // A cut that falls on a space keeps the word before it.
    expect(ellipsized('one two three', 8)).toBe('one two…');
    for (let n = 1; n < title.length; n += 1) {
      const short = ellipsized(title, n);
      expect(short.length, `${n}`).toBeLessThanOrEqual(n);
      expect(short.endsWith('…')).toBe(true);
    }
    // One long word is cut inside it.
    expect(ellipsized('Supercalifragilistic', 6)).toBe('Super…');
    expect(ellipsized('abc', 0)).toBe('');
  });
});
