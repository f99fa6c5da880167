import { describe, expect, it } from 'vitest';
import {
  appendix,
  blank,
  fileDate,
  isFillableRow,
  contentWidth,
  documentControl,
  heading,
  paragraph,
  slug,
  type PlanDocument,
} from './document';
import {
  assertWritable,
  captionLabel,
  checkDocument,
  headingLabel,
  headingNumbers,
} from './outline';

const meta = { title: 'T', version: '1', date: 'today' };

describe('slug', () => {
  it('keeps ASCII letters and digits joined by dashes', () => {
    expect(slug('3.2 Recovery — Région outage!')).toBe('3-2-recovery-region-outage');
    expect(slug('  ——  ')).toBe('section');
  });
});

describe('headingNumbers', () => {
  it('numbers chapters, sections and subsections in order, and skips appendices', () => {
    const doc: PlanDocument = {
      meta,
      blocks: [
        heading(1, 'One'),
        heading(2, 'One A'),
        heading(3, 'One A i'),
        heading(2, 'One B'),
        heading(1, 'Two'),
        heading(3, 'Two deep'),
        appendix('Appendix A'),
        heading(2, 'Inside the appendix'),
      ],
    };
    const numbers = headingNumbers(doc);
    expect([...numbers.entries()]).toEqual([
      ['one', '1'],
      ['one-a', '1.1'],
      ['one-a-i', '1.1.1'],
      ['one-b', '1.2'],
      ['two', '2'],
      ['two-deep', '2.0.1'],
    ]);
    expect(headingLabel(heading(2, 'One B'), numbers)).toBe('1.2  One B');
    expect(headingLabel(appendix('Appendix A'), numbers)).toBe('Appendix A');
  });
});

describe('checkDocument', () => {
  it('reports duplicate and malformed ids and ragged tables', () => {
    const doc: PlanDocument = {
      meta,
      blocks: [
        heading(1, 'Same'),
        heading(2, 'Same'),
        heading(2, 'Bad', 'Bad Id'),
        {
          kind: 'table',
          columns: [{ header: 'a' }, { header: 'b', width: 0 }],
          rows: [['1', '2'], ['3']],
        },
        paragraph('fine'),
      ],
    };
    expect(checkDocument(doc)).toEqual([
      { blockIndex: 1, message: 'id "same" is used twice' },
      { blockIndex: 2, message: 'id "Bad Id" is not a slug' },
      { blockIndex: 3, message: 'column "b" has a width that is not positive' },
      { blockIndex: 3, message: 'row 2 has 1 cells for 2 columns' },
    ]);
    expect(() => assertWritable(doc)).toThrow(/block 3: row 2 has 1 cells/);
  });

  it('accepts a well-formed document', () => {
    expect(checkDocument({ meta, blocks: [heading(1, 'A'), paragraph('b')] })).toEqual([]);
  });
});

describe('contentWidth', () => {
  it('is the page width less both margins, portrait or landscape', () => {
    expect(contentWidth('LETTER')).toBe(612 - 120);
    expect(contentWidth('LETTER', true)).toBe(792 - 120);
  });
});

describe('documentControl', () => {
  it('lists version and date, then the impact level, classification and author when given', () => {
    expect(documentControl(meta)).toEqual([
      ['Version', '1'],
      ['Date', 'today'],
    ]);
    expect(
      documentControl({ ...meta, impact: 'moderate', classification: 'Internal', author: 'Ops' }),
    ).toEqual([
      ['Version', '1'],
      ['Date', 'today'],
      ['Impact level', 'Moderate'],
      ['Classification', 'Internal'],
      ['Prepared by', 'Ops'],
    ]);
  });
});

describe('captionLabel', () => {
  it('reads a caption label', () => {
    expect(captionLabel('Table B.12. Components')).toEqual({
      kind: 'Table',
      prefix: 'B.',
      number: 12,
      rest: 'Components',
    });
    expect(captionLabel('Figure 1 without a dot')).toBeUndefined();
  });
});

describe('blanks and dates', () => {
  it('tells a fillable row by a cell that is a blank', () => {
    expect(isFillableRow(['Coordinator', [blank('name')]])).toBe(true);
    expect(isFillableRow(['Coordinator', [{ text: 'Ann ' }, blank('phone')]])).toBe(false);
  });

  it('dates files on the issue date when it is YYYY-MM-DD, else on a fixed date', () => {
    expect(fileDate({ ...meta, date: '2026-12-07' }).toISOString()).toBe(
      '2026-12-07T00:00:00.000Z',
    );
    expect(fileDate({ ...meta, date: '2026-02-31' }).toISOString()).toBe(
      '2000-01-01T00:00:00.000Z',
    );
    expect(fileDate({ ...meta, date: '7 December 2026' }).toISOString()).toBe(
      '2000-01-01T00:00:00.000Z',
    );
  });
});
