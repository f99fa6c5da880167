import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodePdfMake } from '../../../cli/plan-io';
import type { NinesDocument } from '../../model/types';
import { blank, heading, numbered, paragraph, placeholder, type PlanDocument } from '../document';
import { headingLabel, headingNumbers, headingsOf } from '../outline';
import { samplePlan } from '../sample-plan';
import { FILLABLE_ROW_HEIGHT, PDF_THEME, toPdfDefinition, type PdfNode } from './pdf-definition';
import { STYLES } from './theme';
import { writePdf, type PdfMakeLike } from './write-pdf';

const require = createRequire(import.meta.url);
const standardFontDataUrl = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

function model(): NinesDocument {
  const url = new URL(
    '../../../assets/templates/active-active-3-regions.nines.json',
    import.meta.url,
  );
  return JSON.parse(readFileSync(url, 'utf8')) as NinesDocument;
}

interface Page {
  readonly lines: string[];
  readonly landscape: boolean;
}

interface OutlineItem {
  readonly title: string;
  readonly items: readonly OutlineItem[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of every page as lines (items grouped by baseline, top to bottom, left to right). */
async function readPdf(bytes: Uint8Array): Promise<{ pages: Page[]; outline: OutlineItem[] }> {
  const pdf = await getDocument({ data: bytes.slice(), standardFontDataUrl, disableFontFace: true })
    .promise;
  const pages: Page[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    const content = await page.getTextContent();
    const rows = new Map<number, { x: number; str: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round((item.transform[5] as number) / 2) * 2;
      const row = rows.get(y) ?? [];
      row.push({ x: item.transform[4] as number, str: item.str });
      rows.set(y, row);
    }
    const lines = [...rows.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, row]) =>
        squash(
          row
            .sort((a, b) => a.x - b.x)
            .map((i) => i.str)
            .join(' '),
        ),
      );
    pages.push({ lines, landscape: x1 - x0 > y1 - y0 });
  }
  const outline = ((await pdf.getOutline()) ?? []) as OutlineItem[];
  await pdf.destroy();
  return { pages, outline };
}

describe('writePdf on the sample plan', () => {
  let doc: PlanDocument;
  let pages: Page[];
  let outline: OutlineItem[];
  let labels: Map<string, string>;
  /** 1-based number of the page each heading is printed on. */
  const headingPage = new Map<string, number>();

  beforeAll(async () => {
    doc = samplePlan(model(), '26 November 2026');
    const bytes = await writePdf(doc, nodePdfMake());
    // Kept for a person to look at: pdftoppm -png -r 60 test-results/plan/sample.pdf page
    mkdirSync('test-results/plan', { recursive: true });
    writeFileSync('test-results/plan/sample.pdf', bytes);
    ({ pages, outline } = await readPdf(bytes));
    const numbers = headingNumbers(doc);
    labels = new Map(headingsOf(doc).map((h) => [h.id, squash(headingLabel(h, numbers))]));
    // Headings are found after the contents (page 2), in document order.
    let from = 2;
    for (const h of headingsOf(doc)) {
      const label = labels.get(h.id) ?? '';
      const index = pages.findIndex((p, i) => i >= from && p.lines.includes(label));
      if (index >= 0) {
        headingPage.set(h.id, index + 1);
        from = index;
      }
    }
  }, 120_000);

  it('starts with a title page without running header or footer', () => {
    const text = pages[0]?.lines.join(' ') ?? '';
    expect(text).toContain(squash(doc.meta.title));
    expect(text).toContain('Version 1.0 Date 26 November 2026 Impact level High');
    // The kicker is letter-spaced, which text extraction reads as separate letters.
    expect(text.replace(/ /g, '')).toContain('INFORMATIONSYSTEMCONTINGENCYPLAN');
    expect(text).not.toMatch(/Page \d+ of/);
  });

  it('prints every heading, each chapter at the top of a new page', () => {
    for (const h of headingsOf(doc)) {
      expect(headingPage.get(h.id), `heading ${h.id}`).toBeDefined();
      if (h.level === 1) {
        const page = pages[(headingPage.get(h.id) ?? 0) - 1];
        // Line 0 is the running header; the chapter heading comes right after it.
        expect(page?.lines[1], h.id).toBe(labels.get(h.id));
      }
    }
  });

  it('numbers pages "Page n of N" in the footer, N being the page count, from page 2', () => {
    expect(pages.length).toBeGreaterThan(10);
    pages.slice(1).forEach((page, i) => {
      const footer = page.lines[page.lines.length - 1] ?? '';
      expect(footer).toBe(`Version 1.0 · 26 November 2026 Page ${i + 2} of ${pages.length}`);
      expect(page.lines[0]).toBe(`${squash(doc.meta.title)} Internal`);
    });
  });

  it('lists chapters and sections in the contents with the page they start on', () => {
    const toc = pages[1]?.lines ?? [];
    expect(toc[1]).toBe('Contents');
    const listed = headingsOf(doc).filter((h) => h.level <= 2);
    for (const h of listed) {
      expect(toc, h.id).toContain(`${labels.get(h.id)} ${headingPage.get(h.id)}`);
    }
    // Subsections are in the outline only.
    const sub = headingsOf(doc).find((h) => h.level === 3);
    expect(toc.some((l) => l.startsWith(labels.get(sub?.id ?? '') ?? '-'))).toBe(false);
  });

  it('has an outline (bookmarks) with the chapters and, under them, their sections', () => {
    const chapters = headingsOf(doc).filter((h) => h.level === 1);
    expect(outline.map((o) => o.title)).toEqual(
      chapters.map((h) => headingLabel(h, headingNumbers(doc))),
    );
    const recovery = outline.find((o) => o.title.endsWith('Recovery'));
    const scenarios = doc.blocks.filter(
      (b) => b.kind === 'heading' && b.id.startsWith('recovery-') && b.level === 2,
    );
    expect(recovery?.items).toHaveLength(scenarios.length);
    expect(recovery?.items[0]?.items.map((i) => i.title)).toEqual([
      '5.1.1  Recovery steps',
      '5.1.2  Validation',
    ]);
  });

  it('repeats the header row of a table on each page it continues on', () => {
    const start = pages.findIndex((p) => p.lines.includes('Table 5. Parameters'));
    const header = 'Node Field Value Source';
    expect(pages[start]?.lines[pages[start]?.lines.indexOf('Table 5. Parameters') + 1]).toBe(
      header,
    );
    const table = doc.blocks.find((b) => b.kind === 'table' && b.caption === 'Table 5. Parameters');
    const lastRow = table?.kind === 'table' ? table.rows[table.rows.length - 1] : undefined;
    const end = pages.findIndex((p) => p.lines.includes(lastRow?.join(' ') ?? '-'));
    expect(end - start).toBeGreaterThanOrEqual(2);
    for (let i = start + 1; i <= end; i += 1)
      expect(pages[i]?.lines[1], `page ${i + 1}`).toBe(header);
  });

  it('puts the wide topology on a landscape page of its own, then turns back to portrait', () => {
    const index = pages.findIndex((p) =>
      p.lines.includes('Figure 1. Topology of Active-Active, 3 regions'),
    );
    expect(pages[index]?.landscape).toBe(true);
    expect(pages[index - 1]?.landscape).toBe(false);
    expect(pages[index + 1]?.landscape).toBe(false);
    expect(pages.filter((p) => p.landscape)).toHaveLength(1);
    const text = pages[index]?.lines.join('\n') ?? '';
    for (const name of ['Route 53', 'US East (N. Virginia)', 'Checkout API', 'us-west-2c'])
      expect(text).toContain(name);
  });

  it('shows a placeholder with its lead-in', () => {
    const all = pages.flatMap((p) => p.lines).join('\n');
    expect(all).toContain('To be completed by the plan owner: Name the plan owner');
  });
});

describe('writePdf with the browser build of pdfmake', () => {
  it('renders the same pages from the bundled fonts (the renderer path)', async () => {
    // The build the renderer gets, with its fonts from the bundled virtual file system.
    const browser = require('pdfmake/build/pdfmake.js') as PdfMakeLike & {
      addVirtualFileSystem(vfs: Record<string, string>): void;
    };
    browser.addVirtualFileSystem(require('pdfmake/build/vfs_fonts.js') as Record<string, string>);
    const doc = samplePlan(model(), '26 November 2026');
    const [fromBrowser, fromNode] = await Promise.all([
      writePdf(doc, browser).then(readPdf),
      writePdf(doc, nodePdfMake()).then(readPdf),
    ]);
    expect(fromBrowser.pages.map((p) => p.lines)).toEqual(fromNode.pages.map((p) => p.lines));
  });
});

describe('writePdf with a long title', () => {
  it('prints the running header on one line, the title shortened with an ellipsis', async () => {
    const title = `${'Payments platform with a long name, '.repeat(4)}— Information System Contingency Plan`;
    const doc: PlanDocument = {
      meta: { title, version: '1', date: 'today', classification: 'Internal — draft for review' },
      blocks: [heading(1, 'First chapter'), paragraph('Text.'), heading(1, 'Second chapter')],
    };
    const { pages } = await readPdf(await writePdf(doc, nodePdfMake()));
    for (const page of pages.slice(2)) {
      expect(page.lines[0]).toMatch(
        /^Payments platform with a long name, .*… Internal — draft for review$/,
      );
      expect(page.lines[1]).toMatch(/^\d First chapter$|^\d Second chapter$/);
    }
  }, 60_000);
});

describe('writePdf with blocks taller than a page', () => {
  it('prints all of them (pdfmake drops an unbreakable group that does not fit a page)', async () => {
    const words = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');
    const items = Array.from({ length: 90 }, (_, i) => `item-${i}`);
    const doc: PlanDocument = {
      meta: { title: 'Tall', version: '1', date: 'today' },
      blocks: [
        heading(1, 'A long list under a heading'),
        numbered(items),
        heading(1, 'Long blocks'),
        paragraph(words('para', 1500)),
        heading(2, 'A table with a tall row'),
        {
          kind: 'table',
          columns: [{ header: 'Key' }, { header: 'Value', width: 3 }],
          rows: [
            ['tall', words('cell', 900)],
            ['next', 'after the tall row'],
          ],
        },
        { kind: 'keyValue', rows: [{ key: 'pair', value: words('pair', 900) }] },
        placeholder(words('todo', 900)),
        {
          kind: 'table',
          caption: 'A captioned table after another block',
          columns: [{ header: 'Row' }],
          rows: Array.from({ length: 120 }, (_, i) => [`row-${i}`]),
        },
      ],
    };
    const { pages } = await readPdf(await writePdf(doc, nodePdfMake()));
    const text = pages.flatMap((p) => p.lines).join(' ');
    for (const token of ['item-0', 'item-89', 'para0', 'para1499', 'cell0', 'cell899']) {
      expect(text, token).toMatch(new RegExp(`\\b${token}\\b`));
    }
    for (const token of ['after the tall row', 'pair899', 'todo899', 'row-0', 'row-119'])
      expect(text).toContain(token);
    // The numbered list goes on counting where the part kept with the heading stopped.
    expect(text).toMatch(/3\. item-2\b/);
  });
});

describe('toPdfDefinition before a page break', () => {
  it('leaves no space under the last block, so that its margin cannot start a blank page', () => {
    const doc: PlanDocument = {
      meta: { title: 'Breaks', version: '1', date: 'today' },
      blocks: [
        heading(1, 'First'),
        paragraph('Opening.'),
        numbered(['one', 'two']),
        heading(1, 'Second'),
        paragraph('Under a heading.'),
        heading(2, 'Section'),
        paragraph('Last paragraph of the chapter.'),
        heading(1, 'Third'),
      ],
    };
    const content = toPdfDefinition(doc).content;
    const bottom = (node: PdfNode): unknown => {
      if (typeof node !== 'object' || Array.isArray(node)) return undefined;
      const stack = node.stack as PdfNode[] | undefined;
      if (stack) return bottom(stack[stack.length - 1] as PdfNode);
      return (node.margin as number[] | undefined)?.[3];
    };
    // The chapters after the first: each starts a page after a block of the previous chapter.
    const breaks = ['2  Second', '3  Third'].map((label) =>
      content.findIndex(
        (node) =>
          JSON.stringify(node).includes(label) &&
          JSON.stringify(node).includes('"pageBreak":"before"'),
      ),
    );
    expect(breaks.every((i) => i > 0)).toBe(true);
    for (const i of breaks) expect(bottom(content[i - 1] as PdfNode)).toBe(0);
  });
});

describe('toPdfDefinition blanks', () => {
  const doc: PlanDocument = {
    meta: { title: 'Blanks', version: '1', date: '2026-12-07' },
    blocks: [
      paragraph('Approved by ', blank('name and title'), ' on us-east-1.'),
      {
        kind: 'table',
        columns: [{ header: 'Role' }, { header: 'Contact' }],
        rows: [
          ['Coordinator', [blank('name and phone')]],
          ['Vendor', 'listed in the contract'],
        ],
      },
    ],
  };
  const json = JSON.stringify(toPdfDefinition(doc).content);
  const nodes = (node: unknown): Record<string, unknown>[] =>
    Array.isArray(node)
      ? node.flatMap(nodes)
      : typeof node === 'object' && node !== null
        ? [node as Record<string, unknown>, ...Object.values(node).flatMap(nodes)]
        : [];
  const all = nodes(toPdfDefinition(doc).content);

  it('prints a blank in text as its hint, small and grey on a tinted, ruled stretch, on one line', () => {
    const inline = all.find((n) => typeof n.text === 'string' && n.text.includes('name and title'));
    expect(inline).toMatchObject({ style: 'blank', decoration: 'underline', noWrap: true });
    // Padded with no-break spaces to leave room to write.
    expect((inline?.text as string).length).toBeGreaterThanOrEqual(34);
    expect(STYLES.blank).toMatchObject({ background: PDF_THEME.blank.fill });
  });

  it('makes a table cell that is a blank a tinted cell, its row tall enough to write in', () => {
    const cell = all.find((n) => n.text === 'name and phone');
    expect(cell).toMatchObject({ style: 'blankCell', fillColor: PDF_THEME.blank.fill });
    const table = all.find(
      (n) => typeof n.table === 'object' && JSON.stringify(n.table).includes('Coordinator'),
    )?.table as {
      heights: (row: number) => number | 'auto';
    };
    expect([0, 1, 2].map((row) => table.heights(row))).toEqual([
      'auto',
      FILLABLE_ROW_HEIGHT,
      'auto',
    ]);
    expect(FILLABLE_ROW_HEIGHT).toBeGreaterThanOrEqual(24);
  });

  it('keeps a hyphenated id on one line, with plain hyphens', () => {
    expect(json).toContain('{"text":"us-east-1","noWrap":true}');
  });
});
