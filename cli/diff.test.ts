// `nines diff`: matching on effective values, figures equal to `nines evaluate --json`, regressions
// and exit codes, the JSON Schema, the Markdown's numbers, determinism, renames and bad input.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import type { DesignDiff } from '../shared/diff';
import type { EvaluationReport } from '../shared/engine';
import { runCli, template } from './testing';

const AA2 = template('active-active-2-regions');
const HA_OPTIONS = template('ha-options');
const SCHEMA = JSON.parse(
  readFileSync(new URL('../schemas/nines-diff-1.schema.json', import.meta.url), 'utf8'),
) as object;

const dir = mkdtempSync(join(tmpdir(), 'nines-diff-'));

type Json = Record<string, unknown>;

/** A copy of a template, changed by `edit`, written to the test folder. */
function copyOf(source: string, name: string, edit: (doc: Json) => void): string {
  const doc = JSON.parse(readFileSync(source, 'utf8')) as Json;
  edit(doc);
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
  return path;
}

type Node = Json & { id: string };
function nodeOf(doc: Json, id: string, variant = 0): Node {
  const v = (doc.variants as { nodes: Node[] }[])[variant];
  const node = v?.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

async function diffJson(...argv: string[]): Promise<{ code: number; diff: DesignDiff }> {
  const run = await runCli('diff', ...argv, '--json');
  expect(run.stderr).toBe('');
  return { code: run.code, diff: JSON.parse(run.stdout) as DesignDiff };
}

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(SCHEMA);

describe('nines diff', () => {
  it('diff X X reports nothing: no change, no regression, exit 0, "No design change"', async () => {
    const { code, diff } = await diffJson(HA_OPTIONS, HA_OPTIONS);
    expect(code).toBe(0);
    expect(diff.summary).toEqual({
      designChanged: false,
      variantsChanged: 0,
      layoutChanges: 0,
      regressions: 0,
      improvements: 0,
    });
    expect(diff.variants.map((v) => v.status)).toEqual(Array(5).fill('unchanged'));
    for (const v of diff.variants) {
      expect(v.scenarios.every((s) => !s.changed)).toBe(true);
      expect(v.figures.downtimeMinutesPerYear.changed).toBe(false);
      expect(v.figures.monthlyCostUsd.direction).toBe('none');
    }
    const markdown = await runCli('diff', HA_OPTIONS, HA_OPTIONS, '--markdown');
    expect(markdown.stdout).toContain('No design change');
    const text = await runCli('diff', HA_OPTIONS, HA_OPTIONS);
    expect(text.stdout).toContain('No design change');
    const quiet = await runCli(
      'diff',
      HA_OPTIONS,
      HA_OPTIONS,
      '--only-on-change',
      '--fail-on',
      'any',
    );
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('one field changed in a copy lists exactly that change, with the figures of two independent evaluate runs', async () => {
    const head = copyOf(AA2, 'instances.nines.json', (doc) => {
      nodeOf(doc, 'app-use1').instances = 9;
    });
    const { diff } = await diffJson(AA2, head);
    const [v] = diff.variants;
    expect(diff.variants).toHaveLength(1);
    expect(v?.status).toBe('changed');
    expect(v?.topology.nodes).toEqual({
      added: [],
      removed: [],
      renamed: [],
      changed: [
        {
          id: 'app-use1',
          kind: 'service',
          fields: [{ path: 'instances', before: 15, after: 9, explicit: [true, true] }],
        },
      ],
    });
    expect(v?.topology.edges).toEqual({ added: [], removed: [], changed: [] });
    expect(v?.topology.links).toEqual({ added: [], removed: [], changed: [] });
    expect(v?.topology.fields).toEqual([]);
    expect(v?.topology.layoutChanges).toBe(0);
    expect(diff.document.fields).toEqual([]);

    const evaluateJson = async (file: string) =>
      (JSON.parse((await runCli('evaluate', file, '--json')).stdout) as EvaluationReport)
        .variants[0];
    const before = await evaluateJson(AA2);
    const after = await evaluateJson(head);
    const f = v!.figures;
    const a = (x: typeof before) => x?.availability;
    expect([f.availability.requestWeighted.before, f.availability.requestWeighted.after]).toEqual([
      a(before)?.requestWeighted,
      a(after)?.requestWeighted,
    ]);
    expect([f.availability.structural.before, f.availability.structural.after]).toEqual([
      a(before)?.structural,
      a(after)?.structural,
    ]);
    expect([f.downtimeMinutesPerYear.before, f.downtimeMinutesPerYear.after]).toEqual([
      a(before)?.downtimeMinutesPerYear,
      a(after)?.downtimeMinutesPerYear,
    ]);
    expect([f.downtimeTerms.capacity.before, f.downtimeTerms.capacity.after]).toEqual([
      a(before)?.capacityMinutesPerYear,
      a(after)?.capacityMinutesPerYear,
    ]);
    expect([f.downtimeTerms.transition.before, f.downtimeTerms.transition.after]).toEqual([
      a(before)?.transitionMinutesPerYear,
      a(after)?.transitionMinutesPerYear,
    ]);
    expect([f.nines.before, f.nines.after]).toEqual([a(before)?.nines, a(after)?.nines]);
    expect([f.singlePointsOfFailure.before, f.singlePointsOfFailure.after]).toEqual([
      before?.singlePointsOfFailure,
      after?.singlePointsOfFailure,
    ]);
    expect([f.monthlyCostUsd.before, f.monthlyCostUsd.after]).toEqual([
      before?.cost?.monthly,
      after?.cost?.monthly,
    ]);
    expect([f.yearlyTotalUsd.before, f.yearlyTotalUsd.after]).toEqual([
      before?.cost?.yearlyTotal,
      after?.cost?.yearlyTotal,
    ]);
    for (const s of v!.scenarios) {
      const b = before?.scenarios.find((x) => x.id === s.id);
      const h = after?.scenarios.find((x) => x.id === s.id);
      expect([s.before?.rtoSeconds, s.after?.rtoSeconds]).toEqual([b?.rtoSeconds, h?.rtoSeconds]);
      expect([s.before?.rpoSeconds, s.after?.rpoSeconds]).toEqual([b?.rpoSeconds, h?.rpoSeconds]);
      expect([s.before?.servedShare, s.after?.servedShare]).toEqual([
        b?.servedShare,
        h?.servedShare,
      ]);
      expect([s.before?.status, s.after?.status]).toEqual([b?.status, h?.status]);
    }
    // Fewer instances, both sides fully priced: the drop is real.
    expect(f.monthlyCostUsd.complete).toEqual([true, true]);
    expect(f.monthlyCostUsd.direction).toBe('decrease');
  });

  it('a layout-only change lists no node change and no figure change', async () => {
    const head = copyOf(AA2, 'layout.nines.json', (doc) => {
      const layout = (doc.variants as { layout: Record<string, { x: number; y: number }> }[])[0]!
        .layout;
      for (const id of Object.keys(layout).slice(0, 4)) layout[id]!.x += 40;
    });
    const { code, diff } = await diffJson(AA2, head, '--fail-on', 'any');
    expect(code).toBe(0);
    expect(diff.summary.designChanged).toBe(false);
    expect(diff.summary.layoutChanges).toBe(4);
    const [v] = diff.variants;
    expect(v?.status).toBe('unchanged');
    expect(v?.topology.nodes.changed).toEqual([]);
    expect(v?.topology.layoutChanges).toBe(4);
    const text = await runCli('diff', AA2, head);
    expect(text.stdout).toContain('No design change (4\u00a0layout moves)');
  });

  it('writing out a default, or leaving one out, is no change', async () => {
    const head = copyOf(AA2, 'defaults.nines.json', (doc) => {
      // Both explicit defaults in the template: minTargets 1 and dnsTtlSeconds 0 of an ALB.
      delete nodeOf(doc, 'lb-use1').dnsTtlSeconds;
      delete nodeOf(doc, 'lb-use1').minTargets;
      // Two defaults written out: a datastore's sync false, a zone's MTBF.
      nodeOf(doc, 'redis-use1').witness = false;
      nodeOf(doc, 'use1-a').mtbfHours = 8760;
    });
    const { diff } = await diffJson(AA2, head);
    expect(diff.summary.designChanged).toBe(false);
    expect(diff.variants[0]?.topology.nodes.changed).toEqual([]);
    // A default changed to another value is a change, and says the base's value was the default.
    const changed = copyOf(AA2, 'default-changed.nines.json', (doc) => {
      nodeOf(doc, 'use1-a').mtbfHours = 4380;
    });
    const again = await diffJson(AA2, changed);
    expect(again.diff.variants[0]?.topology.nodes.changed).toEqual([
      {
        id: 'use1-a',
        kind: 'zone',
        fields: [{ path: 'mtbfHours', before: 8760, after: 4380, explicit: [false, true] }],
      },
    ]);
  });

  it('a change that breaks a scenario’s RTO exits 1 with --fail-on regression and 0 without', async () => {
    const head = copyOf(AA2, 'slow-dns.nines.json', (doc) => {
      nodeOf(doc, 'dns').dnsTtlSeconds = 600;
    });
    const plain = await runCli('diff', AA2, head);
    expect(plain.code).toBe(0);
    const failing = await runCli('diff', AA2, head, '--fail-on', 'regression');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toBe(plain.stdout);
    const { diff } = await diffJson(AA2, head);
    const rto = diff.variants[0]?.regressions.filter((r) => r.rule === 'scenario-rto');
    expect(rto?.map((r) => r.subject)).toEqual(['region-outage']);
    const region = diff.variants[0]?.scenarios.find((s) => s.id === 'region-outage');
    expect([region?.before?.meetsRto, region?.after?.meetsRto]).toEqual([true, false]);
    // No regression: --fail-on regression passes; any change fails --fail-on any.
    const fewer = copyOf(AA2, 'notes.nines.json', (doc) => {
      nodeOf(doc, 'app-use1').notes = 'changed notes';
    });
    expect((await runCli('diff', AA2, fewer, '--fail-on', 'regression')).code).toBe(0);
    expect((await runCli('diff', AA2, fewer, '--fail-on', 'any')).code).toBe(1);
  });

  it('judges regressions against the head’s targets and says the targets changed', async () => {
    const head = copyOf(AA2, 'tight-rto.nines.json', (doc) => {
      (doc.targets as Json).rtoSeconds = 60;
    });
    const { diff } = await diffJson(AA2, head);
    expect(diff.document.targetsChanged).toBe(true);
    expect(diff.document.fields).toEqual([
      { path: 'targets.rtoSeconds', before: 300, after: 60, explicit: [true, true] },
    ]);
    // The design is the same: judged under the head's 60 s target, the base missed it too.
    expect(diff.variants[0]?.regressions.filter((r) => r.rule === 'scenario-rto')).toEqual([]);
    expect((await runCli('diff', AA2, head)).stdout).toContain('targets changed');
  });

  it('the JSON validates against the checked-in schema, numbers as numbers', async () => {
    const head = copyOf(HA_OPTIONS, 'many.nines.json', (doc) => {
      const variants = doc.variants as (Json & { id: string; nodes: Node[] })[];
      variants.splice(1, 1); // pilot-light removed
      variants.push({ ...(variants[0] as Json), id: 'copy', name: 'A copy' } as never);
      nodeOf(doc, 'app-use1', 2).instances = 7;
      (doc.scenarios as Json[])[4]!.name = 'Corruption';
    });
    for (const [a, b] of [
      [HA_OPTIONS, HA_OPTIONS],
      [HA_OPTIONS, head],
      [head, HA_OPTIONS],
    ] as const) {
      const { diff } = await diffJson(a, b);
      expect(validate(diff), JSON.stringify(validate.errors)).toBe(true);
    }
    const { diff } = await diffJson(HA_OPTIONS, head);
    expect(diff.variants.map((v) => [v.id, v.status])).toEqual([
      ['single-3az', 'unchanged'],
      ['warm-standby', 'unchanged'],
      ['aa2', 'changed'],
      ['aa3', 'unchanged'],
      ['copy', 'added'],
      ['pilot-light', 'removed'],
    ]);
    expect(diff.document.scenarios.changed).toEqual([
      {
        id: 'corruption',
        fields: [
          {
            path: 'name',
            before: 'Logical corruption of the us-east-1 data',
            after: 'Corruption',
            explicit: [true, true],
          },
        ],
      },
    ]);
    expect(typeof diff.variants[2]?.figures.monthlyCostUsd.delta).toBe('number');
    // A one-sided variant lists its nodes as removed, not its own fields as changes.
    const removed = diff.variants[5]!.topology;
    expect(removed.fields).toEqual([]);
    expect(removed.nodes.removed.length).toBeGreaterThan(0);
    // The schema is strict: a string where a number belongs is refused.
    const broken = structuredClone(diff) as unknown as {
      variants: { figures: { nines: { before: unknown } } }[];
    };
    broken.variants[0]!.figures.nines.before = '4.9';
    expect(validate(broken)).toBe(false);
  });

  it('the Markdown starts with the marker and its tables carry the JSON’s numbers', async () => {
    const head = copyOf(AA2, 'md.nines.json', (doc) => {
      nodeOf(doc, 'app-use1').instances = 9;
      nodeOf(doc, 'dns').dnsTtlSeconds = 600;
    });
    const markdown = (await runCli('diff', AA2, head, '--markdown')).stdout;
    const { diff } = await diffJson(AA2, head);
    expect(markdown.split('\n')[0]).toBe(`<!-- nines-diff: ${head} -->`);
    const f = diff.variants[0]!.figures;
    const row = markdown.split('\n').find((l) => l.startsWith('| `aa2`'));
    const cells = (row ?? '').split(' | ').map((c) => c.replaceAll('*', ''));
    const numbers = (cell: string | undefined): number[] =>
      [
        ...(cell ?? '')
          .replaceAll('\u2212', '-')
          .replaceAll(/[,$]/g, '')
          .matchAll(/-?\d+(\.\d+)?/g),
      ].map((m) => Number(m[0]));
    const round = (x: number | null, decimals: number) => Number((x ?? NaN).toFixed(decimals));
    expect(numbers(cells[2])).toEqual([
      round(f.availability.requestWeighted.before! * 100, 4),
      round(f.availability.requestWeighted.after! * 100, 4),
    ]);
    expect(numbers(cells[3])).toEqual([
      round(f.downtimeMinutesPerYear.before, 1),
      round(f.downtimeMinutesPerYear.after, 1),
      round(f.downtimeMinutesPerYear.delta, 1),
    ]);
    expect(numbers(cells[4])).toEqual([round(f.nines.before, 2), round(f.nines.after, 2)]);
    expect(numbers(cells[5])).toEqual([
      round(f.monthlyCostUsd.before, 0),
      round(f.monthlyCostUsd.after, 0),
      round(f.monthlyCostUsd.delta, 0),
    ]);
    expect(numbers(cells[6])).toEqual([
      round(f.yearlyTotalUsd.before, 0),
      round(f.yearlyTotalUsd.after, 0),
    ]);
    // The region outage's RTO: 90 s → 10.5 min in the table, the JSON's seconds.
    const region = diff.variants[0]!.scenarios.find((s) => s.id === 'region-outage')!;
    const scenarioRow = markdown.split('\n').find((l) => l.includes('(`region-outage`)'));
    const rtoCell = (scenarioRow ?? '').split(' | ')[4]?.replaceAll('*', '') ?? '';
    const [beforeText, afterText] = rtoCell.split(' → ');
    const seconds = (text: string | undefined): number => {
      const [value, unit] = (text ?? '').trim().split('\u00a0');
      return Number(value) * ({ ms: 0.001, s: 1, min: 60, h: 3600, d: 86400 }[unit ?? ''] ?? NaN);
    };
    expect(seconds(beforeText)).toBeCloseTo(region.before!.rtoSeconds!, 0);
    expect(Math.abs(seconds(afterText) - region.after!.rtoSeconds!)).toBeLessThanOrEqual(3);
    expect(markdown).toContain('<details><summary>Topology changes');
    expect(markdown).toContain(`Prices: bundled price book ${diff.priceBookAsOf}`);
  });

  it('is deterministic: the same inputs give byte-identical output in every format', async () => {
    const head = copyOf(HA_OPTIONS, 'det.nines.json', (doc) => {
      nodeOf(doc, 'app-use1', 3).instances = 4;
    });
    for (const format of [[], ['--json'], ['--markdown']]) {
      const first = await runCli('diff', HA_OPTIONS, head, ...format);
      const second = await runCli('diff', HA_OPTIONS, head, ...format);
      expect(second.stdout).toBe(first.stdout);
      expect(first.stdout).not.toMatch(/\d{4}-\d\d-\d\dT/); // no timestamp
    }
  });

  it('pairs two different variants with --variant a:b and refuses an unknown one', async () => {
    const { diff } = await diffJson(HA_OPTIONS, HA_OPTIONS, '--variant', 'aa2:aa3');
    expect(diff.variants.map((v) => [v.baseId, v.id, v.status])).toEqual([
      ['aa2', 'aa3', 'changed'],
    ]);
    const unknown = await runCli('diff', HA_OPTIONS, HA_OPTIONS, '--variant', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('the base has no variant "nope"');
  });

  it('detects a renamed node with --renames and lists a remove and an add without it', async () => {
    const head = copyOf(AA2, 'renamed.nines.json', (doc) => {
      const variant = (
        doc.variants as {
          nodes: Node[];
          edges: Json[];
          layout: Json;
          commonCause?: { affects: string[] }[];
        }[]
      )[0]!;
      nodeOf(doc, 'app-euw1').id = 'api-euw1';
      for (const e of variant.edges) {
        if (e.from === 'app-euw1') e.from = 'api-euw1';
        if (e.to === 'app-euw1') e.to = 'api-euw1';
      }
      for (const cause of variant.commonCause ?? []) {
        cause.affects = cause.affects.map((id) => (id === 'app-euw1' ? 'api-euw1' : id));
      }
      variant.layout['api-euw1'] = variant.layout['app-euw1'];
      delete variant.layout['app-euw1'];
    });
    const plain = (await diffJson(AA2, head)).diff.variants[0]!.topology;
    expect(plain.nodes.added).toEqual([{ id: 'api-euw1', kind: 'service' }]);
    expect(plain.nodes.removed).toEqual([{ id: 'app-euw1', kind: 'service' }]);
    const renamed = (await diffJson(AA2, head, '--renames')).diff.variants[0]!.topology;
    expect(renamed.nodes.renamed).toEqual([
      { from: 'app-euw1', to: 'api-euw1', kind: 'service', fields: [] },
    ]);
    expect([
      renamed.nodes.added,
      renamed.nodes.removed,
      renamed.edges.added,
      renamed.edges.removed,
    ]).toEqual([[], [], [], []]);
    expect(renamed.layoutChanges).toBe(0);
  });

  it('refuses bad flags with exit 2 and lists the problems of both invalid sides', async () => {
    for (const argv of [
      [AA2, AA2, '--json', '--markdown'],
      [AA2, AA2, '--fail-on', 'sometimes'],
      [AA2, AA2, '--max-cost-increase', 'ten'],
      [AA2, AA2, '--variant', 'a:b:c'],
      [AA2],
      [AA2, 'git:no-path'],
    ]) {
      expect((await runCli('diff', ...argv)).code, argv.join(' ')).toBe(2);
    }
    const broken = join(dir, 'broken.nines.json');
    writeFileSync(broken, '{"format": "nines/1"}');
    const run = await runCli('diff', broken, join(dir, 'missing.nines.json'));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${broken}: name: is required`);
    expect(run.stderr).toContain('missing.nines.json: (file): cannot read: no such file');
  });

  it('claims a cost regression only beyond --max-cost-increase', async () => {
    const head = copyOf(AA2, 'bigger.nines.json', (doc) => {
      nodeOf(doc, 'app-use1').instances = 30;
    });
    const { diff } = await diffJson(AA2, head, '--max-cost-increase', '10%');
    const cost = diff.variants[0]!.figures.monthlyCostUsd;
    expect(cost.direction).toBe('increase');
    expect(cost.deltaPct!).toBeGreaterThan(10);
    expect(diff.variants[0]!.regressions.map((r) => r.rule)).toContain('cost');
    const loose = await diffJson(AA2, head, '--max-cost-increase', '50');
    expect(loose.diff.variants[0]!.regressions.map((r) => r.rule)).not.toContain('cost');
  });
});
