import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipWithoutPoppler } from '../../testing/poppler';
import { nodePdfMake } from '../../../cli/plan-io';
import type { NinesDocument } from '../../model/types';
import { samplePlan } from '../sample-plan';
import { writePdf } from './write-pdf';

const skip = skipWithoutPoppler('pdfinfo');

describe.skipIf(skip)(
  `the PDF's document information, read back by poppler's pdfinfo${skip ? ' (skipped: pdfinfo is not installed; apt install poppler-utils)' : ''}`,
  () => {
    it('has the title, author, subject, keywords, language and the plan date as its dates', async () => {
      const url = new URL(
        '../../../assets/templates/active-active-3-regions.nines.json',
        import.meta.url,
      );
      const model = JSON.parse(readFileSync(url, 'utf8')) as NinesDocument;
      const doc = samplePlan(model, '2026-12-07');
      const dir = mkdtempSync(join(tmpdir(), 'nines-pdfinfo-'));
      try {
        const file = join(dir, 'plan.pdf');
        writeFileSync(file, await writePdf(doc, nodePdfMake()));
        const info = new Map(
          execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' })
            .split('\n')
            .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
            .flatMap((m) => (m ? [[m[1] ?? '', m[2] ?? ''] as const] : [])),
        );
        expect(info.get('Title')).toBe(doc.meta.title);
        expect(info.get('Author')).toBe('Platform Engineering');
        expect(info.get('Subject')).toBe('Information System Contingency Plan (NIST SP 800-34)');
        expect(info.get('Keywords')).toBe(
          'contingency plan; ISCP; NIST SP 800-34; Active-Active, 3 regions; high impact',
        );
        expect(info.get('CreationDate')).toBe('2026-12-07T00:00:00Z');
        expect(info.get('ModDate')).toBe('2026-12-07T00:00:00Z');
        // No structure tree is written, so the file must not claim to be tagged.
        expect(info.get('Tagged')).toBe('no');
        // pdfinfo does not print /Lang: the catalogue is read from the file (pdfkit leaves it
        // uncompressed).
        const raw = readFileSync(file).toString('latin1');
        expect(raw).toMatch(/\/Lang \(en-GB\)/);
        expect(raw).toMatch(/\/DisplayDocTitle true/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
