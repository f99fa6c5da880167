import { describe, expect, it } from 'vitest';
import { appendix, paragraph, type Block } from '../document';
import { numberCrossReferences } from './cross-references';

const table = (caption: string): Block => ({
  kind: 'table',
  caption,
  columns: [{ header: 'a' }],
  rows: [['Table 3 and Table A.2']],
});

const captions = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.kind === 'table' || b.kind === 'figure' ? [b.caption] : []));

const textOf = (block: Block | undefined) =>
  block?.kind === 'paragraph' ? block.runs.map((r) => r.text).join('') : '';

describe('numberCrossReferences', () => {
  it('numbers tables without gaps, the body and each appendix on their own, and their citations', () => {
    const out = numberCrossReferences([
      table('Table 1. One'),
      // Table 2 was left out by the builder: 3 becomes 2, and so do citations of it.
      table('Table 3. Three'),
      paragraph('See Table 3, Table 1, Table 3-2 of SP 800-34, Table 7 and Table A.2.'),
      appendix('Appendix A. Things', 'a'),
      table('Table A.2. Two in A'),
      // Appendix B was left out: C is lettered B, its tables numbered in it.
      appendix('Appendix C. More', 'c'),
      table('Table C.1. One in C'),
      paragraph('Appendix C, Table C.1, Appendix A.3 of SP 800-34.'),
    ]);
    expect(captions(out)).toEqual([
      'Table 1. One',
      'Table 2. Three',
      'Table A.1. Two in A',
      'Table B.1. One in C',
    ]);
    // SP 800-34's own table and a number no caption has are left alone.
    expect(textOf(out[2])).toBe(
      'See Table 2, Table 1, Table 3-2 of SP 800-34, Table 7 and Table A.1.',
    );
    expect(out[1]?.kind === 'table' ? out[1].rows[0]?.[0] : '').toBe('Table 2 and Table A.1');
    expect(textOf(out[7])).toBe('Appendix B, Table B.1, Appendix A.3 of SP 800-34.');
  });

  it('numbers figures and leaves a plan numbered without gaps as it is', () => {
    const figure: Block = {
      kind: 'figure',
      id: 'topology',
      caption: 'Figure 2. Topology',
      drawing: { width: 10, height: 10, title: 't', shapes: [] },
      landscape: false,
      mermaid: 'flowchart LR',
    };
    const out = numberCrossReferences([figure, paragraph('As Figure 2 shows.')]);
    expect(captions(out)).toEqual(['Figure 1. Topology']);
    expect(textOf(out[1])).toBe('As Figure 1 shows.');
    const numbered = [table('Table 1. One'), table('No label')];
    expect(numberCrossReferences(numbered)).toEqual(numbered);
  });

  it('refuses a provisional label used twice', () => {
    expect(() => numberCrossReferences([table('Table 1. a'), table('Table 1. b')])).toThrow(
      /two captions are labelled "Table 1\."/,
    );
  });
});
