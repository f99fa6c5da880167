/**
 * Ids numbered per document. `docx` takes the link ids of its bookmarks and the ids of its
 * drawings from counters shared by the whole process, so a second plan written by the same
 * process would get other ids, and other bytes; these start at 1 for each document.
 */
import { BookmarkEnd, BookmarkStart, type ParagraphChild } from 'docx';

/** The ids of a figure: its bookmark's name and link id, and its drawing's id. */
export interface FigureIds {
  readonly name: string;
  readonly bookmark: number;
  readonly drawing: string;
}

/** The bookmark link ids and drawing ids of one document, each counted from 1. */
export class DocumentIds {
  private lastBookmark = 0;
  private lastDrawing = 0;

  /** `children` bookmarked as `name`: its start, the children and its end. */
  around(name: string, children: readonly ParagraphChild[]): ParagraphChild[] {
    this.lastBookmark += 1;
    return bookmarked(name, this.lastBookmark, children);
  }

  /** The ids of the next figure, bookmarked as `name`, its picture the next drawing. */
  figure(name: string): FigureIds {
    this.lastBookmark += 1;
    this.lastDrawing += 1;
    return { name, bookmark: this.lastBookmark, drawing: String(this.lastDrawing) };
  }
}

/** `children` between the start and end of the bookmark `name` with the link id `id`. */
export function bookmarked(
  name: string,
  id: number,
  children: readonly ParagraphChild[],
): ParagraphChild[] {
  return [
    new BookmarkStart(name, id) as unknown as ParagraphChild,
    ...children,
    new BookmarkEnd(id) as unknown as ParagraphChild,
  ];
}
