import { describe, expect, it } from 'vitest';
import { middleCut } from './Toolbar';

const split = (text: string) => [text.slice(0, middleCut(text)), text.slice(middleCut(text))];

describe('middleCut', () => {
  it('keeps the extension whole as the tail, never a stray letter before it', () => {
    expect(split('checkout-ha-options-compared.nines.json')).toEqual([
      'checkout-ha-options-compared',
      '.nines.json',
    ]);
    expect(split('untitled.nines.json')).toEqual(['untitled', '.nines.json']);
  });

  it('keeps the last 12 characters (at most half) when the extension is longer or absent', () => {
    expect(split('design-without-extension-at-all')).toEqual([
      'design-without-exte',
      'nsion-at-all',
    ]);
    expect(split('a.very-long-extension-here')).toEqual(['a.very-long-ex', 'tension-here']);
    expect(split('short')).toEqual(['sho', 'rt']);
  });
});
