/**
 * Small plans that the CLI's PDF writer thread writes while it waits for the real one
 * (`cli/pdf-writer.ts`): cold, pdfmake, pdfkit and fontkit take V8 about half again as long as
 * warm, much of it V8's first pass over their code (compiling each function and learning its
 * types) and fontkit decoding the font tables, which these few pages pay while the main thread
 * is still building the real plan. Together they hold every kind of block the plan writer
 * knows, in the four faces of the plan's font, so that each path the real plan takes has run
 * once; the tables being shared between documents (./shared-font-tables.ts), those the real
 * plan needs are decoded by then. Their bytes are thrown away.
 */
import type { Drawing } from '../drawing';
import {
  blank,
  bold,
  bullets,
  code,
  heading,
  inline,
  italic,
  numbered,
  PAGE_BREAK,
  paragraph,
  placeholder,
  type PlanDocument,
} from '../document';

/** A figure with each kind of shape: cards, bold and italic labels, arrows, a dashed curve. */
const WARM_UP_DRAWING: Drawing = {
  width: 240,
  height: 90,
  title: 'Two components and the dependency between them',
  shapes: [
    {
      type: 'rect',
      x: 0,
      y: 0,
      width: 240,
      height: 90,
      radius: 6,
      stroke: '#8899aa',
      dash: [3, 2],
    },
    {
      type: 'group',
      id: 'warm-up-web',
      title: 'Web tier',
      shapes: [
        {
          type: 'rect',
          x: 10,
          y: 20,
          width: 80,
          height: 40,
          radius: 4,
          fill: '#eef2f7',
          stroke: '#334455',
          strokeWidth: 1,
        },
        {
          type: 'text',
          x: 50,
          y: 38,
          text: 'Web tier',
          size: 8,
          bold: true,
          color: '#112233',
          anchor: 'middle',
        },
        {
          type: 'text',
          x: 50,
          y: 50,
          text: '3 × m7g.large',
          size: 7,
          italic: true,
          color: '#556677',
          anchor: 'middle',
        },
      ],
    },
    {
      type: 'rect',
      x: 150,
      y: 20,
      width: 80,
      height: 40,
      radius: 4,
      fill: '#eef2f7',
      stroke: '#334455',
    },
    { type: 'text', x: 190, y: 44, text: 'Database', size: 8, color: '#112233', anchor: 'start' },
    {
      type: 'line',
      points: [
        [90, 40],
        [150, 40],
      ],
      stroke: '#334455',
      strokeWidth: 1,
      arrow: true,
    },
    {
      type: 'line',
      points: [
        [50, 60],
        [190, 60],
      ],
      control: [120, 85],
      stroke: '#cc6600',
      strokeWidth: 0.8,
      dash: [2, 2],
    },
  ],
};

const META = {
  title: 'Warm-up — Contingency Plan',
  subtitle: 'Single region',
  version: '1.0',
  date: '2026-01-01',
  classification: 'Internal',
  impact: 'moderate',
  author: 'Nines',
} as const;

/**
 * The warm-up plans, to be written in turn (the caller may stop after any of them): the text,
 * about two pages with a heading of each level, paragraphs with bold, italic, code and blank
 * runs, both kinds of list, a captioned table with aligned columns and a blank to fill in, a
 * key-value table and a callout of each tone; then a figure on a landscape page of its own,
 * after a page break.
 */
export function warmUpPlans(): PlanDocument[] {
  const text: PlanDocument = {
    meta: META,
    blocks: [
      heading(1, 'Introduction'),
      paragraph(
        'This plan recovers the ',
        bold('checkout service'),
        ' after a disruption; its recovery time objective is ',
        code('15 min'),
        ' and its recovery point objective ',
        italic('one minute'),
        '. Approved by ',
        blank('name and title'),
        '.',
      ),
      heading(2, 'Scope'),
      bullets([
        'The load balancer, the web tier and the database in one region.',
        inline('Replication lag stays under ', code('5 s'), ' in steady state.'),
      ]),
      heading(3, 'Assumptions'),
      numbered(['The on-call engineer confirms the alert.', 'The coordinator activates the plan.']),
      placeholder('Name the plan owner, the coordinator and their alternates.'),
      {
        kind: 'callout',
        tone: 'warning',
        title: 'Finding',
        runs: inline(
          'A corruption is replicated; only the ',
          bold('daily snapshot'),
          ' undoes it.',
        ),
      },
      { kind: 'callout', tone: 'note', runs: inline('Times are minutes unless stated.') },
      {
        kind: 'table',
        caption: 'Table 1. Recovery objectives by scenario',
        columns: [
          { header: 'Scenario', width: 3 },
          { header: 'Survives', width: 1, align: 'center' },
          { header: 'RTO (s)', width: 1, align: 'right' },
          { header: 'Owner', width: 2 },
        ],
        rows: [
          ['Zone outage', 'yes', '1,200', [blank('name')]],
          ['Region outage', [bold('no')], '86,400', [code('dns-failover')]],
        ],
      },
      {
        kind: 'keyValue',
        rows: [
          { key: 'RTO', value: 'Recovery time objective' },
          { key: 'System owner', value: [blank('name, title and signature')] },
        ],
      },
    ],
  };
  const figure: PlanDocument = {
    meta: META,
    blocks: [
      heading(1, 'Topology'),
      PAGE_BREAK,
      {
        kind: 'figure',
        id: 'figure-warm-up',
        caption: 'Figure 1. Topology',
        drawing: WARM_UP_DRAWING,
        landscape: true,
        mermaid: 'flowchart LR\n  web --> db',
      },
    ],
  };
  return [text, figure];
}
