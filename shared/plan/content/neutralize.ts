/**
 * Every string of the plan made safe to print: names and notes come from the file, and a
 * control character or a bidirectional override in one (U+202E makes `gpj.exe` read as
 * `exe.jpg`) would be obeyed by Word, a PDF viewer or a Markdown renderer rather than shown. The
 * plan shows them as their `\uXXXX` escape instead, as the CLI does on a terminal
 * (`printable`), in every writer alike.
 */
import type { Block, Cell, Inline, PlanDocument, PlanMeta } from '../document';
import type { Shape } from '../drawing';
import { printable } from '../../text';

/** `plan` with {@link printable} applied to every string a reader sees. */
export function neutralizePlan(plan: PlanDocument): PlanDocument {
  const meta: PlanMeta = {
    ...plan.meta,
    title: printable(plan.meta.title),
    ...(plan.meta.subtitle === undefined ? {} : { subtitle: printable(plan.meta.subtitle) }),
  };
  return { meta, blocks: plan.blocks.map(block) };
}

function inline(runs: Inline): Inline {
  return runs.map((r) => ({ ...r, text: printable(r.text) }));
}

function cell(value: Cell): Cell {
  return typeof value === 'string' ? printable(value) : inline(value);
}

function shape(s: Shape): Shape {
  switch (s.type) {
    case 'text':
      return { ...s, text: printable(s.text) };
    case 'group':
      return { ...s, title: printable(s.title), shapes: s.shapes.map(shape) };
    default:
      return s;
  }
}

function block(b: Block): Block {
  switch (b.kind) {
    case 'heading':
      return { ...b, text: printable(b.text) };
    case 'paragraph':
      return { ...b, runs: inline(b.runs) };
    case 'list':
      return { ...b, items: b.items.map(inline) };
    case 'table':
      return {
        ...b,
        rows: b.rows.map((row) => row.map(cell)),
        ...(b.caption === undefined ? {} : { caption: printable(b.caption) }),
      };
    case 'keyValue':
      return { ...b, rows: b.rows.map((r) => ({ key: printable(r.key), value: cell(r.value) })) };
    case 'callout':
      return { ...b, runs: inline(b.runs) };
    case 'figure':
      return {
        ...b,
        caption: printable(b.caption),
        mermaid: printable(b.mermaid, { keepLineBreaks: true }),
        drawing: {
          ...b.drawing,
          title: printable(b.drawing.title),
          shapes: b.drawing.shapes.map(shape),
        },
      };
    case 'pageBreak':
      return b;
  }
}
