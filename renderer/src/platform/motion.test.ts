// @vitest-environment jsdom
// The view jumps instead of gliding when the system asks for less motion.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { viewDuration } from './motion';

function systemReducesMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query === '(prefers-reduced-motion: reduce)',
  }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('viewDuration', () => {
  it('keeps the animation by default', () => {
    systemReducesMotion(false);
    expect(viewDuration(200)).toBe(200);
  });
  it('is a jump when the system reduces motion', () => {
    systemReducesMotion(true);
    expect(viewDuration(200)).toBe(0);
  });
});
