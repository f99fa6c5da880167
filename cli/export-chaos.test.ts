/**
 * `nines export-chaos`: for every scenario of every bundled template and every target, the files
 * validate (FIS against a schema written from CreateExperimentTemplate, Azure against the
 * Microsoft.Chaos/experiments shape, Chaos Mesh / Litmus as YAML with their required keys), each
 * hypothesis.json equals the scenario's `evaluate --json` result, non-faults become runbook
 * entries with a warning, and flags are checked.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../shared/engine';
import { FIS_ACTION_IDS, ROLE_PLACEHOLDER } from '../shared/chaos';
import { runCli, template, type CliRun } from './testing';

const schema = (name: string): object =>
  JSON.parse(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateFis = ajv.compile(schema('fis-experiment-template.schema.json'));
const validateAzure = ajv.compile(schema('azure-chaos-experiment.schema.json'));

const TEMPLATES = readdirSync(new URL('../assets/templates/', import.meta.url))
  .filter((f) => f.endsWith('.nines.json'))
  .map((f) => basename(f, '.nines.json'));

const root = mkdtempSync(join(tmpdir(), 'nines-chaos-'));
let serial = 0;
const outDir = (): string => join(root, `out-${(serial += 1)}`);

interface FisTemplate {
  targets: Record<string, unknown>;
  actions: Record<
    string,
    { actionId: string; parameters: Record<string, string>; targets: Record<string, string> }
  >;
  stopConditions: { source: string; value?: string }[];
  roleArn: string;
}

/**
 * `nines export-chaos FILE --target TARGET --out DIR ARGS…` into a fresh folder: the run and the
 * folder it wrote.
 */
async function exportTo(
  file: string,
  target: string,
  ...args: string[]
): Promise<{ out: string; run: CliRun }> {
  const out = outDir();
  const run = await runCli('export-chaos', file, '--target', target, '--out', out, ...args);
  return { out, run };
}

/** Every file under `dir`, as paths relative to it. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

async function evaluateJson(file: string): Promise<EvaluationReport> {
  const run = await runCli('evaluate', file, '--json');
  return JSON.parse(run.stdout) as EvaluationReport;
}

/** Each hypothesis.json under `out` equals its scenario's `evaluate --json` result. */
function expectHypotheses(out: string, report: EvaluationReport): number {
  let checked = 0;
  for (const path of listFiles(out).filter((p) => p.endsWith('hypothesis.json'))) {
    const [variantId, scenarioId] = path.split('/');
    const expected = report.variants
      .find((v) => v.id === variantId)
      ?.scenarios.find((s) => s.id === scenarioId);
    expect(expected, path).toBeDefined();
    expect(JSON.parse(readFileSync(join(out, path), 'utf8')), path).toEqual(expected);
    checked += 1;
  }
  return checked;
}

/** The same template on Azure: provider azure, Azure region names, zones numbered 1, 2, 3. */
function azureCopy(stem: string): string {
  const doc = JSON.parse(readFileSync(template(stem), 'utf8')) as {
    variants: {
      nodes: { kind: string; provider?: string; location?: string; parent?: string; id: string }[];
    }[];
  };
  const regions: Record<string, string> = {
    'us-east-1': 'eastus',
    'eu-west-1': 'westeurope',
    'us-west-2': 'westus2',
  };
  for (const v of doc.variants) {
    for (const n of v.nodes) {
      if (n.kind === 'region') {
        n.provider = 'azure';
        n.location = regions[n.location ?? ''] ?? n.location;
      }
      if (n.kind === 'zone' && n.location)
        n.location = String('abc'.indexOf(n.location.slice(-1)) + 1);
    }
  }
  const file = join(root, `${stem}-azure.nines.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe('nines export-chaos --target fis, every template', () => {
  for (const stem of TEMPLATES) {
    it(`${stem}: templates validate, actions target declared targets, hypotheses equal evaluate --json`, async () => {
      const { out, run } = await exportTo(template(stem), 'fis');
      expect(run.code, run.stderr).toBe(0);
      const report = await evaluateJson(template(stem));
      const files = listFiles(out).filter((p) => /\/fis-.*\.json$/.test(p));
      expect(files.length).toBeGreaterThan(0);
      for (const path of files) {
        const body = JSON.parse(readFileSync(join(out, path), 'utf8')) as FisTemplate;
        expect(validateFis(body), `${path}: ${JSON.stringify(validateFis.errors)}`).toBe(true);
        for (const action of Object.values(body.actions)) {
          expect(FIS_ACTION_IDS).toContain(action.actionId);
          for (const name of Object.values(action.targets))
            expect(Object.keys(body.targets)).toContain(name);
        }
        // Every declared target is used by some action.
        const used = new Set(Object.values(body.actions).flatMap((a) => Object.values(a.targets)));
        expect(new Set(Object.keys(body.targets))).toEqual(used);
        expect(body.roleArn).toBe(ROLE_PLACEHOLDER);
        expect(body.stopConditions).toEqual([{ source: 'none' }]);
      }
      // Every scenario of every variant has its hypothesis (experiments and runbook entries).
      const applying = report.variants.flatMap((v) => v.scenarios.filter((s) => s.applies));
      expect(expectHypotheses(out, report)).toBe(applying.length);
      expect(run.stderr).toContain('no --stop-alarm');
    });
  }
});

describe('nines export-chaos --target azure', () => {
  for (const stem of TEMPLATES) {
    it(`${stem} on Azure: experiments validate against the Microsoft.Chaos/experiments shape`, async () => {
      const file = azureCopy(stem);
      const { out, run } = await exportTo(
        file,
        'azure',
        '--subscription',
        '00000000-0000-0000-0000-000000000000',
      );
      expect(run.code, run.stderr).toBe(0);
      const files = listFiles(out).filter((p) => /\/azure-.*\.json$/.test(p));
      expect(files.length).toBeGreaterThan(0);
      for (const path of files) {
        const body = JSON.parse(readFileSync(join(out, path), 'utf8')) as {
          properties: {
            selectors: { id: string }[];
            steps: { branches: { actions: { selectorId?: string }[] }[] }[];
          };
        };
        expect(validateAzure(body), `${path}: ${JSON.stringify(validateAzure.errors)}`).toBe(true);
        const ids = body.properties.selectors.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const action of body.properties.steps.flatMap((s) =>
          s.branches.flatMap((b) => b.actions),
        )) {
          expect(ids).toContain(action.selectorId);
        }
      }
      expectHypotheses(out, await evaluateJson(file));
    });
  }

  it('refuses AWS regions: every scenario of an AWS template is left out with a warning, exit 0', async () => {
    const { out, run } = await exportTo(template('single-region-3az'), 'azure');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'scenario zone-outage on variant single-3az: not exported: --target azure reaches azure only, and it fails use1 (aws)',
    );
    expect(listFiles(out).filter((p) => p.includes('azure-'))).toEqual([]);
  });
});

describe('nines export-chaos --target chaos-mesh | litmus, every template', () => {
  for (const stem of TEMPLATES) {
    it(`${stem}: YAML parses with the required keys`, async () => {
      for (const target of ['chaos-mesh', 'litmus'] as const) {
        const { out, run } = await exportTo(template(stem), target);
        expect(run.code, run.stderr).toBe(0);
        const files = listFiles(out).filter((p) => p.endsWith('.yaml'));
        expect(files.length).toBeGreaterThan(0);
        for (const path of files) {
          const docs = parseAllDocuments(readFileSync(join(out, path), 'utf8'));
          expect(docs.length).toBeGreaterThan(0);
          for (const d of docs) {
            expect(d.errors, path).toEqual([]);
            const o = d.toJS() as {
              apiVersion: string;
              kind: string;
              metadata: { name: string };
              spec: Record<string, unknown>;
            };
            expect(o.metadata.name).toMatch(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
            if (target === 'chaos-mesh') {
              expect(o.apiVersion).toBe('chaos-mesh.org/v1alpha1');
              expect(['PodChaos', 'NetworkChaos']).toContain(o.kind);
              expect(o.spec).toHaveProperty('action');
              expect(o.spec).toHaveProperty('mode');
              expect(o.spec).toHaveProperty('selector');
              expect(o.spec.duration).toMatch(/^(\d+h)?(\d+m)?$/);
              if (o.kind === 'NetworkChaos') expect(o.spec).toHaveProperty('target.selector');
            } else {
              expect(o.apiVersion).toBe('litmuschaos.io/v1alpha1');
              expect(o.kind).toBe('ChaosEngine');
              expect(o.spec).toHaveProperty('appinfo.applabel');
              expect(o.spec.engineState).toBe('active');
              const experiments = o.spec.experiments as { name: string }[];
              expect(['pod-delete', 'pod-network-partition']).toContain(experiments[0]?.name);
            }
          }
        }
        expectHypotheses(out, await evaluateJson(template(stem)));
      }
    });
  }
});

describe('nines export-chaos: the worked example (active-active, two regions) on FIS', () => {
  it('zone outage: stop, pause launches, disrupt the zone subnets, ElastiCache AZ power; all in us-east-1a', async () => {
    const { out, run } = await exportTo(
      template('active-active-2-regions'),
      'fis',
      '--scenario',
      'zone-outage',
      '--stop-alarm',
      'arn:aws:cloudwatch:us-east-1:111122223333:alarm:api-5xx-high',
      '--role-arn',
      'arn:aws:iam::111122223333:role/nines-fis',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('stop-alarm');
    const body = JSON.parse(
      readFileSync(join(out, 'aa2/zone-outage/fis-use1.json'), 'utf8'),
    ) as FisTemplate;
    expect(
      Object.values(body.actions)
        .map((a) => a.actionId)
        .sort(),
    ).toEqual([
      'aws:ec2:asg-insufficient-instance-capacity-error',
      'aws:ec2:stop-instances',
      'aws:elasticache:replicationgroup-interrupt-az-power',
      'aws:network:disrupt-connectivity',
    ]);
    expect(body.roleArn).toBe('arn:aws:iam::111122223333:role/nines-fis');
    expect(body.stopConditions).toEqual([
      {
        source: 'aws:cloudwatch:alarm',
        value: 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:api-5xx-high',
      },
    ]);
    expect(JSON.stringify(body.targets)).not.toMatch(/euw1|eu-west-1|us-east-1[bc]/);
    expect(body.actions['Disrupt-Subnets-use1-a']?.parameters).toEqual({
      scope: 'all',
      duration: 'PT30M',
    });
    // Only the chosen scenario is written.
    expect(listFiles(out).sort()).toEqual([
      'README.md',
      'aa2/zone-outage/fis-use1.json',
      'aa2/zone-outage/hypothesis.json',
    ]);
  });

  it('split-brain: two templates, one per side, each blocking the other region; replication not paused is said', async () => {
    const { out, run } = await exportTo(
      template('active-active-2-regions'),
      'fis',
      '--scenario',
      'split-brain',
    );
    expect(run.code).toBe(0);
    const side = (name: string) =>
      JSON.parse(readFileSync(join(out, `aa2/split-brain/${name}`), 'utf8')) as FisTemplate;
    const regions = (t: FisTemplate) =>
      new Set(Object.values(t.actions).map((a) => a.parameters.region));
    expect(regions(side('fis-use1-to-euw1.json'))).toEqual(new Set(['eu-west-1']));
    expect(regions(side('fis-euw1-to-use1.json'))).toEqual(new Set(['us-east-1']));
    // The link's MTTR (1 h in the template) is the duration.
    expect(Object.values(side('fis-use1-to-euw1.json').actions)[0]?.parameters.duration).toBe(
      'PT1H',
    );
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(
      'replication from redis-use1 to redis-euw1 is not interrupted',
    );
  });

  it('traffic shift and corruption: runbook entries with a warning each, no experiment file', async () => {
    const { out, run } = await exportTo(
      template('active-active-2-regions'),
      'fis',
      '--scenario',
      'traffic-shift',
      '--scenario',
      'corruption',
    );
    expect(run.code).toBe(0);
    expect(run.stderr.match(/not an experiment/g)).toHaveLength(2);
    expect(listFiles(out).sort()).toEqual([
      'README.md',
      'aa2/corruption/hypothesis.json',
      'aa2/traffic-shift/hypothesis.json',
    ]);
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).toContain('traffic dial of use1 (us-east-1)');
    expect(readme).toContain('Restore drill for redis-use1');
  });

  it('a MTTR longer than 12 h is cut to PT12H with a warning', async () => {
    const doc = JSON.parse(readFileSync(template('single-region-3az'), 'utf8')) as {
      variants: { nodes: { id: string; mttrHours?: number }[] }[];
    };
    const zone = doc.variants[0]?.nodes.find((n) => n.id === 'use1-a');
    if (zone) zone.mttrHours = 30;
    const file = join(root, 'long-mttr.nines.json');
    writeFileSync(file, JSON.stringify(doc));
    const { out, run } = await exportTo(file, 'fis', '--scenario', 'zone-outage');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('longer than 12 h');
    const body = JSON.parse(
      readFileSync(join(out, 'single-3az/zone-outage/fis-use1.json'), 'utf8'),
    ) as FisTemplate;
    expect(
      new Set(
        Object.values(body.actions).map(
          (a) => a.parameters.duration ?? a.parameters.startInstancesAfterDuration,
        ),
      ),
    ).toEqual(new Set(['PT12H']));
  });
});

describe('nines export-chaos: components, instances and quotas on FIS', () => {
  type Doc = {
    scenarios: { id: string; name: string; fail?: string[] }[];
    variants: { nodes: Record<string, unknown>[]; edges: unknown[] }[];
  };
  const load = (): Doc => JSON.parse(readFileSync(template('single-region-3az'), 'utf8')) as Doc;

  it('a component stops every tagged instance, an instance one, a router is left out with a warning', async () => {
    const doc = load();
    doc.scenarios = [
      { id: 'app-down', name: 'App down', fail: ['app-use1'] },
      { id: 'one-app', name: 'One app instance', fail: ['app-use1#1'] },
      { id: 'lb-down', name: 'Load balancer down', fail: ['lb-use1'] },
    ];
    const file = join(root, 'components.nines.json');
    writeFileSync(file, JSON.stringify(doc));
    const { out, run } = await exportTo(file, 'fis');
    expect(run.code, run.stderr).toBe(0);
    const read = (scenario: string) =>
      JSON.parse(
        readFileSync(join(out, `single-3az/${scenario}/fis-use1.json`), 'utf8'),
      ) as FisTemplate & {
        targets: Record<string, { selectionMode: string; resourceTags: Record<string, string> }>;
      };
    for (const [scenario, mode] of [
      ['app-down', 'ALL'],
      ['one-app', 'COUNT(1)'],
    ] as const) {
      const body = read(scenario);
      expect(validateFis(body), JSON.stringify(validateFis.errors)).toBe(true);
      expect(Object.values(body.actions).map((a) => a.actionId)).toEqual([
        'aws:ec2:stop-instances',
      ]);
      expect(Object.values(body.targets)).toMatchObject([
        { selectionMode: mode, resourceTags: { 'nines:node': 'app-use1' } },
      ]);
    }
    expect(run.stderr).toContain(
      'scenario lb-down on variant single-3az: not exported: FIS has no action that fails a router (lb-use1)',
    );
    expect(existsSync(join(out, 'single-3az/lb-down'))).toBe(false);
  });

  it('more than 20 actions in one Region are split into parts, each with only its own targets', async () => {
    const doc = load();
    const nodes = doc.variants[0]?.nodes ?? [];
    for (let i = 0; i < 10; i += 1) nodes.push({ id: `svc-${i}`, kind: 'service', parent: 'use1' });
    doc.scenarios = doc.scenarios.filter((s) => s.id === 'zone-outage');
    const file = join(root, 'many.nines.json');
    writeFileSync(file, JSON.stringify(doc));
    const { out, run } = await exportTo(file, 'fis');
    expect(run.code, run.stderr).toBe(0);
    const parts = listFiles(out)
      .filter((p) => p.includes('fis-use1-part-'))
      .sort();
    expect(parts).toEqual([
      'single-3az/zone-outage/fis-use1-part-1.json',
      'single-3az/zone-outage/fis-use1-part-2.json',
    ]);
    let actions = 0;
    for (const path of parts) {
      const body = JSON.parse(readFileSync(join(out, path), 'utf8')) as FisTemplate;
      expect(validateFis(body)).toBe(true);
      expect(Object.keys(body.actions).length).toBeLessThanOrEqual(20);
      const used = new Set(Object.values(body.actions).flatMap((a) => Object.values(a.targets)));
      expect(new Set(Object.keys(body.targets))).toEqual(used);
      actions += Object.keys(body.actions).length;
    }
    // 11 services × (stop + pause launches) + the cache's AZ power + the zone's subnets.
    expect(actions).toBe(24);
  });
});

describe('nines export-chaos: flags and bad input', () => {
  it('exit 2 without --target, with an unknown target or scenario, or --role-arn off FIS', async () => {
    const file = template('single-region-3az');
    expect((await runCli('export-chaos', file)).code).toBe(2);
    expect((await runCli('export-chaos', file, '--target', 'gremlin')).stderr).toContain(
      '--target must be one of fis, azure, chaos-mesh, litmus',
    );
    const unknown = await runCli('export-chaos', file, '--target', 'fis', '--scenario', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no scenario "nope"');
    expect((await runCli('export-chaos', file, '--target', 'litmus', '--role-arn', 'x')).code).toBe(
      2,
    );
    expect((await runCli('export-chaos', file, '--target', 'fis', '--bogus')).code).toBe(2);
  });

  it('exit 1 for an invalid file or an unknown variant, and nothing written', async () => {
    const bad = join(root, 'bad.nines.json');
    writeFileSync(bad, '{"format":"nines/1"}');
    const out = outDir();
    expect((await runCli('export-chaos', bad, '--target', 'fis', '--out', out)).code).toBe(1);
    expect(
      (
        await runCli(
          'export-chaos',
          template('single-region-3az'),
          '--target',
          'fis',
          '--variant',
          'nope',
          '--out',
          out,
        )
      ).code,
    ).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('nines export-chaos --target-by state: ARNs from the Terraform state', () => {
  const FIXTURE = new URL(
    '../shared/import/terraform/__fixtures__/two-region-state.json',
    import.meta.url,
  ).pathname;
  type State = {
    values: {
      root_module: {
        resources: {
          address: string;
          type: string;
          name: string;
          values: Record<string, unknown>;
        }[];
      };
    };
  };
  const ACCOUNT = '111122223333';
  const REGION: Record<string, string> = { use1: 'us-east-1', euw1: 'eu-west-1' };

  /**
   * The importer's fixture with the `arn` attributes a real state holds, a transit gateway per
   * Region, and `extraSubnets` more subnets in us-east-1a.
   */
  function withArns(extraSubnets = 0): string {
    const state = JSON.parse(readFileSync(FIXTURE, 'utf8')) as State;
    const resources = state.values.root_module.resources;
    for (let i = 0; i < extraSubnets; i += 1)
      resources.push({
        address: `aws_subnet.extra[${i}]`,
        type: 'aws_subnet',
        name: 'use1_a',
        values: { id: `subnet-x${i}`, availability_zone: 'us-east-1a' },
      });
    for (const r of resources) {
      const region = REGION[r.name.replace(/^app_/, '').replace(/_[ab]$/, '')] ?? '';
      if (r.type === 'aws_subnet')
        r.values.arn = `arn:aws:ec2:${region}:${ACCOUNT}:subnet/${String(r.values.id)}`;
      if (r.type === 'aws_autoscaling_group')
        r.values.arn = `arn:aws:autoscaling:${region}:${ACCOUNT}:autoScalingGroup:0:autoScalingGroupName/${r.name}`;
      if (r.type === 'aws_elasticache_replication_group')
        r.values.arn = `arn:aws:elasticache:${region}:${ACCOUNT}:replicationgroup:${r.name}`;
    }
    for (const [name, region] of Object.entries(REGION))
      resources.push({
        address: `aws_ec2_transit_gateway.${name}`,
        type: 'aws_ec2_transit_gateway',
        name,
        values: {
          id: `tgw-${name}`,
          arn: `arn:aws:ec2:${region}:${ACCOUNT}:transit-gateway/tgw-${name}`,
        },
      });
    const file = join(
      root,
      extraSubnets > 0 ? `state-${extraSubnets}-more.json` : 'state-with-arns.json',
    );
    writeFileSync(file, JSON.stringify(state));
    return file;
  }

  /** The design `nines import terraform` makes of `state`, with the standard drills. */
  async function imported(state: string): Promise<string> {
    const design = join(root, `${basename(state, '.json')}.nines.json`);
    const run = await runCli('import', 'terraform', state, '-o', design, '--with-scenarios');
    expect(run.code, run.stderr).toBe(0);
    return design;
  }

  type Targets = Record<
    string,
    { resourceType: string; resourceArns?: string[]; resourceTags?: Record<string, string> }
  >;
  const targetsOf = (out: string, path: string) =>
    (JSON.parse(readFileSync(join(out, path), 'utf8')) as { targets: Targets }).targets;
  const arnsBy = (targets: Targets, resourceType: string) =>
    Object.values(targets)
      .filter((t) => t.resourceType === resourceType)
      .map((t) => t.resourceArns ?? t.resourceTags);

  it('a zone outage names the ASG, the replication group and the zone’s subnets by ARN; the ASG’s instances by tag', async () => {
    const state = withArns();
    const design = await imported(state);
    const { out, run } = await exportTo(design, 'fis', '--target-by', 'state', '--state', state);
    expect(run.code, run.stderr).toBe(0);
    const path = listFiles(out).find((p) => p.endsWith('/zone-outage-use1-a/fis-use1.json')) ?? '';
    const targets = targetsOf(out, path);
    const body = JSON.parse(readFileSync(join(out, path), 'utf8')) as object;
    expect(validateFis(body), JSON.stringify(validateFis.errors)).toBe(true);
    expect(arnsBy(targets, 'aws:ec2:autoscaling-group')).toEqual([
      [`arn:aws:autoscaling:us-east-1:${ACCOUNT}:autoScalingGroup:0:autoScalingGroupName/app_use1`],
    ]);
    expect(arnsBy(targets, 'aws:elasticache:replicationgroup')).toEqual([
      [`arn:aws:elasticache:us-east-1:${ACCOUNT}:replicationgroup:use1`],
    ]);
    // Only the subnet in us-east-1a, not us-east-1b's nor eu-west-1's.
    expect(arnsBy(targets, 'aws:ec2:subnet')).toEqual([
      [`arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-0a11`],
    ]);
    // The instances of an Auto Scaling group are not in the state: selected by tag, and said.
    expect(arnsBy(targets, 'aws:ec2:instance')).toEqual([{ 'nines:node': 'asg-app-use1' }]);
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).toContain('name the resources of `state-with-arns.json` by ARN');
    expect(readme).toContain(
      'state-with-arns.json has no ARN for the aws:ec2:instance target of asg-app-use1: it selects by the tag nines:node=asg-app-use1',
    );
  });

  it('a partition names each side’s transit gateway and subnets by ARN', async () => {
    const state = withArns();
    const design = await imported(state);
    const { out, run } = await exportTo(design, 'fis', '--target-by', 'state', '--state', state);
    expect(run.code, run.stderr).toBe(0);
    const side = listFiles(out).find((p) => /partition-euw1-use1\/fis-use1-to-euw1\.json$/.test(p));
    expect(side).toBeDefined();
    const targets = targetsOf(out, side ?? '');
    expect(arnsBy(targets, 'aws:ec2:transit-gateway')).toEqual([
      [`arn:aws:ec2:us-east-1:${ACCOUNT}:transit-gateway/tgw-use1`],
    ]);
    expect(arnsBy(targets, 'aws:ec2:subnet').sort()).toEqual([
      [`arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-0a11`],
      [`arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-0b11`],
    ]);
  });

  it('more subnets than a network action’s quota are split over actions and templates, each within the quota', async () => {
    const state = withArns(6);
    const design = await imported(withArns());
    const { out, run } = await exportTo(design, 'fis', '--target-by', 'state', '--state', state);
    expect(run.code, run.stderr).toBe(0);
    const inZone = [
      `arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-0a11`,
      ...[0, 1, 2, 3, 4, 5].map((i) => `arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-x${i}`),
    ];
    /** The ARNs each part's actions of `actionId` target, part by part. */
    const perPart = (pattern: RegExp, actionId: string) =>
      listFiles(out)
        .filter((p) => pattern.test(p))
        .sort()
        .map((path) => {
          const body = JSON.parse(readFileSync(join(out, path), 'utf8')) as FisTemplate & {
            targets: Targets;
          };
          expect(validateFis(body), JSON.stringify(validateFis.errors)).toBe(true);
          return Object.values(body.actions)
            .filter((a) => a.actionId === actionId)
            .flatMap((a) => Object.values(a.targets))
            .flatMap((t) => body.targets[t]?.resourceArns ?? []);
        });
    // Zone outage: 7 subnets in us-east-1a, at most 5 per template (L-1F59732D).
    const zone = perPart(
      /zone-outage-use1-a\/fis-use1-part-\d\.json$/,
      'aws:network:disrupt-connectivity',
    );
    expect(zone.map((arns) => arns.length)).toEqual([5, 2]);
    expect(zone.flat().sort()).toEqual([...inZone].sort());
    // Partition, side us-east-1: 8 subnets, at most 6 per template (L-100E963F).
    const side = perPart(
      /partition-euw1-use1\/fis-use1-to-euw1-part-\d\.json$/,
      'aws:network:route-table-disrupt-cross-region-connectivity',
    );
    expect(side.map((arns) => arns.length)).toEqual([6, 2]);
    expect(side.flat().sort()).toEqual(
      [...inZone, `arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-0b11`].sort(),
    );
  });

  it('Azure: the importer’s Azure fixture names its scale sets by resource id; Redis Enterprise keeps its tag', async () => {
    const state = new URL(
      '../shared/import/terraform/__fixtures__/azure-traffic-manager-state.json',
      import.meta.url,
    ).pathname;
    const design = await imported(state);
    const { out, run } = await exportTo(
      design,
      'azure',
      '--target-by',
      'state',
      '--state',
      state,
      '--subscription',
      '00000000-0000-0000-0000-000000000000',
    );
    expect(run.code, run.stderr).toBe(0);
    const path =
      listFiles(out).find((p) => p.endsWith('/zone-outage-westeurope-z1/azure-westeurope.json')) ??
      '';
    const body = JSON.parse(readFileSync(join(out, path), 'utf8')) as {
      properties: { selectors: { type: string; targets?: { id: string }[]; filter?: unknown }[] };
    };
    expect(validateAzure(body), JSON.stringify(validateAzure.errors)).toBe(true);
    // The importer names the zone westeurope-1: Chaos Studio's filter takes its number.
    expect(body.properties.selectors).toEqual([
      {
        type: 'List',
        id: 'vmss-westeurope-z1-ids',
        targets: [
          {
            type: 'ChaosTarget',
            id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/shop/providers/Microsoft.Compute/virtualMachineScaleSets/shop-weu/providers/Microsoft.Chaos/targets/Microsoft-VirtualMachineScaleSet',
          },
        ],
        filter: { type: 'Simple', parameters: { zones: ['1'] } },
      },
    ]);
    const region =
      listFiles(out).find((p) => p.endsWith('/region-outage-westeurope/azure-westeurope.json')) ??
      '';
    const regionBody = JSON.parse(readFileSync(join(out, region), 'utf8')) as {
      properties: { selectors: { type: string; queryString?: string }[] };
    };
    expect(validateAzure(regionBody), JSON.stringify(validateAzure.errors)).toBe(true);
    expect(regionBody.properties.selectors.map((s) => s.type)).toEqual(['List', 'Query']);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(
      'azure-traffic-manager-state.json has no azurerm_redis_cache for redis-weu: it is selected by the tag nines:node=redis-weu',
    );
  });

  it('the importer’s fixture as it is (no arn attributes): every target keeps its tag, and says why', async () => {
    const design = await imported(FIXTURE);
    const { out, run } = await exportTo(design, 'fis', '--target-by', 'state', '--state', FIXTURE);
    expect(run.code, run.stderr).toBe(0);
    for (const path of listFiles(out).filter((p) => /\/fis-.*\.json$/.test(p))) {
      const targets = Object.values(targetsOf(out, path));
      expect(
        targets.every((t) => t.resourceArns === undefined && t.resourceTags),
        path,
      ).toBe(true);
    }
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(
      'two-region-state.json has no ARN for the aws:ec2:autoscaling-group target of asg-app-use1',
    );
  });

  it('bad flags exit 2; a plan or an unreadable state exits 1 with one line', async () => {
    const design = await imported(FIXTURE);
    for (const args of [
      ['--target', 'fis', '--target-by', 'state'],
      ['--target', 'fis', '--state', FIXTURE],
      ['--target', 'fis', '--target-by', 'arns'],
      ['--target', 'litmus', '--target-by', 'state', '--state', FIXTURE],
      ['--target', 'chaos-mesh', '--target-by', 'state', '--state', FIXTURE],
    ]) {
      expect((await runCli('export-chaos', design, ...args)).code, args.join(' ')).toBe(2);
    }
    const plan = new URL(
      '../shared/import/terraform/__fixtures__/two-region-plan.json',
      import.meta.url,
    ).pathname;
    const fromPlan = await exportTo(design, 'fis', '--target-by', 'state', '--state', plan);
    expect(fromPlan.run.code).toBe(1);
    expect(fromPlan.run.stderr).toContain('a plan, not a state');
    const missing = await exportTo(
      design,
      'fis',
      '--target-by',
      'state',
      '--state',
      join(root, 'nope.json'),
    );
    expect(missing.run.code).toBe(1);
    expect(missing.run.stderr).toContain('nope.json: cannot read');
    expect(existsSync(fromPlan.out) || existsSync(missing.out)).toBe(false);
  });
});
