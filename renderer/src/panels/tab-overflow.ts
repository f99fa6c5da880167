/** Which tabs of a tab strip fit its width, the rest going to an overflow menu. */

/**
 * The indices of the tabs to show, in order, when tabs of `widths` px share `available` px:
 * all of them when they fit; else the active tab (always shown, so the person sees where they
 * are), then the others in order while they fit beside room for the overflow button of
 * `overflowWidth` px, each counted at `shrinkTo` px at most (a tab shown narrower than it wants
 * cuts its name with an ellipsis). A strip too narrow for even the active tab still shows it.
 */
export function visibleTabs(
  widths: readonly number[],
  activeIndex: number,
  available: number,
  overflowWidth: number,
  shrinkTo = Number.POSITIVE_INFINITY,
): number[] {
  const total = widths.reduce((sum, w) => sum + w, 0);
  if (total <= available) return widths.map((_, i) => i);
  let room = available - overflowWidth - (widths[activeIndex] ?? 0);
  const shown = new Set(activeIndex >= 0 && activeIndex < widths.length ? [activeIndex] : []);
  for (const [i, width] of widths.entries()) {
    if (shown.has(i)) continue;
    const need = Math.min(width, shrinkTo);
    if (need > room) break;
    shown.add(i);
    room -= need;
  }
  return [...shown].sort((a, b) => a - b);
}
