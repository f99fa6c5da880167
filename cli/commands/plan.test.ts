/** `stoppedAfterOnePdf`: the PDF writer thread of `nines plan` stops once its one PDF is back. */
import { describe, expect, it } from 'vitest';
import type { PdfWriter } from '../plan-io';
import type { PlanDocument } from '../../shared/plan/document';
import { stoppedAfterOnePdf } from './plan';

/** A writer whose answer the test gives, counting its `close` calls. */
function fakeWriter() {
  let answer: { resolve(bytes: Uint8Array): void; reject(error: Error): void } | undefined;
  const writer = {
    closed: 0,
    write: () =>
      new Promise<Uint8Array>((resolve, reject) => {
        answer = { resolve, reject };
      }),
    close() {
      writer.closed += 1;
    },
  } satisfies PdfWriter & { closed: number };
  return { writer, answer: () => answer };
}

const doc = {} as PlanDocument;

describe('stoppedAfterOnePdf', () => {
  it('closes the writer once the PDF is back, not before, and passes the bytes on', async () => {
    const { writer, answer } = fakeWriter();
    const pending = stoppedAfterOnePdf(writer).write(doc);
    await Promise.resolve();
    expect(writer.closed).toBe(0);
    answer()?.resolve(new Uint8Array([37, 80, 68, 70]));
    expect(Array.from(await pending)).toEqual([37, 80, 68, 70]);
    expect(writer.closed).toBe(1);
  });

  it('closes the writer when the PDF fails too, and passes the error on', async () => {
    const { writer, answer } = fakeWriter();
    const pending = stoppedAfterOnePdf(writer).write(doc);
    answer()?.reject(new Error('no room'));
    await expect(pending).rejects.toThrow('no room');
    expect(writer.closed).toBe(1);
  });
});
