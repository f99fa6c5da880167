/**
 * A runbook's steps as a table: step, role, action, budget, running total, verification,
 * go/no-go. The chain's budgets add up to the achieved RTO on the row that marks it (then on to
 * full capacity); a step that runs alongside shows its own time and adds nothing; a total past
 * the RTO target is bold.
 */
import type { ScenarioResult } from '../../../engine';
import { bold, inline, type Cell, type Inline, type TableBlock } from '../../document';
import { formatDuration } from '../../../text';
import { runningTotals, type RunbookStep, type RunbookTimeline } from './runbook-steps';

function budgetCell(step: RunbookStep): Cell {
  const time = formatDuration(step.time.seconds, { unbounded: 'unknown' });
  return step.time.kind === 'chain' ? time : `${time}, alongside`;
}

function totalCell(total: number | null, step: RunbookStep, target: number | undefined): Cell {
  if (step.time.kind !== 'chain') return '—';
  const text = formatDuration(total, { unbounded: 'unknown' });
  return total !== null && target !== undefined && total > target ? [bold(text)] : text;
}

function row(index: string, step: RunbookStep, total: Cell): Cell[] {
  return [index, step.role, step.action, budgetCell(step), total, step.verify, step.goNoGo];
}

function rtoRow(s: ScenarioResult, target: number | undefined): Cell[] {
  const rto = formatDuration(s.rtoSeconds, { unbounded: 'unknown' });
  const verdict: Inline =
    target === undefined
      ? inline('No RTO target is set.')
      : s.rtoSeconds !== null && s.rtoSeconds <= target
        ? inline(`Within the ${formatDuration(target)} target.`)
        : inline(bold(`Misses the ${formatDuration(target)} target.`));
  return ['', '', [bold('Service back: the achieved RTO')], '', [bold(rto)], verdict, ''];
}

/** The table of a runbook's timed steps. */
export function stepsTable(
  s: ScenarioResult,
  timeline: RunbookTimeline,
  target: number | undefined,
  caption: string,
): TableBlock {
  const steps = [...timeline.toRto, ...timeline.toFullCapacity];
  const totals = runningTotals(steps);
  const rows: Cell[][] = [];
  steps.forEach((step, i) => {
    if (i === timeline.toRto.length) rows.push(rtoRow(s, target));
    rows.push(row(String(i + 1), step, totalCell(totals[i] ?? null, step, target)));
  });
  if (timeline.toFullCapacity.length === 0) rows.push(rtoRow(s, target));
  else
    rows.push([
      '',
      '',
      [bold('Every request served again')],
      '',
      [bold(formatDuration(s.timeToFullCapacitySeconds, { unbounded: 'unknown' }))],
      '',
      '',
    ]);
  return {
    kind: 'table',
    caption,
    columns: [
      { header: '#', width: 0.35, align: 'right' },
      { header: 'Role', width: 1.3 },
      { header: 'Action', width: 3 },
      { header: 'Budget', width: 1.15 },
      { header: 'Total', width: 0.95 },
      { header: 'Verify', width: 2 },
      { header: 'Go/no-go', width: 2 },
    ],
    rows,
  };
}
