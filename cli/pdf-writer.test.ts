import { describe, expect, it } from 'vitest';
import { hasCoreToSpare } from './pdf-writer';

describe('hasCoreToSpare (whether the PDF thread warms up)', () => {
  it('warms up on an idle machine, or one running plans one after the other', () => {
    expect(hasCoreToSpare(0, 2)).toBe(true);
    expect(hasCoreToSpare(1.8, 2)).toBe(true);
    expect(hasCoreToSpare(2.9, 2)).toBe(true);
  });

  it('does not on a busy one: the warm-up would take the main thread its core', () => {
    expect(hasCoreToSpare(3, 2)).toBe(false);
    expect(hasCoreToSpare(6.5, 2)).toBe(false);
    expect(hasCoreToSpare(6.5, 8)).toBe(true);
  });
});
