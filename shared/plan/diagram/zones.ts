/**
 * What each zone holds: the instances of the tiers placed in its region, spread round-robin
 * over the region's zones in file order (FORMAT.md: instance i goes to zone i mod z; only tiers
 * spread, DESIGN.md), drawn in the zone as one mark per instance in the tier's colour with its
 * name, so that a reader sees which instances a zone outage takes down.
 */
import type { ModelNode, Variant } from '../../model/types';
import { TIER_KINDS, tierSize } from '../../model/nodes';
import { fitText, textWidth, type Shape } from '../drawing';
import { displayName } from './labels';
import { type Box, DIAGRAM_COLOURS } from './theme';

/** A tier with its number of instances in one zone. */
export interface ZoneMember {
  readonly node: ModelNode;
  readonly count: number;
}

/** The tiers with instances in `zone`, each with how many, in file order; none for no region. */
export function zoneMembers(variant: Variant, zone: ModelNode): ZoneMember[] {
  const region = zone.parent;
  if (region === undefined) return [];
  const zones = variant.nodes.filter((n) => n.kind === 'zone' && n.parent === region);
  const at = zones.findIndex((z) => z.id === zone.id);
  return variant.nodes.flatMap((node) => {
    if (node.parent !== region || !TIER_KINDS.has(node.kind)) return [];
    const n = tierSize(node).instances;
    const count = Math.floor(n / zones.length) + (at < n % zones.length ? 1 : 0);
    return count > 0 ? [{ node, count }] : [];
  });
}

/** Most marks drawn for one tier; more are written as a count after them. */
export const MAX_MARKS = 6;

/**
 * The marks of `members` in the zone box `b` (points), under its label whose baseline is at
 * `top`: one line per tier while they fit, each its marks then its name; when the lines do not
 * fit, one line of marks and counts without the names.
 */
export function zoneMarks(
  members: readonly ZoneMember[],
  b: Box,
  top: number,
  size: number,
): Shape[] {
  const c = DIAGRAM_COLOURS;
  const inset = Math.max(3, size * 0.8);
  const mark = size * 0.7;
  const lead = size * 1.3;
  const room = b.y + b.height - inset / 2 - top;
  const marks = (member: ZoneMember, x: number, baseline: number): [Shape[], number] => {
    const shapes: Shape[] = [];
    const drawn = Math.min(member.count, MAX_MARKS);
    for (let i = 0; i < drawn; i += 1) {
      shapes.push({
        type: 'rect',
        x: x + i * (mark + 1.2),
        y: baseline - mark,
        width: mark,
        height: mark,
        radius: 0.6,
        fill: c.accent[member.node.kind],
      });
    }
    let end = x + drawn * (mark + 1.2);
    if (member.count > MAX_MARKS) {
      const more = `+${member.count - MAX_MARKS}`;
      shapes.push({
        type: 'text',
        x: end,
        y: baseline,
        text: more,
        size,
        color: c.muted,
        anchor: 'start',
      });
      end += textWidth(more, size) + 1;
    }
    return [shapes, end];
  };
  const shapes: Shape[] = [];
  if (members.length * lead <= room) {
    members.forEach((member, i) => {
      const baseline = top + lead * (i + 1);
      const [drawn, end] = marks(member, b.x + inset, baseline);
      const name = fitText(displayName(member.node), b.x + b.width - inset - end - 3, size);
      shapes.push(...drawn);
      if (name !== '…') {
        shapes.push({
          type: 'text',
          x: end + 2,
          y: baseline,
          text: name,
          size,
          color: c.muted,
          anchor: 'start',
        });
      }
    });
  } else if (lead <= room) {
    // One line: marks with each tier's first word (`Checkout`, `Redis`) when all fit, else marks.
    const line = (named: boolean): Shape[] | undefined => {
      const out: Shape[] = [];
      let x = b.x + inset;
      for (const member of members) {
        const [drawn, end] = marks(member, x, top + lead);
        out.push(...drawn);
        x = end;
        if (named) {
          const word = displayName(member.node).split(' ')[0] ?? '';
          out.push({
            type: 'text',
            x: x + 2,
            y: top + lead,
            text: word,
            size,
            color: c.muted,
            anchor: 'start',
          });
          x += 2 + textWidth(word, size);
        }
        if (x > b.x + b.width - inset) return undefined;
        x += mark * 1.5;
      }
      return out;
    };
    shapes.push(...(line(true) ?? line(false) ?? []));
  }
  return shapes;
}
