// @vitest-environment jsdom
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NinesDocument } from '../../model/types';
import { headingLabel, headingNumbers, headingsOf, type PlanDocument } from '../document';
import { samplePlan } from '../sample-plan';
import { writeDocx } from './write-docx';

// Test files under jsdom get jsdom's URL, so paths are built from the module's own path.
const here = dirname(fileURLToPath(import.meta.url));

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function model(): NinesDocument {
  const path = join(here, '../../../assets/templates/active-active-3-regions.nines.json');
  return JSON.parse(readFileSync(path, 'utf8')) as NinesDocument;
}

function xml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

/** The text of a paragraph or row (its w:t elements joined). */
function textOf(element: Element): string {
  return [...element.getElementsByTagNameNS(W, 't')].map((t) => t.textContent ?? '').join('');
}

describe('writeDocx on the sample plan', () => {
  let doc: PlanDocument;
  let files: Record<string, Uint8Array>;
  let body: Document;

  beforeAll(async () => {
    doc = samplePlan(model(), '26 November 2026');
    const bytes = await writeDocx(doc);
    // Kept for a person to look at (LibreOffice: soffice --headless --convert-to pdf).
    mkdirSync('test-results/plan', { recursive: true });
    writeFileSync('test-results/plan/sample.docx', bytes);
    files = unzipSync(bytes);
    body = xml(strFromU8(files['word/document.xml'] ?? new Uint8Array()));
  });

  it('styles every heading as Word Heading 1–3 with its number, text and bookmark', () => {
    const numbers = headingNumbers(doc);
    const paragraphs = [...body.getElementsByTagNameNS(W, 'p')];
    const styled = paragraphs
      .map((p) => ({
        p,
        style: p.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val'),
      }))
      .filter(({ style }) => style?.startsWith('Heading'));
    expect(styled.map(({ style, p }) => [style, textOf(p)])).toEqual(
      headingsOf(doc).map((h) => [`Heading${h.level}`, headingLabel(h, numbers)]),
    );
    const bookmarks = [...body.getElementsByTagNameNS(W, 'bookmarkStart')].map((b) =>
      b.getAttributeNS(W, 'name'),
    );
    for (const h of headingsOf(doc)) expect(bookmarks).toContain(h.id);
  });

  it('has a table of contents field over heading levels 1–2 that Word updates on open', () => {
    const instructions = [...body.getElementsByTagNameNS(W, 'instrText')].map(
      (i) => i.textContent ?? '',
    );
    expect(instructions.some((i) => /^TOC .*\\o "1-2"/.test(i.trim()))).toBe(true);
    // Filled in with the pages docx lays out, so readers that do not update fields show them.
    const entries = [...body.getElementsByTagNameNS(W, 'p')].filter((p) =>
      /^TOC\d$/.test(p.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? ''),
    );
    const numbers = headingNumbers(doc);
    // An entry's last text is its page number, after a tab; the texts before it are the label.
    const parts = entries.map((p) =>
      [...p.getElementsByTagNameNS(W, 't')].map((t) => t.textContent ?? ''),
    );
    expect(parts.map((texts) => texts.slice(0, -1).join(''))).toEqual(
      headingsOf(doc)
        .filter((h) => h.level <= 2)
        .map((h) => headingLabel(h, numbers)),
    );
    expect(parts.every((texts) => /^\d+$/.test(texts[texts.length - 1] ?? ''))).toBe(true);
    const settings = strFromU8(files['word/settings.xml'] ?? new Uint8Array());
    expect(settings).toMatch(/<w:updateFields( w:val="(true|1)")?\/>/);
  });

  it('repeats the header row of every table (w:tblHeader on the first row only)', () => {
    const tables = [...body.getElementsByTagNameNS(W, 'tbl')].filter(
      (t) => t.getElementsByTagNameNS(W, 'tblHeader').length > 0,
    );
    const dataTables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(dataTables.length);
    tables.forEach((table, i) => {
      const rows = [...table.getElementsByTagNameNS(W, 'tr')].filter((r) => r.parentNode === table);
      const block = dataTables[i];
      expect(rows[0]?.getElementsByTagNameNS(W, 'tblHeader')).toHaveLength(1);
      expect(
        rows.slice(1).every((r) => r.getElementsByTagNameNS(W, 'tblHeader').length === 0),
      ).toBe(true);
      expect(textOf(rows[0] as Element)).toBe(
        block?.kind === 'table' ? block.columns.map((c) => c.header).join('') : '',
      );
      expect(rows).toHaveLength((block?.kind === 'table' ? block.rows.length : 0) + 1);
    });
  });

  it('numbers pages in the footer and leaves the title page without header or footer', () => {
    const footers = Object.keys(files)
      .filter((f) => /^word\/footer\d+\.xml$/.test(f))
      .map((f) => strFromU8(files[f] ?? new Uint8Array()));
    expect(
      footers.some(
        (f) => f.includes('PAGE') && f.includes('NUMPAGES') && f.includes('Version 1.0'),
      ),
    ).toBe(true);
    const sections = [...body.getElementsByTagNameNS(W, 'sectPr')];
    expect(sections[0]?.getElementsByTagNameNS(W, 'titlePg')).toHaveLength(1);
  });

  it('embeds the topology as SVG with a PNG fallback, in a landscape section', () => {
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(media.some((f) => f.endsWith('.png'))).toBe(true);
    const svg = strFromU8(files[media.find((f) => f.endsWith('.svg')) ?? ''] ?? new Uint8Array());
    expect(svg).toContain('Route 53');
    const orientations = [...body.getElementsByTagNameNS(W, 'pgSz')].map((p) =>
      p.getAttributeNS(W, 'orient'),
    );
    expect(orientations).toEqual(['portrait', 'landscape', 'portrait']);
  });

  it('marks placeholders visibly: shaded, with a left bar and the lead-in', () => {
    const placeholder = [...body.getElementsByTagNameNS(W, 'p')].find((p) =>
      textOf(p).startsWith('To be completed by the plan owner: '),
    );
    expect(placeholder?.getElementsByTagNameNS(W, 'shd')[0]?.getAttributeNS(W, 'fill')).toBe(
      'FFF7E6',
    );
    expect(placeholder?.getElementsByTagNameNS(W, 'left')[0]?.getAttributeNS(W, 'color')).toBe(
      'D97706',
    );
  });
});

describe('writeDocx row splitting', () => {
  it('keeps short rows whole and lets a row taller than a page break (Word would clip it)', async () => {
    const tall = Array.from({ length: 900 }, (_, i) => `w${i}`).join(' ');
    const table = (rows: string[][]) => ({
      kind: 'table' as const,
      columns: [{ header: 'k' }, { header: 'v' }],
      rows,
    });
    const files = unzipSync(
      await writeDocx({
        meta: { title: 't', version: '1', date: 'd' },
        blocks: [table([['a', 'short']]), table([['b', tall]])],
      }),
    );
    const body = xml(strFromU8(files['word/document.xml'] ?? new Uint8Array()));
    const kept = (table: Element | undefined) =>
      [...(table?.getElementsByTagNameNS(W, 'cantSplit') ?? [])].filter(
        (e) => !['false', '0', 'off'].includes(e.getAttributeNS(W, 'val') ?? ''),
      ).length;
    const [short, long] = [...body.getElementsByTagNameNS(W, 'tbl')];
    // Header row and data row kept whole; in the tall table only the header row.
    expect(kept(short)).toBe(2);
    expect(kept(long)).toBe(1);
  });
});
