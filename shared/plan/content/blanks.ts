/**
 * A blank for the plan owner to fill in: what the model cannot know (a resource name, a key, a
 * date, a cadence the organisation chooses). The run's text is the hint of what goes there; the
 * writers render it as a fillable field (see `Run.blank`).
 */
import type { Run } from '../document';

/** A fillable blank whose hint is `hint`, e.g. `blank('Auto Scaling group name')`. */
export function blank(hint: string): Run {
  return { text: hint, blank: true };
}
