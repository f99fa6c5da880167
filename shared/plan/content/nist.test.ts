/**
 * Pins what the plan says NIST expects at each FIPS 199 impact level. Each expectation is
 * checked against the place it was read from:
 * - SP 800-34 Rev. 1: https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-34r1.pdf
 * - SP 800-53B baselines: https://github.com/usnistgov/oscal-content,
 *   nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_{LOW,MODERATE,HIGH}-baseline_profile.json
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../../catalog/price-book';
import type { NinesDocument } from '../../model/types';
import type { Block, PlanDocument, TableBlock } from '../document';
import { plainText } from '../document';
import { buildPlan } from './build-plan';
import { CP_BASELINE, NIST_STRATEGY, type ImpactLevel } from './nist';

const priceBook = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);
const AA3 = JSON.parse(
  readFileSync(
    new URL('../../../assets/templates/active-active-3-regions.nines.json', import.meta.url),
    'utf8',
  ),
) as NinesDocument;

function planAt(impact: ImpactLevel | undefined): PlanDocument {
  const targets = { ...AA3.targets };
  delete targets.impact;
  const doc: NinesDocument = {
    ...AA3,
    targets: impact === undefined ? targets : { ...targets, impact },
  };
  const result = buildPlan(doc, { priceBook, date: '2026-11-26' });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.plan;
}

/** The blocks of the chapter headed `title`, up to the next chapter. */
function chapter(plan: PlanDocument, title: string): Block[] {
  const start = plan.blocks.findIndex(
    (b) => b.kind === 'heading' && b.level === 1 && b.text === title,
  );
  if (start < 0) throw new Error(`no chapter "${title}"`);
  const end = plan.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1);
  return plan.blocks.slice(start, end < 0 ? undefined : end);
}

/** Every text run of some blocks, joined. */
function textOf(blocks: readonly Block[]): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'string' && (key === 'text' || key === 'key' || key === 'value'))
          out.push(v);
        else if (typeof v === 'string' && key === 'caption') out.push(v);
        else walk(v);
      }
    } else if (typeof value === 'string') out.push(value);
  };
  walk(blocks);
  return out.join(' ');
}

function exerciseTable(plan: PlanDocument): string[] {
  const table = chapter(plan, 'Testing and exercises').find(
    (b): b is TableBlock => b.kind === 'table' && (b.caption ?? '').includes('Exercise programme'),
  );
  if (!table) throw new Error('no exercise table');
  return table.rows.map((r) => plainText(r[0] ?? ''));
}

describe('the exercise NIST sets for the impact level', () => {
  // SP 800-34 Rev. 1 section 3.5.4 (TT&E Program Summary) and Table 3-6 (ISCP TT&E Activities).
  it('low: a tabletop exercise, at a frequency the organisation defines (3.5.4, Table 3-6)', () => {
    const plan = planAt('low');
    const text = textOf(chapter(plan, 'Testing and exercises'));
    expect(text).toContain('For a low-impact system NIST SP 800-34 Rev. 1');
    expect(text).toContain('sets a tabletop exercise');
    expect(text).toContain('at a frequency the organisation defines');
    expect(text).not.toContain('full-scale');
    expect(exerciseTable(plan)).not.toContain('Functional exercise');
    expect(exerciseTable(plan)).not.toContain('Full-scale functional exercise');
  });

  it('moderate: a functional exercise with recovery from backup media (3.5.4, Table 3-6)', () => {
    const plan = planAt('moderate');
    const text = textOf(chapter(plan, 'Testing and exercises'));
    expect(text).toContain(
      'sets a functional exercise, with an element of system recovery from backup media',
    );
    expect(exerciseTable(plan)).toContain('Functional exercise');
    expect(exerciseTable(plan)).not.toContain('Full-scale functional exercise');
  });

  it('high: a full-scale functional exercise with failover to the alternate location (3.5.4, Table 3-6)', () => {
    const plan = planAt('high');
    const text = textOf(chapter(plan, 'Testing and exercises'));
    expect(text).toContain(
      'sets a full-scale functional exercise, with a system failover to the alternate location and a full recovery and reconstitution to a known state',
    );
    expect(exerciseTable(plan)).toEqual(
      expect.arrayContaining(['Functional exercise', 'Full-scale functional exercise']),
    );
    // SP 800-53B high baseline: CP-4(1) and CP-4(2).
    expect(text).toContain('CP-4(2), testing at the alternate processing site');
  });

  it('states no yearly exercise as NIST’s: 3.5.4 leaves the frequency to the organisation; only the templates’ plan approval attests a yearly test', () => {
    for (const impact of ['low', 'moderate', 'high'] as const) {
      const plan = planAt(impact);
      const text = textOf(chapter(plan, 'Testing and exercises'));
      expect(text).not.toMatch(/calls for .* at least once a year/);
      expect(text).toContain(
        'the plan approval of the ISCP templates attests a test at least once a year',
      );
    }
    const none = textOf(chapter(planAt(undefined), 'Testing and exercises'));
    expect(none).toContain('No impact level is set');
    expect(none).not.toContain('tabletop exercise.');
  });
});

describe('backup and alternate site for the impact level', () => {
  // SP 800-34 Rev. 1 section 3.4.1, Table 3-2 "FIPS 199 Category Backup & Strategy Examples".
  it('quotes Table 3-2 row by row', () => {
    expect(NIST_STRATEGY).toEqual({
      low: { backup: 'tape backup', site: 'relocate or cold site' },
      moderate: { backup: 'optical backup, WAN/VLAN replication', site: 'cold or warm site' },
      high: { backup: 'mirrored systems and disc replication', site: 'hot site' },
    });
    const text = textOf(chapter(planAt('high'), 'Preventive controls'));
    expect(text).toContain(
      'Table 3-2 of NIST SP 800-34 Rev. 1 gives as examples “mirrored systems and disc replication” for backup and “hot site” as the recovery strategy',
    );
  });

  // SP 800-34 Rev. 1 section 3.4.3 (Alternate Sites).
  it('asks a moderate or high system for an alternate facility, and a low one for none (3.4.3)', () => {
    for (const impact of ['moderate', 'high'] as const)
      expect(textOf(chapter(planAt(impact), 'Preventive controls'))).toContain(
        'the plan should include a strategy to recover and perform system operations at an alternate facility for an extended period (section 3.4.3)',
      );
    expect(textOf(chapter(planAt('low'), 'Preventive controls'))).toContain(
      'a low-impact system does not require an alternate storage or processing site (section 3.4.3)',
    );
  });

  it('calls serving regions a hot site only with the condition of section 5.1.5', () => {
    const text = textOf(chapter(planAt('high'), 'Preventive controls'));
    expect(text).toContain(
      'gives as its example of a hot site provided each region is built to carry the full workload',
    );
    expect(text).not.toContain('is a hot site for the others');
  });
});

describe('SP 800-53B contingency-planning baselines', () => {
  // NIST OSCAL profiles NIST_SP-800-53_rev5_{LOW,MODERATE,HIGH}-baseline_profile (CP-1 omitted).
  it('lists the CP controls and enhancements of each baseline', () => {
    expect(CP_BASELINE.low).toEqual(['CP-2', 'CP-3', 'CP-4', 'CP-9', 'CP-10']);
    expect(CP_BASELINE.moderate).toEqual([
      'CP-2(1)(3)(8)',
      'CP-3',
      'CP-4(1)',
      'CP-6(1)(3)',
      'CP-7(1)(2)(3)',
      'CP-8(1)(2)',
      'CP-9(1)(8)',
      'CP-10(2)',
    ]);
    expect(CP_BASELINE.high).toEqual([
      'CP-2(1)(2)(3)(5)(8)',
      'CP-3(1)',
      'CP-4(1)(2)',
      'CP-6(1)(2)(3)',
      'CP-7(1)(2)(3)(4)',
      'CP-8(1)(2)(3)(4)',
      'CP-9(1)(2)(3)(5)(8)',
      'CP-10(2)(4)',
    ]);
    expect(textOf(chapter(planAt('low'), 'Preventive controls'))).toContain(
      'the alternate storage site (CP-6), alternate processing site (CP-7) and alternate telecommunications (CP-8) controls are not in it',
    );
    expect(textOf(chapter(planAt('high'), 'Preventive controls'))).toContain('CP-10(2)(4)');
  });
});

describe('plan review and approval', () => {
  // SP 800-34 Rev. 1 section 3.6 (Plan Maintenance); ISCP templates, Plan Approval and Appendix J.
  it('reviews at an organisation-defined frequency, more often for moderate or high (3.6)', () => {
    const text = textOf(chapter(planAt('high'), 'Plan approval and document control'));
    expect(text).toContain(
      'reviewed at a frequency the organisation sets, more often for a moderate- or high-impact system, and whenever a significant change occurs',
    );
    expect(text).toContain('it will be tested at least once a year');
    expect(text).not.toContain('reviewed at least once a year');
  });

  // SP 800-34 Rev. 1 section 3.2.1, p. 16 (also REF-26 of data/refcases).
  it('quotes section 3.2.1 on the RTO and the MTD', () => {
    const text = textOf(chapter(planAt('high'), 'Introduction'));
    expect(text).toContain('the RTO must normally be shorter than the MTD');
  });
});
