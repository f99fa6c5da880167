/**
 * An example plan built by hand with the document model: every kind of block, a landscape
 * topology figure, a table long enough to span pages, placeholders, blanks in running text, in
 * a key-value list and in table rows to fill in by hand. The writers' tests and the
 * CLI timing use it, and it shows the plan builder the intended shape of the document. Its
 * figures are illustrative, not engine results.
 */
import type { NinesDocument, Variant } from '../model/types';
import { componentDetail, displayName, topologyFigure } from './diagram';
import {
  PAGE_BREAK,
  appendix,
  blank,
  bold,
  bullets,
  code,
  heading,
  inline,
  numbered,
  paragraph,
  placeholder,
  type Block,
  type PlanDocument,
} from './document';
import { formatDuration } from '../text';

/** Every field of every node as `[node, field, value]`, the shape of a parameters appendix. */
function parameterRows(variant: Variant): string[][] {
  const rows: string[][] = [];
  for (const node of variant.nodes) {
    for (const [field, value] of Object.entries(node)) {
      if (field === 'id' || field === 'notes' || field === 'name') continue;
      rows.push([node.id, field, String(value), 'file']);
    }
  }
  return rows;
}

/** The example plan for the first variant of `model` (dated `date`). */
export function samplePlan(model: NinesDocument, date: string): PlanDocument {
  const variant = model.variants[0];
  if (!variant) throw new Error('the model has no variant');
  const components = variant.nodes.filter((n) => n.kind !== 'region' && n.kind !== 'zone');
  const scenarios = model.scenarios ?? [];
  const blocks: Block[] = [
    heading(1, 'Introduction'),
    paragraph(
      'This Information System Contingency Plan (ISCP) establishes procedures to recover ',
      bold(model.name),
      ' following a disruption. It follows the outline of NIST SP 800-34 Rev. 1 and is generated from the topology file; the figures in it are computed, the contacts and sign-off are for the plan owner to complete.',
    ),
    heading(2, 'Background'),
    paragraph(model.description ?? ''),
    heading(2, 'Scope'),
    paragraph(
      'The plan covers the variant ',
      bold(variant.name),
      ' with its ',
      String(components.length),
      ' components in ',
      String(variant.nodes.filter((n) => n.kind === 'region').length),
      ' regions. Client applications and third-party services are out of scope.',
    ),
    heading(2, 'Assumptions'),
    bullets((model.assumptions ?? '').split('\n').filter(Boolean)),
    placeholder('Name the plan owner, the ISCP coordinator and their alternates.'),
    heading(2, 'Approval'),
    paragraph(
      'Approved for ',
      bold(model.name),
      ' by ',
      blank('name and title'),
      ' on ',
      blank('date'),
      '.',
    ),
    {
      kind: 'keyValue',
      rows: [
        { key: 'System owner', value: [blank('name, title and signature')] },
        { key: 'Authorising official', value: [blank('name, title and signature')] },
      ],
    },
    heading(1, 'Concept of operations'),
    heading(2, 'System description'),
    paragraph(variant.description ?? ''),
    topologyFigure(variant, {
      id: 'figure-topology',
      caption: `Figure 1. Topology of ${variant.name}`,
    }),
    paragraph(
      'Solid arrows are request dependencies (consumer to dependency); dashed lines are asynchronous replication between data tier members; dotted arrows are backups. A dependency that crosses regions would be drawn in orange.',
    ),
    heading(2, 'Roles and responsibilities'),
    {
      kind: 'table',
      caption: 'Table 1. Recovery roles',
      columns: [
        { header: 'Role', width: 2 },
        { header: 'Responsibility', width: 5 },
        { header: 'Contact', width: 2 },
      ],
      rows: [
        [
          'ISCP coordinator',
          'Activates the plan, leads recovery, reports to management',
          [blank('name and phone')],
        ],
        [
          'Platform on-call',
          'Runs the runbooks, watches error rate, latency and lag',
          [blank('name and phone')],
        ],
        [
          'Database on-call',
          'Checks replication and conflict resolution after a partition',
          [blank('name and phone')],
        ],
      ],
    },
    placeholder('Add the call tree with phone numbers and the escalation times.'),
    heading(1, 'Business impact analysis'),
    paragraph(
      'Impact level ',
      bold(model.targets?.impact ?? 'moderate'),
      '; maximum tolerable downtime ',
      code(formatDuration(model.targets?.mtdSeconds ?? 0)),
      '. The table compares the objectives with what each scenario achieves.',
    ),
    {
      kind: 'table',
      caption: 'Table 2. Recovery objectives by scenario',
      columns: [
        { header: 'Scenario', width: 4 },
        { header: 'Survives', width: 1.3, align: 'center' },
        { header: 'RTO target (s)', width: 1.5, align: 'right' },
        { header: 'RTO achieved (s)', width: 1.6, align: 'right' },
        { header: 'RPO achieved (s)', width: 1.6, align: 'right' },
        { header: 'Result', width: 1.2, align: 'center' },
      ],
      rows: scenarios.map((s, i) => [
        s.name,
        s.corrupt ? 'no' : 'yes',
        String(model.targets?.rtoSeconds ?? 0),
        s.corrupt ? '1,800' : String(30 + 10 * i),
        s.corrupt ? '86,400' : '1',
        s.corrupt ? [bold('fail')] : 'pass',
      ]),
    },
    {
      kind: 'callout',
      tone: 'warning',
      title: 'Finding',
      runs: inline(
        'A logical corruption is replicated to every region; only the daily snapshot undoes it, so the achieved RPO is one day.',
      ),
    },
    heading(1, 'Activation and notification'),
    heading(2, 'Activation criteria'),
    bullets([
      'The global router reports fewer than two healthy regions for more than 60 seconds.',
      inline('The error rate of ', code('POST /checkout'), ' exceeds 1 % for five minutes.'),
      'Replication lag between any two regions exceeds 5 seconds for ten minutes.',
    ]),
    heading(2, 'Notification procedures'),
    numbered([
      'The on-call engineer confirms the alert and opens an incident.',
      'The ISCP coordinator decides on activation within 15 minutes.',
      'The coordinator notifies the stakeholders listed in Appendix A.',
    ]),
    placeholder('Insert the notification templates and the status-page wording.'),
    heading(1, 'Recovery'),
    ...scenarios.flatMap((s): Block[] => [
      heading(2, s.name, `recovery-${s.id}`),
      heading(3, 'Recovery steps', `recovery-${s.id}-steps`),
      numbered([
        'Confirm the scope of the failure from the router health checks.',
        'Let the router drain the failed targets; do not restart healthy regions.',
        inline(
          'Watch ',
          bold('error rate'),
          ', ',
          bold('latency'),
          ' and ',
          bold('replication lag'),
          ' until they are back within targets.',
        ),
      ]),
      heading(3, 'Validation', `recovery-${s.id}-validation`),
      paragraph(
        'Run the synthetic checkout in every region and compare the order counts between regions.',
      ),
    ]),
    heading(1, 'Reconstitution'),
    paragraph(
      'Return traffic to the recovered region in steps of 10 %, 50 % and 100 %, watching the same signals.',
    ),
    heading(1, 'Testing and exercises'),
    {
      kind: 'table',
      caption: 'Table 3. Exercise plan',
      columns: [
        { header: 'Drill', width: 3 },
        { header: 'Frequency', width: 1.5 },
        { header: 'What to watch', width: 4 },
        { header: 'Last run', width: 1.6 },
      ],
      rows: [
        ['Zone outage', 'quarterly', 'error rate, p99 latency, instance replacement time'],
        ['Split-brain', 'twice a year', 'conflict counts, replication lag after healing'],
        ['Traffic shift', 'quarterly', 'capacity headroom, autoscaling, latency for moved users'],
      ].map((row) => [...row, [blank('date')]]),
    },
    PAGE_BREAK,
    appendix('Appendix A. Component inventory', 'appendix-inventory'),
    {
      kind: 'table',
      caption: 'Table 4. Components',
      columns: [
        { header: 'Id', width: 2 },
        { header: 'Name', width: 3 },
        { header: 'Kind', width: 1.5 },
        { header: 'Detail', width: 3 },
      ],
      rows: components.map((n) => [
        [code(n.id)],
        displayName(n),
        n.kind,
        componentDetail(n, variant),
      ]),
    },
    appendix('Appendix B. Parameters and their sources', 'appendix-parameters'),
    {
      kind: 'table',
      caption: 'Table 5. Parameters',
      columns: [
        { header: 'Node', width: 2 },
        { header: 'Field', width: 2 },
        { header: 'Value', width: 2, align: 'right' },
        { header: 'Source', width: 1 },
      ],
      rows: parameterRows(variant),
    },
    appendix('Appendix C. Glossary', 'appendix-glossary'),
    {
      kind: 'keyValue',
      rows: [
        { key: 'ISCP', value: 'Information System Contingency Plan' },
        { key: 'MTD', value: 'Maximum tolerable downtime' },
        { key: 'RTO', value: 'Recovery time objective: how long the service may be down' },
        { key: 'RPO', value: 'Recovery point objective: how much data may be lost, as time' },
      ],
    },
  ];
  return {
    meta: {
      title: `${model.name} — Contingency Plan`,
      subtitle: variant.name,
      version: '1.0',
      date,
      classification: 'Internal',
      impact: model.targets?.impact ?? 'moderate',
      author: 'Platform Engineering',
    },
    blocks,
  };
}
