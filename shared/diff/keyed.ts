/**
 * Matching two lists by a key (tldraw's RecordsDiff triad): what only the head has, what only
 * the base has, and the pairs on both sides. Orders are the files' own, so the same inputs give
 * the same output.
 */

/** The result of {@link keyedDiff}. */
export interface Keyed<B, A> {
  /** Items only in `after`, in its order. */
  readonly added: readonly A[];
  /** Items only in `before`, in its order. */
  readonly removed: readonly B[];
  /** [before, after] pairs with equal keys, in the order of `after`. */
  readonly both: readonly (readonly [B, A])[];
}

/**
 * Matches `before` and `after` by `keyOf`; a key given twice in one list keeps its first item
 * (a valid document has unique ids).
 */
export function keyedDiff<B, A>(
  before: readonly B[],
  after: readonly A[],
  keyOf: (item: B | A) => string,
): Keyed<B, A> {
  const beforeByKey = new Map<string, B>();
  for (const item of before) if (!beforeByKey.has(keyOf(item))) beforeByKey.set(keyOf(item), item);
  const afterKeys = new Set(after.map(keyOf));
  const added: A[] = [];
  const both: (readonly [B, A])[] = [];
  const seen = new Set<string>();
  for (const item of after) {
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    const match = beforeByKey.get(key);
    if (match === undefined) added.push(item);
    else both.push([match, item]);
  }
  const removed = [...beforeByKey.entries()]
    .filter(([key]) => !afterKeys.has(key))
    .map(([, item]) => item);
  return { added, removed, both };
}
