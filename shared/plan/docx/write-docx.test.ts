// @vitest-environment jsdom
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NinesDocument } from '../../model/types';
import { type PlanDocument } from '../document';
import { headingLabel, headingNumbers, headingsOf } from '../outline';
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

/** The text of a paragraph or row: its w:t elements joined, a w:noBreakHyphen read as `-`. */
function textOf(element: Element): string {
  return [...element.getElementsByTagNameNS(W, '*')]
    .map((e) =>
      e.localName === 't' ? (e.textContent ?? '') : e.localName === 'noBreakHyphen' ? '-' : '',
    )
    .join('');
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
  }, 120_000);

  it('styles every heading as Word Heading 1–3 with its text and bookmark, numbered by Word', () => {
    const paragraphs = [...body.getElementsByTagNameNS(W, 'p')];
    const styled = paragraphs
      .map((p) => ({
        p,
        style: p.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val'),
      }))
      .filter(({ style }) => style?.startsWith('Heading'));
    // The number is not typed in the text: Word's list numbering writes it.
    expect(styled.map(({ style, p }) => [style, textOf(p)])).toEqual(
      headingsOf(doc).map((h) => [`Heading${h.level}`, h.text]),
    );
    // Numbered headings take the number from their style; unnumbered ones switch it off.
    const numbers = headingNumbers(doc);
    styled.forEach(({ p }, i) => {
      const h = headingsOf(doc)[i];
      const numId = p.getElementsByTagNameNS(W, 'numId')[0]?.getAttributeNS(W, 'val');
      expect(numId, h?.id).toBe(numbers.has(h?.id ?? '') ? undefined : '0');
    });
    const bookmarks = [...body.getElementsByTagNameNS(W, 'bookmarkStart')];
    for (const h of headingsOf(doc)) {
      expect(bookmarks.map((b) => b.getAttributeNS(W, 'name'))).toContain(h.id);
    }
    const ids = bookmarks.map((b) => b.getAttributeNS(W, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('numbers headings with a multilevel list linked to the Heading 1–3 styles', () => {
    const styles = xml(strFromU8(files['word/styles.xml'] ?? new Uint8Array()));
    const numbering = xml(strFromU8(files['word/numbering.xml'] ?? new Uint8Array()));
    const styleNum = ['Heading1', 'Heading2', 'Heading3'].map((id) => {
      const style = [...styles.getElementsByTagNameNS(W, 'style')].find(
        (s) => s.getAttributeNS(W, 'styleId') === id,
      );
      return {
        numId: style?.getElementsByTagNameNS(W, 'numId')[0]?.getAttributeNS(W, 'val'),
        ilvl: style?.getElementsByTagNameNS(W, 'ilvl')[0]?.getAttributeNS(W, 'val'),
      };
    });
    expect(styleNum.map((s) => s.ilvl)).toEqual(['0', '1', '2']);
    expect(new Set(styleNum.map((s) => s.numId)).size).toBe(1);
    const num = [...numbering.getElementsByTagNameNS(W, 'num')].find(
      (n) => n.getAttributeNS(W, 'numId') === styleNum[0]?.numId,
    );
    const abstractId = num?.getElementsByTagNameNS(W, 'abstractNumId')[0]?.getAttributeNS(W, 'val');
    const abstract = [...numbering.getElementsByTagNameNS(W, 'abstractNum')].find(
      (a) => a.getAttributeNS(W, 'abstractNumId') === abstractId,
    );
    const levels = [...(abstract?.getElementsByTagNameNS(W, 'lvl') ?? [])].map((l) => [
      l.getElementsByTagNameNS(W, 'lvlText')[0]?.getAttributeNS(W, 'val'),
      l.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val'),
    ]);
    expect(levels).toEqual([
      ['%1', 'Heading1'],
      ['%1.%2', 'Heading2'],
      ['%1.%2.%3', 'Heading3'],
    ]);
  });

  it('has a table of contents field over heading levels 1–2 that Word updates on open', () => {
    const instructions = [...body.getElementsByTagNameNS(W, 'instrText')].map(
      (i) => i.textContent ?? '',
    );
    expect(instructions.some((i) => /^TOC .*\\o "1-2"/.test(i.trim()))).toBe(true);
    // An entry per chapter and section, linked to its heading, so that readers that do not
    // update fields still list them; Word fills in the page numbers.
    const entries = [...body.getElementsByTagNameNS(W, 'p')].filter((p) =>
      /^TOC\d$/.test(p.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? ''),
    );
    const numbers = headingNumbers(doc);
    const listed = headingsOf(doc).filter((h) => h.level <= 2);
    expect(entries.map(textOf)).toEqual(listed.map((h) => headingLabel(h, numbers)));
    expect(
      entries.map((p) => p.getElementsByTagNameNS(W, 'hyperlink')[0]?.getAttributeNS(W, 'anchor')),
    ).toEqual(listed.map((h) => h.id));
    const begin = body.getElementsByTagNameNS(W, 'fldChar')[0];
    expect(begin?.getAttributeNS(W, 'dirty')).toBe('true');
    const settings = strFromU8(files['word/settings.xml'] ?? new Uint8Array());
    expect(settings).toMatch(/<w:updateFields( w:val="(true|1)")?\/>/);
  });

  it('numbers captions with SEQ fields whose cached result is the number', () => {
    const fields = [...body.getElementsByTagNameNS(W, 'fldSimple')].filter((f) =>
      (f.getAttributeNS(W, 'instr') ?? '').startsWith('SEQ '),
    );
    const captions = doc.blocks.flatMap((b) =>
      (b.kind === 'table' || b.kind === 'figure') && b.caption ? [b.caption] : [],
    );
    expect(fields).toHaveLength(captions.length);
    expect(fields.map((f) => [f.getAttributeNS(W, 'instr'), textOf(f)])).toEqual(
      captions.map((c) => {
        const [, kind, number] = /^(Table|Figure) (\d+)\./.exec(c) ?? [];
        return [`SEQ ${kind} \\* ARABIC`, number];
      }),
    );
    // The caption paragraph reads as the caption.
    expect(textOf(fields[0]?.parentNode as Element)).toBe(captions[0]);
  });

  it('writes each blank as a content control showing its hint as placeholder text', () => {
    const controls = [...body.getElementsByTagNameNS(W, 'sdt')].filter(
      (s) => s.getElementsByTagNameNS(W, 'tag')[0]?.getAttributeNS(W, 'val') === 'nines-blank',
    );
    const hints = doc.blocks.flatMap((b) => {
      const inline = (runs: readonly { text: string; blank?: boolean }[]) =>
        runs.filter((r) => r.blank).map((r) => r.text);
      if (b.kind === 'paragraph') return inline(b.runs);
      if (b.kind === 'keyValue')
        return b.rows.flatMap((r) => (typeof r.value === 'string' ? [] : inline(r.value)));
      if (b.kind === 'table')
        return b.rows.flatMap((row) =>
          row.flatMap((c) => (typeof c === 'string' ? [] : inline(c))),
        );
      return [];
    });
    expect(hints.length).toBeGreaterThan(3);
    expect(controls.map(textOf)).toEqual(hints);
    for (const control of controls) {
      const properties = control.getElementsByTagNameNS(W, 'sdtPr')[0];
      // Rich text (no w:text): LibreOffice keeps the hint's look only in those.
      expect(properties?.getElementsByTagNameNS(W, 'text')).toHaveLength(0);
      expect(properties?.getElementsByTagNameNS(W, 'showingPlcHdr')).toHaveLength(1);
      expect(properties?.getElementsByTagNameNS(W, 'alias')[0]?.getAttributeNS(W, 'val')).toBe(
        textOf(control),
      );
      const style = control
        .getElementsByTagNameNS(W, 'sdtContent')[0]
        ?.getElementsByTagNameNS(W, 'rStyle')[0];
      expect(style?.getAttributeNS(W, 'val')).toBe('Blank');
    }
  });

  it('makes rows with a blank cell tall enough to write in, the blank cells tinted', () => {
    const rows = [...body.getElementsByTagNameNS(W, 'tr')].filter((r) =>
      [...r.getElementsByTagNameNS(W, 'tag')].some(
        (t) => t.getAttributeNS(W, 'val') === 'nines-blank',
      ),
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const height = row.getElementsByTagNameNS(W, 'trHeight')[0];
      expect(height?.getAttributeNS(W, 'hRule')).toBe('atLeast');
      expect(Number(height?.getAttributeNS(W, 'val'))).toBeGreaterThanOrEqual(500);
      const blankCell = [...row.getElementsByTagNameNS(W, 'tc')].find(
        (c) => c.getElementsByTagNameNS(W, 'sdt').length > 0,
      );
      expect(blankCell?.getElementsByTagNameNS(W, 'shd')[0]?.getAttributeNS(W, 'fill')).toBe(
        'EEF4FB',
      );
    }
  });

  it('sets the cells’ text and margins once: the Table Text style and each table’s margins', () => {
    const styles = xml(strFromU8(files['word/styles.xml'] ?? new Uint8Array()));
    const tableText = [...styles.getElementsByTagNameNS(W, 'style')].find(
      (s) => s.getAttributeNS(W, 'styleId') === 'TableText',
    );
    expect(tableText?.getElementsByTagNameNS(W, 'sz')[0]?.getAttributeNS(W, 'val')).toBe('17');
    const spacing = tableText?.getElementsByTagNameNS(W, 'spacing')[0];
    expect([spacing?.getAttributeNS(W, 'before'), spacing?.getAttributeNS(W, 'after')]).toEqual([
      '0',
      '0',
    ]);
    const tables = [...body.getElementsByTagNameNS(W, 'tbl')];
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) {
      const margins = table.getElementsByTagNameNS(W, 'tblCellMar')[0];
      expect(
        ['top', 'left', 'bottom', 'right'].map((side) =>
          margins?.getElementsByTagNameNS(W, side)[0]?.getAttributeNS(W, 'w'),
        ),
      ).toEqual(['50', '100', '50', '100']);
    }
    const cells = [...body.getElementsByTagNameNS(W, 'tc')];
    expect(cells.every((c) => c.getElementsByTagNameNS(W, 'tcMar').length === 0)).toBe(true);
    const cellStyles = cells.flatMap((c) =>
      [...c.getElementsByTagNameNS(W, 'pStyle')].map((s) => s.getAttributeNS(W, 'val')),
    );
    expect(cellStyles).toHaveLength(cells.length);
    expect(new Set(cellStyles)).toEqual(new Set(['TableText']));
    // Off is the default: no run says "not bold" or "not italic".
    const offs = [...body.getElementsByTagNameNS(W, 'b'), ...body.getElementsByTagNameNS(W, 'i')];
    expect(offs.filter((e) => e.getAttributeNS(W, 'val') === 'false')).toEqual([]);
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

  it('keeps hyphenated ids on one line with non-breaking hyphens, plain text elsewhere', () => {
    const runs = [...body.getElementsByTagNameNS(W, 'r')];
    const ids = runs
      .filter((r) => r.getElementsByTagNameNS(W, 'noBreakHyphen').length > 0)
      .map((r) =>
        [...r.children]
          .map((n) =>
            n.localName === 'noBreakHyphen' ? '-' : n.localName === 't' ? n.textContent : '',
          )
          .join(''),
      );
    expect(ids).toContain('lb-use1');
    expect(ids.every((id) => /\d/.test(id))).toBe(true);
    // No w:t of the body (the contents' entries are Word's, rewritten when it opens the file)
    // holds a hyphenated token with a digit: each went through w:noBreakHyphen.
    const inContents = (t: Element) => {
      let p: Element | null = t;
      while (p && p.localName !== 'p') p = p.parentElement;
      return [...(p?.getElementsByTagNameNS(W, 'pStyle') ?? [])].some((s) =>
        (s.getAttributeNS(W, 'val') ?? '').startsWith('TOC'),
      );
    };
    const texts = [...body.getElementsByTagNameNS(W, 't')]
      .filter((t) => !inContents(t))
      .map((t) => t.textContent ?? '');
    expect(
      texts.filter((t) => /[A-Za-z0-9]+-[A-Za-z0-9-]*\d|\d[A-Za-z0-9]*-[A-Za-z0-9]/.test(t)),
    ).toEqual([]);
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

describe('writeDocx with the host codec (the CLI: Node zlib)', () => {
  it('zips the same parts as docx does, each deflated, dated by the plan, without data descriptors', async () => {
    const { crc32, deflateRawSync } = await import('node:zlib');
    const doc = samplePlan(model(), '26 November 2026');
    const codec = { deflateRaw: (d: Uint8Array) => deflateRawSync(d), crc32 };
    const [ours, theirs] = await Promise.all([writeDocx(doc, { codec }), writeDocx(doc)]);
    const [a, b] = [unzipSync(ours), unzipSync(theirs)];
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const path of Object.keys(b)) expect(a[path], path).toEqual(b[path]);
    // Every local header: DEFLATE (8), UTF-8 names, no data descriptor (bit 3), the plan's date.
    const view = new DataView(ours.buffer, ours.byteOffset, ours.byteLength);
    const date = new DataView(theirs.buffer, theirs.byteOffset).getUint32(10, true);
    let at = 0;
    let count = 0;
    while (view.getUint32(at, true) === 0x04034b50) {
      expect(view.getUint16(at + 6, true) & 0x8).toBe(0);
      expect(view.getUint16(at + 8, true)).toBe(8);
      expect(view.getUint32(at + 10, true)).toBe(date);
      at += 30 + view.getUint16(at + 26, true) + view.getUint32(at + 18, true);
      count += 1;
    }
    expect(count).toBe(Object.keys(b).length);
  }, 120_000);
});
