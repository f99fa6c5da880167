/**
 * Motion that a person may turn off: the system's "reduce motion" setting
 * (`prefers-reduced-motion: reduce`, WCAG 2.3.3) makes the canvas's view jump instead of glide.
 */

/** Whether the person asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** How long a view animation (fit, zoom to a node, undo of a layout) lasts, ms: 0 is a jump. */
export function viewDuration(ms: number): number {
  return prefersReducedMotion() ? 0 : ms;
}
