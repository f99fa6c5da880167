import { describe, expect, it } from 'vitest';
import { filterOptions, isCustomValue, type PickerOption } from './picker-options';

const options: PickerOption[] = [
  { value: 'm7i.large', detail: '2 vCPU · 8 GiB · $0.1008/h' },
  { value: 'r7i.large', detail: '2 vCPU · 16 GiB · $0.1323/h' },
  { value: 'm7i.xlarge', detail: '4 vCPU · 16 GiB · $0.2016/h' },
  { value: 'cache.m7g.large', detail: 'managed redis · $0.158/h' },
];
const values = (list: readonly PickerOption[]) => list.map((o) => o.value);

describe('filterOptions', () => {
  it('keeps every option, in order, for an empty query', () => {
    expect(filterOptions(options, '  ')).toBe(options);
  });

  it('keeps the options that contain the query, those that start with it first', () => {
    expect(values(filterOptions(options, 'm7'))).toEqual([
      'm7i.large',
      'm7i.xlarge',
      'cache.m7g.large',
    ]);
  });

  it('ignores case and searches the details word by word', () => {
    expect(values(filterOptions(options, 'R7I'))).toEqual(['r7i.large']);
    expect(values(filterOptions(options, '16 gib'))).toEqual(['r7i.large', 'm7i.xlarge']);
    expect(values(filterOptions(options, 'redis large'))).toEqual(['cache.m7g.large']);
  });

  it('keeps nothing when nothing matches', () => {
    expect(filterOptions(options, 'z9')).toEqual([]);
  });
});

describe('isCustomValue', () => {
  it('is true for a value outside the options, false for one of them or for none', () => {
    expect(isCustomValue(options, 'm99.huge')).toBe(true);
    expect(isCustomValue(options, 'M7I.LARGE')).toBe(true);
    expect(isCustomValue(options, 'm7i.large')).toBe(false);
    expect(isCustomValue(options, '')).toBe(false);
  });
});
