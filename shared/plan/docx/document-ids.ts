/**
 * Ids numbered per document. `docx` takes the link ids of its bookmarks and the ids of its
 * drawings from counters shared by the whole process, so a second plan written by the same
 * process would get other ids, and other bytes; these start at 1 for each document.
 */
import { BookmarkEnd, BookmarkStart, type ParagraphChild } from 'docx';

/** The bookmark link ids and drawing ids of one document, each counted from 1. */
export class DocumentIds {
  private lastBookmark = 0;
  private lastDrawing = 0;

  /** `children` bookmarked as `name`: its start, the children and its end. */
  around(name: string, children: readonly ParagraphChild[]): ParagraphChild[] {
    this.lastBookmark += 1;
    return [
      new BookmarkStart(name, this.lastBookmark) as unknown as ParagraphChild,
      ...children,
      new BookmarkEnd(this.lastBookmark) as unknown as ParagraphChild,
    ];
  }

  /** The id of the next drawing (`wp:docPr`), unique in the document. */
  drawing(): string {
    this.lastDrawing += 1;
    return String(this.lastDrawing);
  }
}
