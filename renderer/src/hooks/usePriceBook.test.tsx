// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PART_PROVIDERS } from '../../../shared/catalog/price-parts';
import { usePreloadedPriceParts } from './usePriceBook';

const book = { entries: {} };
const loadPriceParts = vi.fn((_providers: readonly string[]) => Promise.resolve(book));
const bookIndex = vi.fn();
vi.mock('../store/price-book', () => ({
  currentPriceBook: () => book,
  subscribePriceBook: () => () => undefined,
  providersOf: () => [],
  loadPriceParts: (providers: readonly string[]) => loadPriceParts(providers),
}));
vi.mock('../../../shared/catalog/price-index', () => ({
  bookIndex: (b: unknown) => bookIndex(b),
}));

/** A window whose idle callbacks run only when the test says the window is idle. */
function idleQueue() {
  const queue = new Map<number, () => void>();
  let next = 1;
  vi.stubGlobal('requestIdleCallback', (task: () => void) => {
    queue.set(next, task);
    return next++;
  });
  vi.stubGlobal('cancelIdleCallback', (handle: number) => queue.delete(handle));
  return {
    size: () => queue.size,
    /** Runs what is queued now, then lets the promises it started settle. */
    async idle() {
      const tasks = [...queue.values()];
      queue.clear();
      await act(async () => {
        for (const task of tasks) task();
        await Promise.resolve();
      });
    },
  };
}

const thenWhenIdle = vi.fn();

function Preload({ active, then }: { active: boolean; then?: typeof thenWhenIdle }) {
  usePreloadedPriceParts(active, then);
  return null;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  loadPriceParts.mockClear();
  bookIndex.mockClear();
  thenWhenIdle.mockClear();
});

describe('usePreloadedPriceParts', () => {
  it('loads every provider’s part when idle, then indexes the book when idle again', async () => {
    const window = idleQueue();
    render(<Preload active />);
    expect(loadPriceParts).not.toHaveBeenCalled();
    await window.idle();
    expect(loadPriceParts).toHaveBeenCalledWith(PART_PROVIDERS);
    expect(bookIndex).not.toHaveBeenCalled();
    await window.idle();
    expect(bookIndex).toHaveBeenCalledWith(book);
  });

  it('runs what follows on the indexed book at the idle moment after', async () => {
    const window = idleQueue();
    render(<Preload active then={thenWhenIdle} />);
    await window.idle();
    await window.idle();
    expect(bookIndex).toHaveBeenCalledWith(book);
    expect(thenWhenIdle).not.toHaveBeenCalled();
    await window.idle();
    expect(thenWhenIdle).toHaveBeenCalledWith(book);
  });

  it('does nothing while inactive, and nothing after it unmounts', async () => {
    const window = idleQueue();
    const view = render(<Preload active={false} />);
    expect(window.size()).toBe(0);
    view.rerender(<Preload active />);
    view.unmount();
    await window.idle();
    expect(loadPriceParts).not.toHaveBeenCalled();
    expect(bookIndex).not.toHaveBeenCalled();
  });
});
