/** The DOCX's look: units, fonts, colours (the PDF's theme), borders and heading levels. */
import type { Paragraph, Table, TableOfContents } from 'docx';
import { BorderStyle, HeadingLevel } from 'docx';
import { PDF_THEME } from '../pdf/pdf-definition';

/** Twentieths of a point, Word's unit for page geometry. */
export const TWIP = 20;
export const FONT = 'Calibri';
export const MONO = 'Consolas';
/** Id of the character style of a blank's hint (grey on a pale tint, underlined). */
export const BLANK_STYLE = 'Blank';
/** Size of a blank's hint, half-points (7.5 pt, as in the PDF). */
export const BLANK_SIZE = 15;
export const hex = (colour: string) => colour.replace('#', '').toUpperCase();
export const T = PDF_THEME;

export type Child = Paragraph | Table | TableOfContents;

export const RULE = { style: BorderStyle.SINGLE, size: 4, color: hex(T.rule) };
export const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
/** Every table's cell margins, twips (`w:tblCellMar`, for all its cells). */
export const CELL_MARGINS = { top: 50, bottom: 50, left: 100, right: 100 };
/** Id of the paragraph style of table cells' text: 8.5 pt, no space before or after. */
export const TABLE_TEXT_STYLE = 'TableText';
/** Size of table cells' text, half-points (8.5 pt). */
export const TABLE_TEXT_SIZE = 17;

export const HEADING = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;
