/** The order in which components come back, from the dependency graph, with each one's time. */
import { nodeFailureFigure, tierSize } from '../../../model/nodes';
import type { ModelNode } from '../../../model/types';
import { heading, paragraph, type Block } from '../../document';
import { groupOf, labelOf, recoveryOrder, type PlanBasis, type PlanContext } from '../context';
import { formatDuration } from '../../../text';

/** Time to bring one component back as the model sees it: failover, else an instance's MTTR. */
function recoveryTime(ctx: PlanBasis, node: ModelNode): string {
  const group = groupOf(ctx, node.id);
  if (node.kind === 'datastore' && group) {
    return `${group.isAutomatic ? 'automatic' : 'manual'} failover ${formatDuration(group.failoverSeconds)}`;
  }
  const figure = nodeFailureFigure(node);
  if (figure.mttrHours === undefined) return 'provider-managed (availability only)';
  const { instances } = tierSize(node);
  const time = formatDuration(figure.mttrHours * 3600);
  return instances > 1 ? `${time} per instance` : `repair ${time}`;
}

export function recoverySequence(ctx: PlanContext): Block[] {
  const order = recoveryOrder(ctx);
  const consumers = (id: string) =>
    [...ctx.graph.dependsOn].filter(([, targets]) => targets.includes(id)).map(([from]) => from);
  const t = ctx.doc.targets?.rtoSeconds;
  return [
    heading(2, 'Recovery sequence'),
    paragraph(
      'When more than one component must be brought back, do it in the order below: each component comes back before the components that depend on it, data tiers first and the entry last. ',
      t === undefined
        ? 'No RTO target is set; the order is the priority.'
        : `Every component on the request path shares the system RTO of ${formatDuration(t)}: the order is the priority within it. `,
      'The recovery time is the model’s (Appendix A); a tier with spare instances keeps serving while one is replaced.',
    ),
    {
      kind: 'table',
      caption: 'Table 7. Recovery order from the dependency graph',
      columns: [
        { header: 'Step', width: 0.8, align: 'right' },
        { header: 'Component', width: 3 },
        { header: 'Depends on', width: 3 },
        { header: 'Needed by', width: 2.6 },
        { header: 'Recovery time (model)', width: 2.4 },
      ],
      rows: order.map(({ id }, i) => [
        String(i + 1),
        labelOf(ctx, id),
        (ctx.graph.dependsOn.get(id) ?? []).map((d) => labelOf(ctx, d)).join(', ') || '—',
        consumers(id)
          .map((c) => labelOf(ctx, c))
          .join(', ') || 'users (entry)',
        recoveryTime(ctx, ctx.graph.byId.get(id) as ModelNode),
      ]),
    },
  ];
}
