import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mermaidId } from '../diagram';
import { appendix, blank, heading, inline, paragraph, placeholder } from '../document';
import { headingLabel, headingNumbers, headingsOf } from '../outline';
import type { NinesDocument } from '../../model/types';
import { samplePlan } from '../sample-plan';
import { escapeMarkdown, writeMarkdown } from './write-markdown';

function model(): NinesDocument {
  const url = new URL(
    '../../../assets/templates/active-active-3-regions.nines.json',
    import.meta.url,
  );
  return JSON.parse(readFileSync(url, 'utf8')) as NinesDocument;
}

/** Cells of a pipe-table line, honouring `\|` escapes. */
function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('writeMarkdown on the sample plan', () => {
  const m = model();
  const doc = samplePlan(m, '26 November 2026');
  const text = writeMarkdown(doc);
  const lines = text.split('\n');
  // Kept for a person to look at.
  mkdirSync('test-results/plan', { recursive: true });
  writeFileSync('test-results/plan/sample.md', text);

  it('writes every heading at its level, with an anchor, and a linked contents list', () => {
    const numbers = headingNumbers(doc);
    for (const h of headingsOf(doc)) {
      const line = `${'#'.repeat(h.level + 1)} ${escapeMarkdown(headingLabel(h, numbers))}`;
      const at = lines.indexOf(line);
      expect(at, line).toBeGreaterThan(0);
      expect(lines[at - 2]).toBe(`<a id="${h.id}"></a>`);
      expect(text).toContain(`](#${h.id})`);
    }
  });

  it('writes well-formed tables: a header, an alignment row, rows of the same width', () => {
    const start = lines.indexOf('**Table 2. Recovery objectives by scenario**') + 2;
    const header = lines[start] ?? '';
    expect(cells(header)).toEqual([
      'Scenario',
      'Survives',
      'RTO target (s)',
      'RTO achieved (s)',
      'RPO achieved (s)',
      'Result',
    ]);
    expect(cells(lines[start + 1] ?? '')).toEqual([
      '---',
      ':---:',
      '---:',
      '---:',
      '---:',
      ':---:',
    ]);
    const rows = (m.scenarios ?? []).length;
    for (let i = 0; i < rows; i += 1) expect(cells(lines[start + 2 + i] ?? '')).toHaveLength(6);
    expect(lines[start + 2 + rows]).toBe('');
    // Every table line in the document has as many cells as its header.
    let width = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      if (width === 0) width = cells(line).length;
      else expect(cells(line), line).toHaveLength(width);
    }
  });

  it('draws the topology as a mermaid flowchart whose nodes are the model nodes', () => {
    const open = lines.indexOf('```mermaid');
    const close = lines.indexOf('```', open + 1);
    const chart = lines.slice(open + 1, close);
    expect(chart[0]).toBe('flowchart LR');
    const declared = chart
      .map((l) => /^\s*(?:subgraph )?(n_[A-Za-z0-9_]+)\["/.exec(l)?.[1])
      .filter((id): id is string => id !== undefined);
    const variant = m.variants[0];
    expect(new Set(declared)).toEqual(new Set(variant?.nodes.map((n) => mermaidId(n.id))));
    expect(declared).toHaveLength(variant?.nodes.length ?? -1);
  });

  it('writes placeholders as blockquotes', () => {
    expect(text).toContain(
      '> [!IMPORTANT]\n> **To be completed by the plan owner:** Name the plan owner',
    );
  });
});

describe('writeMarkdown escaping', () => {
  it('escapes markup in text and keeps code spans verbatim', () => {
    const text = writeMarkdown({
      meta: { title: 'A | B', version: '1', date: 'd' },
      blocks: [
        heading(1, 'Use *stars* and #hash'),
        paragraph(
          ...inline('a_b ', { text: 'x|y`z', code: true }, ' ', { text: ' bold ', bold: true }),
        ),
        {
          kind: 'table',
          columns: [{ header: 'k|v' }],
          rows: [['1|2'], [[{ text: 'a|b', code: true }]]],
        },
        placeholder('who'),
        appendix('Appendix'),
      ],
    });
    expect(text).toContain('# A \\| B');
    expect(text).toContain('## 1  Use \\*stars\\* and \\#hash');
    expect(text).toContain('a\\_b ``x|y`z``  **bold** ');
    expect(text).toContain('| k\\|v |\n| --- |\n| 1\\|2 |\n| `a\\|b` |');
    expect(text).toContain('## Appendix');
  });
});

describe('writeMarkdown blanks', () => {
  it('writes a blank as its hint in brackets, underlined, in text and in table cells', () => {
    const md = writeMarkdown({
      meta: { title: 'T', version: '1', date: '2026-12-07' },
      blocks: [
        paragraph('Approved by ', blank('name and title'), '.'),
        {
          kind: 'table',
          columns: [{ header: 'Role' }, { header: 'Contact' }],
          rows: [['Coordinator', [blank('name | phone')]]],
        },
      ],
    });
    expect(md).toContain('Approved by <ins>[name and title]</ins>.');
    expect(md).toContain('| Coordinator | <ins>[name \\| phone]</ins> |');
  });
});
