/**
 * Pins the test programme's link from each drill to its chaos experiment on the two-region
 * Active-Active template: the files are those `exportChaos` writes from its own evaluation (the
 * CLI's path), the actions are the ids inside them, the hypothesis is the figures of the
 * `hypothesis.json` written beside them, non-faults name the README's runbook entry, and the
 * target follows the regions' provider.
 */
import { describe, expect, it } from 'vitest';
import { exportChaos } from '../../chaos';
import { evaluate, type ScenarioResult } from '../../engine';
import type { NinesDocument } from '../../model/types';
import { plainText, type Block, type TableBlock } from '../document';
import { BUNDLED_PRICE_BOOK, bundledTemplate, planOf } from '../../testing/template-plan';

function table(blocks: readonly Block[], caption: string): TableBlock {
  const found = blocks.find((b): b is TableBlock => b.kind === 'table' && b.caption === caption);
  if (!found) throw new Error(`no table ${caption}`);
  return found;
}

const CAPTION = 'Drills as chaos experiments';

/** Plain text with the formatter's no-break spaces (`30 s`, `100 %`) as plain spaces. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The table's rows as plain text, by drill name. */
function rowsByDrill(doc: NinesDocument): Map<string, string[]> {
  const rows = table(planOf(doc).blocks, CAPTION).rows.map((r) =>
    r.map((c) => spaced(plainText(c))),
  );
  return new Map(rows.map((r) => [r[0] ?? '', r]));
}

/** What the CLI writes: its own evaluation of the file, then the export for `target`. */
function cliExport(doc: NinesDocument, target: 'fis' | 'azure' | 'chaos-mesh') {
  const report = evaluate(doc, undefined, { priceBook: BUNDLED_PRICE_BOOK });
  const out = exportChaos(doc, report, {
    target,
    scenarioIds: [],
    stopAlarms: [],
    subscriptions: [],
  });
  return new Map(out.files.map((f) => [f.path, f.text]));
}

describe('the test programme links each drill to its chaos experiment', () => {
  const doc = bundledTemplate('active-active-2-regions.nines.json');
  const rows = rowsByDrill(doc);
  const files = cliExport(doc, 'fis');
  const hypothesis = (path: string) => JSON.parse(files.get(path) ?? 'null') as ScenarioResult;

  it('names the FIS files export-chaos writes, the actions inside them, and their hypothesis', () => {
    const zone = rows.get('Zone outage (us-east-1a)') ?? [];
    expect(zone[1]).toBe('AWS Fault Injection Service: aa2/zone-outage/fis-use1.json');
    const template = JSON.parse(files.get('aa2/zone-outage/fis-use1.json') ?? '{}') as {
      actions: Record<string, { actionId: string }>;
    };
    expect(zone[2]).toBe(
      Object.values(template.actions)
        .map((a) => a.actionId)
        .join(', '),
    );
    expect(zone[2]).toBe(
      'aws:ec2:stop-instances, aws:ec2:asg-insufficient-instance-capacity-error, aws:elasticache:replicationgroup-interrupt-az-power, aws:network:disrupt-connectivity',
    );
    // The hypothesis.json beside it says full service, RTO 30 s (the Redis promotion), RPO 1 ms.
    const h = hypothesis('aa2/zone-outage/hypothesis.json');
    expect([h.status, h.servedShare, h.rtoSeconds, h.rpoSeconds]).toEqual(['full', 1, 30, 0.001]);
    expect(zone[3]).toBe(
      'full service, 100 % served; RTO 30 s; RPO 1 ms (aa2/zone-outage/hypothesis.json)',
    );
  });

  it('a partition names both sides’ templates, counts repeated actions and says what FIS does not cut', () => {
    const split = rows.get('Split-brain between us-east-1 and eu-west-1') ?? [];
    expect(split[1]).toBe(
      'AWS Fault Injection Service: aa2/split-brain/fis-use1-to-euw1.json, aa2/split-brain/fis-euw1-to-use1.json',
    );
    for (const path of [
      'aa2/split-brain/fis-use1-to-euw1.json',
      'aa2/split-brain/fis-euw1-to-use1.json',
    ])
      expect(files.has(path), path).toBe(true);
    // Three zones a side: a route-table action per zone's subnets, a transit gateway action per side.
    expect(split[2]).toMatch(
      /^aws:network:route-table-disrupt-cross-region-connectivity × 6, aws:network:transit-gateway-disrupt-cross-region-connectivity × 2\. Note: replication from redis-use1 to redis-euw1 is not interrupted/,
    );
    const h = hypothesis('aa2/split-brain/hypothesis.json');
    expect(h.rpoSeconds).toBe(3600);
    expect(split[3]).toBe(
      'full service, 100 % served; RTO 0 s; RPO 60 min (aa2/split-brain/hypothesis.json)',
    );
  });

  it('a drill that is not a fault names the README’s runbook entry that replaces it', () => {
    const readme = files.get('README.md') ?? '';
    for (const [name, folder] of [
      ['Shift all us-east-1 traffic to eu-west-1', 'aa2/traffic-shift'],
      ['Logical corruption of the us-east-1 data', 'aa2/corruption'],
    ] as const) {
      const row = rows.get(name) ?? [];
      const entry = `${name} (${folder}/)`;
      expect(row[1]).toContain(
        `the runbook entry “${entry}” of the export’s README.md replaces it`,
      );
      expect(readme).toContain(`### ${entry}\n`);
      expect(row[2]).toBe('—');
      expect(files.has(`${folder}/hypothesis.json`)).toBe(true);
    }
    expect(rows.get('Logical corruption of the us-east-1 data')?.[3]).toBe(
      'service down, 0 % served; RTO 49.5 min; RPO 90 min (aa2/corruption/hypothesis.json)',
    );
  });

  it('one row per applying scenario; the results log says check-run fills it', () => {
    const built = planOf(doc);
    const applying = evaluate(doc, undefined, { priceBook: BUNDLED_PRICE_BOOK })
      .variants[0]?.scenarios.filter((s) => s.applies)
      .map((s) => s.name);
    expect([...rows.keys()]).toEqual(applying);
    const text = built.blocks
      .filter((b) => b.kind === 'paragraph')
      .map((b) => plainText(b.runs))
      .join('\n');
    expect(text).toContain('nines export-chaos MODEL --target fis --variant aa2');
    expect(text).toContain(
      'nines check-run MODEL --results RESULTS.json fills the measured columns',
    );
  });
});

describe('the experiments’ target follows the regions’ provider', () => {
  function withProviders(providers: readonly (string | undefined)[]): NinesDocument {
    const doc = bundledTemplate('active-active-2-regions.nines.json');
    let i = 0;
    return {
      ...doc,
      variants: doc.variants.map((v) => ({
        ...v,
        nodes: v.nodes.map((n) => {
          if (n.kind !== 'region') return n;
          const provider = providers[i++];
          const { provider: _drop, ...rest } = n;
          return provider === undefined ? rest : { ...rest, provider };
        }),
      })),
    } as NinesDocument;
  }

  it('Azure regions: Chaos Studio; AWS and GCP, or no provider: Chaos Mesh', () => {
    const zone = (doc: NinesDocument) => rowsByDrill(doc).get('Zone outage (us-east-1a)')?.[1];
    // On Azure the template's zones are named, not numbered: Chaos Studio cannot filter them.
    expect(zone(withProviders(['azure', 'azure']))).toContain(
      'No experiment (zone use1-a needs its Azure zone number',
    );
    expect(
      rowsByDrill(withProviders(['azure', 'azure'])).get('Region outage (us-east-1)')?.[1],
    ).toBe('Azure Chaos Studio: aa2/region-outage/azure-use1.json');
    expect(zone(withProviders(['aws', 'gcp']))).toBe('Chaos Mesh: aa2/zone-outage/chaos-mesh.yaml');
    expect(zone(withProviders([undefined, undefined]))).toBe(
      'Chaos Mesh: aa2/zone-outage/chaos-mesh.yaml',
    );
    const files = cliExport(withProviders(['aws', 'gcp']), 'chaos-mesh');
    expect(files.has('aa2/zone-outage/chaos-mesh.yaml')).toBe(true);
  });
});
