/**
 * The running header of every page but the first: the plan's title on the left, its
 * classification on the right, on one line. A title too long for the room left by the
 * classification is shortened with an ellipsis (`ellipsized`), by an estimate of its width:
 * the definition is built before pdfmake measures anything.
 */
import { ellipsized } from '../../text';
import { PAGE, type PlanMeta } from '../document';
import { STYLES, type PdfNode } from './theme';

/** Space between the title and the classification, points. */
const RUNNING_GAP = 12;

/**
 * Advance widths of Roboto, em, by kind of character: capitals and other letters, digits, spaces
 * and everything else, each at or above the mean of its kind in Roboto Regular and Medium
 * (capitals 0.64, lower case 0.50, digits 0.56, space 0.25), so that the estimate errs long.
 */
function charEm(ch: string): number {
  if (ch === ' ') return 0.26;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[a-z0-9]/.test(ch)) return 0.56;
  return 0.6;
}

/** The estimated width of `text` in points at `size`. */
function estimatedWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size;
}

/** The longest prefix length of `text` whose estimated width at `size` is within `width`. */
function charsWithin(text: string, width: number, size: number): number {
  let used = 0;
  let n = 0;
  for (const ch of text) {
    used += charEm(ch) * size;
    if (used > width) break;
    n += ch.length;
  }
  return n;
}

/**
 * The header of a page `pageWidth` points wide (portrait or landscape): the title, shortened to
 * fit beside the classification, and the classification in bold.
 */
export function runningHeader(meta: PlanMeta, pageWidth: number): PdfNode {
  const size = Number(STYLES.running?.fontSize ?? 8);
  const classification = meta.classification ?? '';
  const room = pageWidth - 2 * PAGE.marginX - estimatedWidth(classification, size) - RUNNING_GAP;
  return {
    margin: [PAGE.marginX, 30, PAGE.marginX, 0],
    columnGap: RUNNING_GAP,
    columns: [
      {
        text: ellipsized(meta.title, charsWithin(meta.title, room, size)),
        style: 'running',
        width: '*',
      },
      { text: classification, style: 'running', alignment: 'right', bold: true, width: 'auto' },
    ],
  };
}
