/**
 * A container's title in the drawing: a region's name with its provider and location, a
 * zone's location, drawn on a patch of the container's fill so that nothing under it shows
 * through. The edges are routed around the patch (see `labelObstacles`).
 */
import type { ModelNode } from '../../model/types';
import { fitText, textWidth, type Shape } from '../drawing';
import { formatShare } from '../../text';
import { displayName } from './labels';
import type { RegionRole } from './roles';
import { type Box, DIAGRAM_COLOURS } from './theme';

/** Type sizes of the drawing at `scale` (canvas units to points): names, and small print. */
export function textSizes(scale: number): { nameSize: number; smallSize: number } {
  const nameSize = Math.min(9, Math.max(6.2, 20 * scale));
  return { nameSize, smallSize: nameSize * 0.82 };
}

/**
 * How far below a container's top its title's patch reaches when drawn at `scale`, canvas units
 * (points over the scale): {@link containerLabel}'s inset and line. The type has a least size, so
 * the smaller the drawing, the more canvas units a title takes.
 */
export function titleDepth(kind: 'region' | 'zone', scale: number): number {
  const { nameSize, smallSize } = textSizes(scale);
  const labelSize = kind === 'region' ? nameSize + 0.5 : smallSize;
  return (Math.max(4, 10 * scale) + labelSize * 1.1) / scale;
}

/** The title of a container drawn in `b` (points): its texts, baseline and patch. */
export interface ContainerLabel {
  readonly texts: Shape[];
  readonly baseline: number;
  /** The patch of fill under the texts, points. */
  readonly patch: Box;
  /** The patch under the badge, points, when one is drawn. */
  readonly badgePatch?: Box;
}

/** A badge at the right of a region's title: its share of the traffic, `Standby · 0 % of traffic`. */
export interface TitleBadge {
  readonly text: string;
  readonly isStandby: boolean;
  /** The container's fill, drawn under the badge (none when only its place is wanted). */
  readonly fill?: string;
}

/** The badge of a region with `role`: `Standby · 0 % of traffic`, `50 % of traffic`. */
export function regionBadge(role: RegionRole): TitleBadge {
  return {
    text: `${role.isStandby ? 'Standby · ' : ''}${formatShare(role.share)} of traffic`,
    isStandby: role.isStandby,
  };
}

/**
 * The title of region or zone `node` drawn in the box `b` (points) at `scale`, with `badge`
 * right-aligned on the same line when both fit.
 */
export function containerLabel(
  node: ModelNode,
  b: Box,
  scale: number,
  badge?: TitleBadge,
): ContainerLabel {
  const c = DIAGRAM_COLOURS;
  const { nameSize, smallSize } = textSizes(scale);
  const isRegion = node.kind === 'region';
  const labelSize = isRegion ? nameSize + 0.5 : smallSize;
  const inset = Math.max(4, 10 * scale);
  const baseline = b.y + inset + labelSize * 0.8;
  const location = node.kind === 'region' || node.kind === 'zone' ? node.location : undefined;
  const title = isRegion ? displayName(node) : (location ?? displayName(node));
  const fittedTitle = fitText(title, b.width - 2 * inset, labelSize, isRegion);
  let labelWidth = textWidth(fittedTitle, labelSize, isRegion);
  const texts: Shape[] = [
    {
      type: 'text',
      x: b.x + inset,
      y: baseline,
      text: fittedTitle,
      size: labelSize,
      bold: isRegion,
      color: isRegion ? c.title : c.muted,
      anchor: 'start',
    },
  ];
  const badgeWidth = badge ? textWidth(badge.text, smallSize, true) + smallSize : 0;
  let badgePatch: Box | undefined;
  if (badge && labelWidth + badgeWidth <= b.width - 2 * inset) {
    badgePatch = {
      x: b.x + b.width - inset - badgeWidth + smallSize - 1.5,
      y: baseline - labelSize * 0.95,
      width: badgeWidth - smallSize + 3,
      height: labelSize * 1.25,
    };
    texts.push(
      ...(badge.fill === undefined
        ? []
        : [{ type: 'rect' as const, ...badgePatch, radius: 1, fill: badge.fill }]),
      {
        type: 'text',
        x: b.x + b.width - inset,
        y: baseline,
        text: badge.text,
        size: smallSize,
        bold: true,
        color: badge.isStandby ? c.title : c.muted,
        anchor: 'end',
      },
    );
  }
  if (node.kind === 'region') {
    const where = [node.provider, node.location].filter(Boolean).join(' · ');
    const used = labelWidth + labelSize;
    const room = b.width - 2 * inset - used - badgeWidth;
    if (where && room > smallSize * 3) {
      const fitted = fitText(where, room, smallSize);
      texts.push({
        type: 'text',
        x: b.x + inset + used,
        y: baseline,
        text: fitted,
        size: smallSize,
        color: c.muted,
        anchor: 'start',
      });
      labelWidth = used + textWidth(fitted, smallSize);
    }
  }
  const patch = {
    x: b.x + inset - 1.5,
    y: baseline - labelSize * 0.95,
    width: labelWidth + 3,
    height: labelSize * 1.25,
  };
  return { texts, baseline, patch, ...(badgePatch ? { badgePatch } : {}) };
}

/**
 * The boxes, in canvas units, that hold the containers' titles when the drawing is made at
 * `scale` or larger: from each container's top-left corner to the far corner of its title's
 * patch, and for a region with a traffic badge the badge's patch as well. A title takes more canvas units the smaller the scale (its type has a least size),
 * so these hold it at every scale from `scale` up (and at a small scale it can reach past the
 * container's bottom).
 */
export function labelObstacles(
  containers: readonly { node: ModelNode; box: Box; badge?: TitleBadge }[],
  scale: number,
): Box[] {
  return containers.flatMap(({ node, box, badge }) => {
    const { patch, badgePatch } = containerLabel(
      node,
      { x: 0, y: 0, width: box.width * scale, height: box.height * scale },
      scale,
      badge,
    );
    const badgeBox = badgePatch && {
      x: box.x + badgePatch.x / scale,
      y: box.y,
      width: badgePatch.width / scale,
      height: (badgePatch.y + badgePatch.height) / scale,
    };
    const title = {
      x: box.x,
      y: box.y,
      width: (patch.x + patch.width) / scale,
      height: (patch.y + patch.height) / scale,
    };
    return badgeBox ? [title, badgeBox] : [title];
  });
}
