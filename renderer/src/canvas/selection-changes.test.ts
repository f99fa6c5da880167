import { describe, expect, it } from 'vitest';
import { applySelectChanges } from './selection-changes';

describe('applySelectChanges', () => {
  it('adds newly selected ids at the end and drops deselected ones, keeping the order', () => {
    expect(
      applySelectChanges(
        ['a', 'b', 'c'],
        [
          { type: 'select', id: 'b', selected: false },
          { type: 'select', id: 'd', selected: true },
          { type: 'select', id: 'a', selected: true },
        ],
      ),
    ).toEqual(['a', 'c', 'd']);
  });

  it('returns the same array when nothing is selected or deselected', () => {
    const selected = ['a'];
    expect(
      applySelectChanges(selected, [
        { type: 'dimensions', id: 'a', dimensions: { width: 10, height: 10 } },
        { type: 'select', id: 'a', selected: true },
        { type: 'select', id: 'z', selected: false },
      ]),
    ).toBe(selected);
  });
});
