/**
 * The ISCP sections the plan adds for NIST SP 800-34 Rev. 1 (contact lists, signatures,
 * distribution, alternate processing, concurrent processing, offsite storage, associated plans,
 * the RACI of each phase, the communication plan, the BIA over time, the map of the template),
 * on the plan of every bundled template; and what its text must never hold.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../../catalog/price-book';
import { MINUTES_PER_YEAR, type ScenarioPhase } from '../../engine';
import type { ModelNode, NinesDocument } from '../../model/types';
import { plainText, type Block, type Cell, type PlanDocument, type TableBlock } from '../document';
import { headingsOf } from '../outline';
import { acronymsIn, controlTargets, coverageRows, readableText } from './appendices';
import { impactHorizons } from './bia';
import { buildPlan, type PlanResult } from './build-plan';
import { updateCadence } from './communications';
import type { PlanContext } from './context';
import { raciPhases } from './raci';
import { hasActiveActive, planRoles, ROLE } from './roles';
import { formatAvailability, formatMinutesPerYear, formatShare, formatUsd } from '../../text';
import { sectionBlocks } from '../../testing/plan-section';

const TEMPLATES = new URL('../../../assets/templates/', import.meta.url);
const priceBook = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);
const names = readdirSync(TEMPLATES).filter((n) => n.endsWith('.nines.json'));

function template(name: string): NinesDocument {
  return JSON.parse(readFileSync(new URL(name, TEMPLATES), 'utf8')) as NinesDocument;
}

function built(doc: NinesDocument): Extract<PlanResult, { ok: true }> {
  const result = buildPlan(doc, { priceBook, date: '2026-11-26' });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result;
}

const plans = new Map(names.map((name) => [name, built(template(name))]));
function planOf(name: string): { plan: PlanDocument; context: PlanContext } {
  const result = plans.get(name);
  if (!result) throw new Error(`no plan for ${name}`);
  return result;
}

function tables(blocks: readonly Block[]): TableBlock[] {
  return blocks.filter((b): b is TableBlock => b.kind === 'table');
}

function tableWith(blocks: readonly Block[], caption: string): TableBlock {
  const table = tables(blocks).find((t) => (t.caption ?? '').includes(caption));
  if (!table) throw new Error(`no table "${caption}"`);
  return table;
}

/** Text with the no-break spaces of numbers and units as plain spaces, for comparing. */
function squash(value: string): string {
  return value.replace(/\u00a0/g, ' ');
}

/** True when the cell is nothing but blanks for the plan owner. */
function isBlank(cell: Cell | undefined): boolean {
  return Array.isArray(cell) && cell.length > 0 && cell.every((r) => r.blank === true);
}

/** The names the user typed (document, variants, nodes, scenarios) and their own prose. */
function userText(doc: NinesDocument): string[] {
  return [
    doc.name,
    doc.description ?? '',
    ...(doc.assumptions ?? '').split('\n'),
    ...doc.variants.flatMap((v) => [
      v.name,
      v.description ?? '',
      ...v.nodes.flatMap((n) => [n.name ?? '', n.notes ?? '']),
    ]),
    ...(doc.scenarios ?? []).map((s) => s.name),
  ]
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .sort((a, b) => b.length - a.length);
}

/**
 * The readable text of the chapters and appendices this suite covers (every chapter but the
 * preventive controls, recovery, reconstitution and testing, whose own builders answer for their
 * text, plus the two sections added to reconstitution), with the user's own words cut out.
 */
function ownText(name: string): string {
  const { plan } = planOf(name);
  const chapters = new Set([
    'approval-and-control',
    'introduction',
    'concept-of-operations',
    'business-impact-analysis',
    'activation-and-notification',
    'options-compared-and-cost',
  ]);
  const blocks: Block[] = [];
  let keep = false;
  for (const b of plan.blocks) {
    if (b.kind === 'heading' && b.level === 1) keep = chapters.has(b.id) || b.numbered === false;
    if (keep) blocks.push(b);
  }
  blocks.push(
    ...sectionBlocks(plan, 'concurrent-processing'),
    ...sectionBlocks(plan, 'offsite-data-storage'),
  );
  let text = readableText(blocks);
  for (const t of userText(template(name))) text = text.split(t).join('⟨user⟩');
  return text;
}

describe('the ISCP sections, on the plan of every template', () => {
  it.each(names)('%s: signatures, distribution list and contact lists are blanks', (name) => {
    const { plan, context } = planOf(name);
    const signatures = tableWith(sectionBlocks(plan, 'plan-approval'), 'Signatures');
    expect(signatures.rows.map((r) => plainText(r[0] ?? ''))).toEqual([
      'Approving official (authorizing official or system owner)',
      ROLE.director,
      ROLE.coordinator,
    ]);
    for (const row of signatures.rows) expect(row.slice(1).every(isBlank)).toBe(true);

    const distribution = tableWith(sectionBlocks(plan, 'distribution-list'), 'Distribution list');
    const roles = planRoles(context).map((r) => r.name);
    expect(distribution.rows.map((r) => plainText(r[1] ?? '')).slice(0, roles.length)).toEqual(
      roles,
    );
    for (const row of distribution.rows) expect(isBlank(row[0])).toBe(true);

    const personnel = tableWith(sectionBlocks(plan, 'appendix-personnel'), 'Key personnel');
    expect(personnel.rows.map((r) => plainText(r[0] ?? ''))).toEqual(
      roles.flatMap((r) => [r, `${r}, alternate`]),
    );
    for (const row of personnel.rows) expect(row.slice(1).every(isBlank)).toBe(true);

    const vendors = tableWith(sectionBlocks(plan, 'appendix-vendors'), 'Vendors');
    expect(plainText(vendors.rows[0]?.[0] ?? '')).toBe('Amazon Web Services (AWS)');
    for (const row of vendors.rows) expect(row.slice(3).every(isBlank)).toBe(true);
    expect(vendors.rows.some((r) => plainText(r[0] ?? '').startsWith('Redis Ltd.'))).toBe(
      hasActiveActive(context),
    );
  });

  it.each(names)('%s: every section the template asks for is there', (name) => {
    const { plan } = planOf(name);
    const ids = new Set(headingsOf(plan).map((h) => h.id));
    for (const id of [
      'plan-approval',
      'distribution-list',
      'roles-and-responsibilities',
      'responsibilities-by-phase',
      'business-functions',
      'outage-impact-over-time',
      'communication-plan',
      'communication-cadence',
      'communication-status-page',
      'communication-messages',
      'concurrent-processing',
      'offsite-data-storage',
      'appendix-personnel',
      'appendix-vendors',
      'appendix-alternate-processing',
      'appendix-associated-plans',
      'appendix-glossary',
      'appendix-coverage',
    ])
      expect(ids, id).toContain(id);
    // Concurrent processing and offsite storage sit in reconstitution, 5.1 first, 5.7 before deactivation.
    const order = headingsOf(plan).map((h) => h.id);
    expect(order.indexOf('concurrent-processing')).toBeLessThan(
      order.indexOf('validation-data-testing'),
    );
    expect(order.indexOf('offsite-data-storage')).toBeLessThan(order.indexOf('deactivation'));
    expect(order.indexOf('reconstitution')).toBeLessThan(order.indexOf('concurrent-processing'));
  });

  it.each(names)('%s: the map of the NIST template points at headings that exist', (name) => {
    const { plan } = planOf(name);
    const ids = new Set(headingsOf(plan).map((h) => h.id));
    const rows = coverageRows(plan.blocks);
    // Plan Approval, 1–5 with their sections, Appendices A–M of the A.3 template.
    expect(rows).toHaveLength(1 + 4 + 4 + 4 + 4 + 11 + 13);
    for (const row of rows) {
      expect(row.targets.length, row.section).toBeGreaterThan(0);
      for (const id of row.targets) expect(ids, `${row.section} → ${id}`).toContain(id);
    }
    for (const id of controlTargets()) expect(ids, id).toContain(id);
    const printed = tableWith(sectionBlocks(plan, 'appendix-coverage'), 'ISCP template sections');
    expect(printed.rows.map((r) => plainText(r[0] ?? ''))).toEqual(rows.map((r) => r.section));
    expect(printed.rows.every((r) => plainText(r[1] ?? '') !== '—')).toBe(true);
  });

  it.each(names)('%s: every activity of every phase has exactly one accountable role', (name) => {
    const { plan, context } = planOf(name);
    const roles = planRoles(context).map((r) => r.key);
    const phases = raciPhases(context);
    expect(phases.map((p) => p.phase)).toEqual([
      'Activation and notification',
      'Recovery',
      'Reconstitution',
    ]);
    for (const phase of phases)
      for (const a of phase.activities) {
        const accountable = roles.filter((r) => (a.roles[r] ?? '').startsWith('A'));
        expect(accountable, a.activity).toHaveLength(1);
      }
    const printed = tables(sectionBlocks(plan, 'responsibilities-by-phase'));
    expect(printed).toHaveLength(3);
    const names = new Set(planRoles(context).map((r) => r.name));
    for (const t of printed) {
      expect(t.columns.map((c) => c.header)).toEqual([
        'Activity',
        'Responsible',
        'Accountable',
        'Consulted',
        'Informed',
      ]);
      for (const row of t.rows) {
        // One accountable role, by its name; every role named is a role of the plan.
        expect(names).toContain(plainText(row[2] ?? ''));
        for (const cell of row.slice(1))
          for (const role of plainText(cell)
            .split(', ')
            .filter((r) => r !== '—'))
            expect(names).toContain(role);
      }
    }
  });

  it.each(names)('%s: no raw node id, internal path or source file in the prose', (name) => {
    const { context } = planOf(name);
    const text = ownText(name);
    const around = (pattern: RegExp): string[] =>
      [...text.matchAll(pattern)].map((m) => text.slice(Math.max(0, m.index - 50), m.index + 30));
    expect(around(/\b(?:docs|shared|cli|renderer)\/[\w./-]+/g)).toEqual([]);
    // Paths and source files nowhere in the plan, the user's text and every chapter included.
    const whole = readableText(planOf(name).plan.blocks);
    expect(whole).not.toMatch(/\b(?:docs|shared|cli|renderer)\/[\w./-]+|\b[\w-]+\.(?:ts|tsx|md)\b/);
    expect(around(/\b[\w-]+\.(?:ts|tsx|md|json)\b/g)).toEqual([]);
    for (const { id } of context.variant.nodes) {
      const pattern = new RegExp(`(?<![\\w-])${id.replace(/[.]/g, '\\.')}(?![\\w-])`, 'g');
      expect(around(pattern), id).toEqual([]);
    }
  });

  it.each(names)(
    '%s: Active-Active wording only where a datastore replicates Active-Active',
    (name) => {
      const { context, plan } = planOf(name);
      const text = ownText(name);
      const wording = /CRDB|CRDT|conflict (?:counter|check)|Active-Active member|lag-aware/i;
      if (hasActiveActive(context)) {
        expect(text).toMatch(wording);
      } else {
        expect(text).not.toMatch(wording);
        const glossary = sectionBlocks(plan, 'appendix-glossary');
        expect(readableText(glossary)).not.toMatch(/CRDB|CRDT/);
      }
    },
  );

  it.each(names)('%s: every acronym is defined, and every glossary term is used', (name) => {
    const { plan } = planOf(name);
    const glossary = sectionBlocks(plan, 'appendix-glossary');
    const terms = glossary.flatMap((b) => (b.kind === 'keyValue' ? b.rows.map((r) => r.key) : []));
    const rest = plan.blocks.filter((b) => !glossary.includes(b));
    const text = readableText(rest);
    const undefinedAcronyms = acronymsIn(text).filter((a) => !terms.includes(a));
    expect(undefinedAcronyms).toEqual([]);
    for (const term of terms)
      expect(text.toLowerCase(), term).toContain(term.toLowerCase().replace(/ sets?$/, ''));
    expect(terms).not.toContain('Birnbaum importance');
    expect(terms).not.toContain('Fussell–Vesely importance');
  });

  it.each(names)('%s: its cited global deploy, with the downtime the engine gives it', (name) => {
    const { plan, context } = planOf(name);
    const causes = context.variant.commonCause ?? [];
    expect(causes.map((c) => c.id)).toEqual(['global-deploy']);
    const rows = tableWith(sectionBlocks(plan, 'common-causes'), 'Common-cause events').rows;
    const a = context.evaluation.availability;
    const fv = context.evaluation.importance.find((i) => i.event === 'cause:global-deploy');
    const minutes = (fv?.fussellVesely ?? NaN) * a.unavailability.structural * MINUTES_PER_YEAR;
    expect(rows.map((r) => r.slice(2, 5).map((c) => squash(plainText(c))))).toEqual([
      [
        '17,520 h (assumption)',
        '0.5 h (assumption)',
        squash(
          `${formatMinutesPerYear(minutes)} (${formatShare(minutes / a.downtimeMinutesPerYear)})`,
        ),
      ],
    ]);
    const cited = sectionBlocks(plan, 'common-causes').some(
      (b) => b.kind === 'list' && b.items.some((i) => plainText(i).includes('Google SRE book')),
    );
    expect(cited).toBe(true);
  });

  it.each(names)('%s: every table and appendix cited exists, numbered in order', (name) => {
    const { plan } = planOf(name);
    const captions = tables(plan.blocks).map((t) => t.caption ?? '');
    const chapterTables = captions.filter((c) => /^Table \d+\. /.test(c));
    expect(chapterTables.map((c) => Number(/^Table (\d+)/.exec(c)?.[1]))).toEqual(
      chapterTables.map((_, i) => i + 1),
    );
    const appendices = headingsOf(plan)
      .filter((h) => h.level === 1 && h.numbered === false)
      .map((h) => /^Appendix ([A-Z])\. /.exec(h.text)?.[1]);
    expect(appendices).toEqual(appendices.map((_, i) => String.fromCharCode(65 + i)));
    const text = readableText(plan.blocks);
    for (const [, n] of text.matchAll(/\bTable (\d+)\b(?![-–.]\d)/g))
      expect(
        chapterTables.some((c) => c.startsWith(`Table ${n}. `)),
        `Table ${n}`,
      ).toBe(true);
    for (const [, letter, n] of text.matchAll(/\bTable ([A-Z])\.(\d+)\b/g))
      expect(
        captions.some((c) => c.startsWith(`Table ${letter}.${n}. `)),
        `Table ${letter}.${n}`,
      ).toBe(true);
    for (const [, letter] of text.matchAll(/\bAppendix ([A-Z])\b(?!\.\d)/g))
      expect(appendices, `Appendix ${letter}`).toContain(letter);
  });
});

describe('external services', () => {
  // The pilot-light template with two third-party services: one with its vendor and SLA in the
  // file, one with neither (the model's default of 99.9 % applies).
  const doc = template('pilot-light-2-regions.nines.json');
  const variant = doc.variants[0];
  if (!variant) throw new Error('no variant');
  const externals: ModelNode[] = [
    {
      id: 'payments',
      kind: 'external',
      name: 'Payment gateway',
      vendor: 'Stripe',
      availability: 0.9995,
    },
    { id: 'geo', kind: 'external', name: 'Address lookup' },
  ];
  const withExternals: NinesDocument = {
    ...doc,
    variants: [
      {
        ...variant,
        nodes: [...variant.nodes, ...externals],
        edges: [
          ...variant.edges,
          { from: 'app-use1', to: 'payments', kind: 'depends' },
          { from: 'app-use1', to: 'geo', kind: 'depends' },
        ],
      },
    ],
  };
  const { plan } = built(withExternals);

  it('lists every external with its vendor and the SLA of the model in the vendor contact list', () => {
    const rows = tableWith(sectionBlocks(plan, 'appendix-vendors'), 'Vendors').rows;
    const payments = rows.find((r) => plainText(r[1] ?? '').startsWith('Payment gateway'));
    expect(plainText(payments?.[0] ?? '')).toBe('Stripe');
    expect(plainText(payments?.[1] ?? '')).toBe(
      'Payment gateway, used by Checkout API (us-east-1).',
    );
    expect(plainText(payments?.[2] ?? '')).toBe(`${formatAvailability(0.9995)} (in the model)`);
    const geo = rows.find((r) => plainText(r[1] ?? '').startsWith('Address lookup'));
    expect(isBlank(geo?.[0])).toBe(true);
    expect(plainText(geo?.[2] ?? '')).toBe(
      `${formatAvailability(0.999)} (default of the model: a typical third-party SLA)`,
    );
  });

  it('shows them as interconnections and their continuity arrangements as associated plans', () => {
    const connections = tableWith(sectionBlocks(plan, 'external-connections'), 'External systems');
    expect(connections.rows.map((r) => plainText(r[0] ?? ''))).toEqual([
      'Payment gateway',
      'Address lookup',
    ]);
    expect(plainText(connections.rows[0]?.[3] ?? '')).toBe(formatAvailability(0.9995));
    const associated = tableWith(
      sectionBlocks(plan, 'appendix-associated-plans'),
      'Associated plans',
    );
    expect(associated.rows.map((r) => plainText(r[0] ?? ''))).toContain(
      'Continuity arrangements of Payment gateway',
    );
  });
});

describe('the BIA over time', () => {
  /** Hours of refused requests up to `h` hours, from the phases, by hand. */
  function refused(phases: readonly ScenarioPhase[], h: number): number {
    let seconds = 0;
    for (const p of phases) {
      const end = Math.min(p.toSeconds ?? Infinity, h * 3600);
      if (end > p.fromSeconds) seconds += (1 - p.servedShare) * (end - p.fromSeconds);
    }
    return seconds / 3600;
  }

  it.each(names)('%s: each figure is the hourly cost × the refused hours up to then', (name) => {
    const { plan, context } = planOf(name);
    const perHour = context.doc.targets?.downtimeCostPerHour as number;
    const horizons = impactHorizons(context.doc.targets?.mtdSeconds);
    const table = tableWith(sectionBlocks(plan, 'outage-impact-over-time'), 'Impact of an outage');
    expect(table.columns.map((c) => c.header)).toEqual([
      'Disruption',
      ...horizons.map((h) => h.label),
    ]);
    const [complete, ...rows] = table.rows.map((r) => r.map(plainText));
    expect(complete).toEqual([
      'Complete outage that lasts',
      ...horizons.map((h) => formatUsd((perHour * h.seconds) / 3600)),
    ]);
    const scenarios = context.evaluation.scenarios.filter((s) => s.applies);
    expect(rows).toEqual(
      scenarios.map((s) => [
        s.name,
        ...horizons.map((h) => formatUsd(perHour * refused(s.phases, h.seconds / 3600))),
      ]),
    );
  });

  it('single region: the region outage costs the full hour until the region returns at 4 h', () => {
    const { plan } = planOf('single-region-3az.nines.json');
    const table = tableWith(sectionBlocks(plan, 'outage-impact-over-time'), 'Impact of an outage');
    expect(table.columns.map((c) => squash(c.header))).toEqual([
      'Disruption',
      '1 h (MTD)',
      '4 h',
      '24 h',
    ]);
    const row = table.rows.find((r) => plainText(r[0] ?? '') === 'Region outage (us-east-1)');
    // $50,000 an hour × min(hours, 4 h).
    expect(row?.slice(1).map(plainText)).toEqual(['$50,000', '$200,000', '$200,000']);
  });

  it('pilot light: the region outage adds its degraded phase at the share it refuses', () => {
    const { plan } = planOf('pilot-light-2-regions.nines.json');
    const table = tableWith(sectionBlocks(plan, 'outage-impact-over-time'), 'Impact of an outage');
    const row = table.rows.find((r) => plainText(r[0] ?? '') === 'Region outage (us-east-1)');
    // Down 40 min, then 10 % served until 45 min: (40 + 5 × 0.9) min = 44.5 min × $50,000/h.
    expect(row?.slice(1).map(plainText)).toEqual(['$37,083', '$37,083', '$37,083']);
  });

  it('states the MTD as a horizon of its own when it is not one of 1 h, 4 h, 24 h', () => {
    expect(impactHorizons(7200).map((h) => squash(h.label))).toEqual([
      '1 h',
      '2 h (MTD)',
      '4 h',
      '24 h',
    ]);
    expect(impactHorizons(undefined).map((h) => squash(h.label))).toEqual(['1 h', '4 h', '24 h']);
  });
});

describe('the communication plan', () => {
  it('updates every MTD / 4, rounded down to 5 min, between 15 min and 60 min', () => {
    expect(updateCadence({ mtdSeconds: 3600 })).toEqual({ seconds: 900, basis: 'MTD' });
    expect(updateCadence({ mtdSeconds: 7200 })).toEqual({ seconds: 1800, basis: 'MTD' });
    expect(updateCadence({ mtdSeconds: 7000 })).toEqual({ seconds: 1500, basis: 'MTD' });
    expect(updateCadence({ mtdSeconds: 86_400 })).toEqual({ seconds: 3600, basis: 'MTD' });
    expect(updateCadence({ rtoSeconds: 300 })).toEqual({ seconds: 900, basis: 'RTO' });
    expect(updateCadence({})).toBeNull();
  });

  it('fills the message templates with the system name and leaves the rest blank', () => {
    const { plan, context } = planOf('pilot-light-2-regions.nines.json');
    const messages = sectionBlocks(plan, 'communication-messages').find(
      (b) => b.kind === 'keyValue',
    );
    if (messages?.kind !== 'keyValue') throw new Error('no message templates');
    expect(messages.rows.map((r) => r.key)).toEqual(['Initial notice', 'Update', 'Resolution']);
    for (const row of messages.rows) {
      expect(plainText(row.value)).toContain(context.doc.name);
      expect(Array.isArray(row.value) && row.value.some((r) => r.blank === true)).toBe(true);
    }
    expect(squash(readableText(sectionBlocks(plan, 'communication-cadence')))).toContain(
      'Status updates go out every 15 min: the MTD of 60 min divided by 4',
    );
  });
});

describe('wording that fits the design', () => {
  it('pilot light: the promotion is a manual response, never an automatic one', () => {
    const { plan } = planOf('pilot-light-2-regions.nines.json');
    const table = tableWith(sectionBlocks(plan, 'activation-criteria'), 'Detection and activation');
    expect(table.columns.map((c) => c.header)).toContain('Response');
    const text = readableText([table]);
    expect(text).toContain('manual: a person promotes the standby');
    expect(text).not.toMatch(/automatic[^;|]*a person/);
  });

  it('explains the Active-Active memory line of the cost, and only where there is one', () => {
    const aa = readableText(
      sectionBlocks(planOf('active-active-3-regions.nines.json').plan, 'cost-of-the-variant'),
    );
    expect(aa).toContain('Memory: an Active-Active database needs more memory than its data');
    expect(aa).toMatch(/Active-Active needs 200\sGiB .* provisioned/);
    const pilot = readableText(
      sectionBlocks(planOf('pilot-light-2-regions.nines.json').plan, 'cost-of-the-variant'),
    );
    expect(pilot).not.toContain('Memory:');
  });

  it('ties the alternate processing modes to the scenarios that call for them', () => {
    const { plan } = planOf('single-region-3az.nines.json');
    const table = tableWith(
      sectionBlocks(plan, 'appendix-alternate-processing'),
      'Alternate processing',
    );
    const modes = new Map(table.rows.map((r) => [plainText(r[0] ?? ''), plainText(r[3] ?? '')]));
    // Down 4 h, beyond the MTD of 60 min: a maintenance page, then manual processing.
    expect(modes.get('Region outage (us-east-1)')).toBe('Maintenance page, Manual processing');
    expect(modes.get('Logical corruption of the us-east-1 data')).toBe(
      'Maintenance page, Read-only mode, Queued writes',
    );
    // A zone outage is over within the RTO: no alternate processing.
    expect(modes.has('Zone outage (us-east-1a)')).toBe(false);
  });
});
