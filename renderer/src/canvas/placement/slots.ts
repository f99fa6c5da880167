/**
 * A region's zone strip: its zones stand in one row, all the same size, left to right from the
 * region's left padding, like the columns of availability zones in a provider's console.
 *
 * - Size of a slot: the largest width and height among the region's zones, or the default zone
 *   size (`NEW_CONTAINER_SIZE.zone`, 228 × 160 px) when it has none.
 * - Top of the strip: the top of the highest zone; with no zone yet, just below the region's
 *   own components (a regional load balancer sits above its zones), else below the title bar.
 * - Slot i starts at x = padding + i × (slot width + gap). A zone put into the region takes the
 *   first slot that no zone of the region overlaps; the region then grows to hold it and pushes
 *   its neighbours aside (tidy.ts).
 */
import { NEW_CONTAINER_SIZE } from '../../../../shared/model/ops/add-node';
import { CONTAINER_HEADER, CONTAINER_PADDING } from '../../../../shared/model/ops/layout';
import { overlaps, type Rect } from './geometry';
import { SIBLING_GAP } from './tidy';

/**
 * The box (relative to the region) of the next free slot of a region holding `zones` and its own
 * components `cards` (their boxes relative to the region).
 */
export function nextZoneSlot(zones: readonly Rect[], cards: readonly Rect[]): Rect {
  const width = Math.max(0, ...zones.map((z) => z.width)) || NEW_CONTAINER_SIZE.zone.width;
  const height = Math.max(0, ...zones.map((z) => z.height)) || NEW_CONTAINER_SIZE.zone.height;
  const top =
    zones.length > 0
      ? Math.min(...zones.map((z) => z.y))
      : cards.length > 0
        ? Math.max(...cards.map((c) => c.y + c.height)) + SIBLING_GAP
        : CONTAINER_HEADER.region;
  for (let i = 0; ; i += 1) {
    const slot = { x: CONTAINER_PADDING + i * (width + SIBLING_GAP), y: top, width, height };
    if (!zones.some((z) => overlaps(slot, z))) return slot;
  }
}
