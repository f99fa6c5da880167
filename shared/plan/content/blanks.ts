/**
 * Fillable blanks: what the model cannot know (a name, a phone number, a date, a signature) is
 * written as a blank run whose text says what goes there, never invented (see `Run.blank`).
 */
import type { Inline, Run } from '../document';

/** A blank the plan owner fills in; `hint` says what goes there, e.g. `name and title`. */
export function blank(hint: string): Run {
  return { text: hint, blank: true };
}

/** A table cell holding one blank. */
export function blankCell(hint: string): Inline {
  return [blank(hint)];
}
