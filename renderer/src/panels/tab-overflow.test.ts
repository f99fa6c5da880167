import { describe, expect, it } from 'vitest';
import { visibleTabs } from './tab-overflow';

describe('visibleTabs', () => {
  it('shows every tab that fits', () => {
    expect(visibleTabs([100, 100, 100], 2, 300, 40)).toEqual([0, 1, 2]);
  });

  it('keeps the active tab and fills the rest in order, beside the overflow button', () => {
    // 400 px: the active (index 4, 100) + overflow (40) leaves 260 for two more of 100.
    expect(visibleTabs([100, 100, 100, 100, 100, 100], 4, 400, 40)).toEqual([0, 1, 4]);
  });

  it('stops at the first tab that does not fit, so the order never jumps', () => {
    expect(visibleTabs([50, 200, 50, 50], 0, 200, 40)).toEqual([0]);
  });

  it('counts the other tabs at the width they may shrink to', () => {
    // 300 px: the active (100) + overflow (40) leaves 160: two tabs of 150 shrunk to 80.
    expect(visibleTabs([100, 150, 150, 150], 0, 300, 40, 80)).toEqual([0, 1, 2]);
    expect(visibleTabs([100, 150, 150, 150], 0, 300, 40)).toEqual([0, 1]);
  });

  it('shows the active tab even when nothing else fits', () => {
    expect(visibleTabs([300, 300, 300], 1, 100, 40)).toEqual([1]);
  });
});
