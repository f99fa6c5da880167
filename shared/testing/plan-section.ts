/** The blocks of one section of a plan, for the plan's tests. */
import type { Block, PlanDocument } from '../plan/document';

/**
 * The blocks from the heading `id` to the next heading of the same or a higher level (the
 * section with its subsections); throws when the plan has no such heading.
 */
export function sectionBlocks(plan: PlanDocument, id: string): Block[] {
  const start = plan.blocks.findIndex((b) => b.kind === 'heading' && b.id === id);
  if (start < 0) throw new Error(`no heading "${id}"`);
  const level = (plan.blocks[start] as { level: number }).level;
  const end = plan.blocks.findIndex(
    (b, i) => i > start && b.kind === 'heading' && b.level <= level,
  );
  return plan.blocks.slice(start, end < 0 ? undefined : end);
}
