import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodePdfMake } from '../../cli/plan-io';
import type { NinesDocument } from '../model/types';
import { writeDocx } from './docx/write-docx';
import { writeMarkdown } from './markdown/write-markdown';
import { writePdf } from './pdf/write-pdf';
import { samplePlan } from './sample-plan';

function model(): NinesDocument {
  const url = new URL('../../assets/templates/active-active-3-regions.nines.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as NinesDocument;
}

/** `write` run twice on the same plan, the clock set far apart for each run. */
async function twice<T>(write: () => Promise<T> | T): Promise<[T, T]> {
  // Only Date is faked: the writers' promises and streams keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2031-03-04T05:06:07Z'));
  const first = await write();
  vi.setSystemTime(new Date('2044-10-11T22:33:44Z'));
  const second = await write();
  return [first, second];
}

describe('the writers give the same bytes for the same plan and date, whatever the clock', () => {
  const doc = samplePlan(model(), '2026-12-07');
  afterEach(() => {
    vi.useRealTimers();
  });

  it('PDF (its dates are read back in pdf/metadata.test.ts)', async () => {
    const [a, b] = await twice(() => writePdf(doc, nodePdfMake()));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it.each([
    ['zipped by docx', undefined],
    ["zipped with the CLI's zlib", { deflateRaw: (d: Uint8Array) => deflateRawSync(d), crc32 }],
  ])('DOCX %s, its core properties and zip entries dated by the plan', async (_name, codec) => {
    const [a, b] = await twice(() => writeDocx(doc, codec ? { codec } : {}));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = strFromU8(unzipSync(a)['docProps/core.xml'] ?? new Uint8Array());
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-07T00:00:00Z<');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-07T00:00:00Z<');
    // Every entry's MS-DOS date in the central directory: 7 December 2026, 00:00.
    const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
    const dosDate = ((2026 - 1980) << 9) | (12 << 5) | 7;
    let entries = 0;
    for (let at = 0; at + 46 <= a.length; at += 1) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      entries += 1;
      expect([view.getUint16(at + 12, true), view.getUint16(at + 14, true)]).toEqual([0, dosDate]);
    }
    expect(entries).toBe(Object.keys(unzipSync(a)).length);
  });

  it('Markdown', async () => {
    const [a, b] = await twice(() => writeMarkdown(doc));
    expect(a).toBe(b);
  });
});
