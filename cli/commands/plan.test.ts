/**
 * `nines plan`: its PDF writer thread stops once its one PDF is back (`stoppedAfterOnePdf`), and
 * the bundled prices it reads unchecked are checked before any file is written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as PlanIo from '../plan-io';
import type { PdfWriter } from '../plan-io';
import type * as PriceFiles from '../price-files';
import type * as System from '../../system';
import type { PlanDocument } from '../../shared/plan/document';
import { planCommand, stoppedAfterOnePdf } from './plan';

/** Whether the bundled prices' check fails, as it does in a broken installation. */
const installation = vi.hoisted(() => ({ broken: false, checks: 0, writes: 0 }));

vi.mock('../price-files', async (importOriginal) => {
  const real = await importOriginal<typeof PriceFiles>();
  return {
    ...real,
    readBundledPriceBook: async (providers?: Iterable<string | undefined>) => {
      const read = await real.readBundledPriceBook(providers);
      return {
        book: read.book,
        check() {
          installation.checks += 1;
          read.check();
          if (installation.broken) throw new Error('entries.aws:…:usd: must be a number ≥ 0');
        },
      };
    },
  };
});

// Every file the command writes is counted.
vi.mock('../../system', async (importOriginal) => {
  const real = await importOriginal<typeof System>();
  return {
    ...real,
    writeFileAtomic: (...args: Parameters<typeof real.writeFileAtomic>) => {
      installation.writes += 1;
      return real.writeFileAtomic(...args);
    },
  };
});

// The PDF writer answers at once with a stand-in, so that a write it would lead to is seen at once.
vi.mock('../plan-io', async (importOriginal) => ({
  ...(await importOriginal<typeof PlanIo>()),
  startPdfWriter: (): PdfWriter => ({
    write: () => Promise.resolve(new TextEncoder().encode('%PDF-stand-in')),
    close() {},
  }),
}));

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

describe('nines plan with the bundled prices read unchecked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nines-plan-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const template = new URL(
    '../../assets/templates/pilot-light-2-regions.nines.json',
    import.meta.url,
  ).pathname;
  const io = () => {
    const out: string[] = [];
    return {
      out,
      io: {
        stdout: { write: (t: string) => out.push(t) },
        stderr: { write: (t: string) => out.push(t) },
      },
    };
  };
  const run = (name: string) => {
    const pdf = join(dir, `${name}.pdf`);
    const md = join(dir, `${name}.md`);
    const { out, io: cliIo } = io();
    const done = planCommand.run(
      { values: { pdf, md, date: '2026-12-07' }, positionals: [template] },
      cliIo,
    );
    return { pdf, md, out, done };
  };

  it('checks them once and writes every file when they are what the project ships', async () => {
    installation.broken = false;
    installation.checks = 0;
    installation.writes = 0;
    const { pdf, md, done } = run('sound');
    expect(await done).toBe(0);
    expect(installation.checks).toBe(1);
    expect(installation.writes).toBe(2);
    expect(readFileSync(pdf, 'latin1')).toBe('%PDF-stand-in');
    expect(readFileSync(md, 'utf8')).toMatch(/^# /);
  });

  it('stops with their problem, writing no file, when the installation is broken', async () => {
    installation.broken = true;
    installation.writes = 0;
    const { pdf, md, done } = run('broken');
    await expect(done).rejects.toThrow('must be a number ≥ 0');
    // The PDF's bytes were back at once: a write they led to would have been started by now.
    await new Promise((resolve) => setImmediate(resolve));
    expect(installation.writes).toBe(0);
    expect(existsSync(pdf)).toBe(false);
    expect(existsSync(md)).toBe(false);
    installation.broken = false;
  });
});
