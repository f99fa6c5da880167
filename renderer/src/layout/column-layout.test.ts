import { describe, expect, it } from 'vitest';
import {
  COLUMN_LAYOUT_KEY,
  readColumnLayout,
  writeColumnLayout,
  type LayoutStorage,
} from './column-layout';

function memory(initial?: string): LayoutStorage & { value: string | null } {
  const store = {
    value: initial ?? null,
    getItem: (key: string) => (key === COLUMN_LAYOUT_KEY ? store.value : null),
    setItem: (key: string, value: string) => {
      if (key === COLUMN_LAYOUT_KEY) store.value = value;
    },
  };
  return store;
}

describe('the column layout in storage', () => {
  it('reads back what it wrote, by section, and nothing else', () => {
    const storage = memory();
    writeColumnLayout(storage, { inspector: 20, results: 75.75, findings: 4.25, other: 3 });
    expect(JSON.parse(storage.value ?? '')).toEqual({
      inspector: 20,
      results: 75.75,
      findings: 4.25,
    });
    expect(readColumnLayout(storage)).toEqual({ inspector: 20, results: 75.75, findings: 4.25 });
  });

  it('has none before the first write, or without storage', () => {
    expect(readColumnLayout(memory())).toBeUndefined();
    expect(readColumnLayout(undefined)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{inspector'],
    ['not an object', '42'],
    ['a section missing', '{"inspector":50,"results":50}'],
    ['a share that is not a number', '{"inspector":"50","results":30,"findings":20}'],
    ['a share below 0', '{"inspector":-10,"results":90,"findings":20}'],
    ['shares not adding up to 100', '{"inspector":10,"results":10,"findings":10}'],
  ])('ignores an entry with %s (the default layout is used)', (_, raw) => {
    expect(readColumnLayout(memory(raw))).toBeUndefined();
  });

  it('survives storage that refuses to be read or written', () => {
    const refusing: LayoutStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(readColumnLayout(refusing)).toBeUndefined();
    expect(() =>
      writeColumnLayout(refusing, { inspector: 40, results: 40, findings: 20 }),
    ).not.toThrow();
  });
});
