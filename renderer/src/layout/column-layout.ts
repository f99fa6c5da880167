/**
 * The sizes of the right column's sections as the person left them: kept per user in the host's
 * local storage (the desktop app's profile, the browser's site data), never in the document.
 */

/** The right column's sections, top to bottom. */
export const COLUMN_SECTIONS = ['inspector', 'results', 'findings'] as const;
export type ColumnSectionId = (typeof COLUMN_SECTIONS)[number];

/** Each section's share of the column's height, in per cent (0–100, adding up to 100). */
export type ColumnLayout = Readonly<Record<ColumnSectionId, number>>;

/** The storage key of the column's layout. */
export const COLUMN_LAYOUT_KEY = 'nines.column-layout.v1';

/** The first layout: the inspector and the results about equal, the findings below. */
export const DEFAULT_COLUMN_LAYOUT: ColumnLayout = { inspector: 38, results: 38, findings: 24 };

/** The part of `Storage` the layout needs (so a test can give a Map). */
export type LayoutStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The layout saved in `storage`, or undefined when there is none or it cannot be used (not JSON,
 * a section missing, a share outside 0–100, shares not adding up to 100 within 0.5): a bad entry
 * only means the default layout, never an error.
 */
export function readColumnLayout(storage: LayoutStorage | undefined): ColumnLayout | undefined {
  let raw: string | null;
  try {
    raw = storage?.getItem(COLUMN_LAYOUT_KEY) ?? null;
  } catch {
    return undefined; // storage refused (disabled site data): the default layout
  }
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const layout: Partial<Record<ColumnSectionId, number>> = {};
  for (const id of COLUMN_SECTIONS) {
    const share = record[id];
    if (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 100) {
      return undefined;
    }
    layout[id] = share;
  }
  const total = COLUMN_SECTIONS.reduce((sum, id) => sum + (layout[id] ?? 0), 0);
  return Math.abs(total - 100) <= 0.5 ? (layout as ColumnLayout) : undefined;
}

/** Saves `layout` (the column's sections by id) in `storage`; a refused write is ignored. */
export function writeColumnLayout(
  storage: LayoutStorage | undefined,
  layout: Readonly<Record<string, number>>,
): void {
  const kept = Object.fromEntries(COLUMN_SECTIONS.map((id) => [id, layout[id]]));
  try {
    storage?.setItem(COLUMN_LAYOUT_KEY, JSON.stringify(kept));
  } catch {
    // Full or disabled storage: the layout is simply not remembered.
  }
}

/** The window's local storage, or undefined where the page may not use it. */
export function localStorageOrNone(): LayoutStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
