/**
 * Cross-check against an independent fault-tree engine on models too large to enumerate:
 * the MEF export of every template variant and of generated models goes through SCRAM
 * (Debian package `scram`: `scram tree.xml --bdd --probability 1 --importance 1 -l 2`), and
 * SCRAM's exact BDD probability of the top event, its minimal cut sets of order ≤ 2 and its
 * Birnbaum (MIF) and criticality (CIF = our Fussell–Vesely) importance must match the engine's.
 * SCRAM prints 6 significant digits, so figures are compared with a relative tolerance of
 * 6e-6 (half a unit in the sixth digit, and a little room). Without `scram` on PATH this test
 * fails: CI installs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NinesDocument } from '../../model/types';
import { parseDocumentText } from '../../schema/parse';
import { singleVariant, workedExample } from '../../testing/builders';
import { evaluate, exportMef } from '../index';
import { generatedModel } from '../../testing/generated-model';

const TOLERANCE = 6e-6;
const TEMPLATES = new URL('../../../assets/templates/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'nines-scram-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function templateCases(): [string, NinesDocument, string][] {
  return readdirSync(TEMPLATES)
    .filter((f) => f.endsWith('.nines.json'))
    .sort()
    .flatMap((file) => {
      const parsed = parseDocumentText(readFileSync(join(TEMPLATES, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file} is invalid: ${JSON.stringify(parsed.problems)}`);
      return parsed.document.variants.map((v): [string, NinesDocument, string] => [
        `${file} ${v.id}`,
        parsed.document,
        v.id,
      ]);
    });
}

/**
 * `generatedModel(regions)` with common causes: a global deploy over every region, a control
 * plane over the first region's API tier and the DNS router, and a beta factor of 0.05 on every
 * web tier.
 */
function withCommonCauses(regions: number): NinesDocument {
  const doc = generatedModel(regions);
  const variant = doc.variants[0] as NinesDocument['variants'][number];
  variant.nodes = variant.nodes.map((n) =>
    n.kind === 'service' && n.id.startsWith('web-') ? { ...n, betaFactor: 0.05 } : n,
  );
  variant.commonCause = [
    {
      id: 'deploy',
      name: 'Global deploy',
      mtbfHours: 2190,
      mttrHours: 1,
      affects: Array.from({ length: regions }, (_, i) => `r${i}`),
    },
    {
      id: 'control',
      name: 'Control plane',
      mtbfHours: 8760,
      mttrHours: 3,
      affects: ['api-r0', 'dns'],
    },
  ];
  return doc;
}

/**
 * Two DNS providers in parallel under a resolver-side choice (itself 99.9999 %), each over the
 * two regions of the worked example: routers behind a router.
 */
function parallelRouters(): NinesDocument {
  const doc = workedExample();
  const variant = doc.variants[0] as NinesDocument['variants'][number];
  const dnsB = { id: 'dns-b', kind: 'router' as const, availability: 0.9995, dnsTtlSeconds: 60 };
  variant.nodes.push({ id: 'resolver', kind: 'router', availability: 0.999999 }, dnsB);
  variant.edges.push(
    { from: 'resolver', to: 'dns', kind: 'depends' },
    { from: 'resolver', to: 'dns-b', kind: 'depends' },
    { from: 'dns-b', to: 'app-r1', kind: 'depends' },
    { from: 'dns-b', to: 'app-r2', kind: 'depends' },
  );
  variant.entry = 'resolver';
  return doc;
}

/**
 * The worked example with a self-managed load-balancer pair in each region (two instances over
 * the region's two zones, one needed) between the DNS router and the region's service.
 */
function routerPairs(): NinesDocument {
  const doc = workedExample();
  const variant = doc.variants[0] as NinesDocument['variants'][number];
  for (const r of ['r1', 'r2']) {
    variant.nodes.push(
      { id: `${r}-a`, kind: 'zone', parent: r, mtbfHours: 8760, mttrHours: 2 },
      { id: `${r}-b`, kind: 'zone', parent: r, mtbfHours: 8760, mttrHours: 2 },
      {
        id: `lb-${r}`,
        kind: 'router',
        parent: r,
        instances: 2,
        minHealthy: 1,
        mtbfHours: 2000,
        mttrHours: 1,
      },
    );
  }
  variant.edges = [
    { from: 'dns', to: 'lb-r1', kind: 'depends' },
    { from: 'dns', to: 'lb-r2', kind: 'depends' },
    { from: 'lb-r1', to: 'app-r1', kind: 'depends' },
    { from: 'lb-r2', to: 'app-r2', kind: 'depends' },
  ];
  return doc;
}

/**
 * `routerPairs` where both regions' services use one datastore in r1 with a 4 h maintenance
 * window twelve times a year (the whole node), and r1's service patches one instance at a time
 * (rolling, 2 h weekly).
 */
function routerPairsAndMaintenance(): NinesDocument {
  const doc = routerPairs();
  const variant = doc.variants[0] as NinesDocument['variants'][number];
  variant.nodes = variant.nodes.map((n) =>
    n.id === 'app-r1' && n.kind === 'service'
      ? { ...n, maintenance: { windowMinutes: 120, perYear: 52, rolling: true } }
      : n,
  );
  variant.nodes.push({
    id: 'db',
    kind: 'datastore',
    parent: 'r1',
    mtbfHours: 8760,
    mttrHours: 0.5,
    maintenance: { windowMinutes: 240, perYear: 12 },
  });
  variant.edges.push(
    { from: 'app-r1', to: 'db', kind: 'depends' },
    { from: 'app-r2', to: 'db', kind: 'depends' },
  );
  return doc;
}

const CASES: [string, NinesDocument, string][] = [
  ['regional load-balancer pairs spread over zones', routerPairs(), 'v'],
  ['load-balancer pairs and a maintained datastore', routerPairsAndMaintenance(), 'v'],
  ['two DNS providers in parallel', parallelRouters(), 'v'],
  ['generated 3 regions with common causes and beta factors', withCommonCauses(3), 'gen'],
  ['DESIGN.md worked example', workedExample(), 'v'],
  ['generated 3 regions', generatedModel(3), 'gen'],
  [
    'a lone component (the top is one event)',
    singleVariant('x', [{ id: 'x', kind: 'external', availability: 0.99 }]),
    'v',
  ],
  [
    'a router without targets (the top is a constant)',
    singleVariant('r', [{ id: 'r', kind: 'router', availability: 0.99 }]),
    'v',
  ],
  ['generated 12 regions', generatedModel(12), 'gen'],
  ...templateCases(),
];

interface ScramReport {
  probability: number;
  cutSets: string[][];
  importance: Map<string, { mif: number; cif: number }>;
}

function runScram(xml: string, name: string): ScramReport {
  const input = join(dir, `${name.replace(/[^A-Za-z0-9]+/g, '-')}.xml`);
  const output = `${input}.report.xml`;
  writeFileSync(input, xml);
  const run = spawnSync(
    'scram',
    [input, '--bdd', '--probability', '1', '--importance', '1', '-l', '2', '-o', output],
    { encoding: 'utf8' },
  );
  if (run.error)
    throw new Error(`scram could not run (install the Debian package scram): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`scram failed: ${run.stderr}`);
  const report = readFileSync(output, 'utf8');
  // MEF names back to the engine's event names, through the labels of the export.
  const labels = new Map<string, string>();
  for (const m of xml.matchAll(/<define-basic-event name="([^"]+)">\s*<label>([^<]*)<\/label>/g)) {
    labels.set(m[1] as string, (m[2] as string).replace(/&amp;/g, '&'));
  }
  const top = /<sum-of-products name="service-down"[^>]*probability="([^"]+)"/.exec(report);
  if (!top) throw new Error(`no top event in the SCRAM report:\n${report}`);
  // A service that is always down has one empty product; the engine lists no empty cut set.
  const cutSets = [...report.matchAll(/<product [^>]*[^/]>([\s\S]*?)<\/product>/g)]
    .map((m) =>
      [...(m[1] as string).matchAll(/<basic-event name="([^"]+)"\/>/g)]
        .map((e) => labels.get(e[1] as string) as string)
        .sort(),
    )
    .filter((c) => c.length > 0);
  const importance = new Map<string, { mif: number; cif: number }>();
  for (const m of report.matchAll(
    /<basic-event name="([^"]+)"[^>]* MIF="([^"]+)" CIF="([^"]+)"/g,
  )) {
    importance.set(labels.get(m[1] as string) as string, { mif: Number(m[2]), cif: Number(m[3]) });
  }
  return { probability: Number(top[1]), cutSets, importance };
}

function expectClose(actual: number, expected: number, what: string): void {
  const error = Math.abs(actual - expected);
  expect(error, `${what}: engine ${actual}, SCRAM ${expected}`).toBeLessThanOrEqual(
    TOLERANCE * Math.abs(expected) + 1e-300,
  );
}

describe('SCRAM cross-check', () => {
  it('has scram on PATH', () => {
    const run = spawnSync('scram', ['--version'], { encoding: 'utf8' });
    expect(run.error, 'scram is not installed: apt-get install scram').toBeUndefined();
    expect(run.stdout).toMatch(/SCRAM/);
  });

  it('covers every template', () => {
    expect(CASES.filter(([name]) => name.includes('.nines.json')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(CASES)('%s: same probability, cut sets and importance', (name, doc, variantId) => {
    const exported = exportMef(doc, variantId);
    if (exported.xml === undefined) throw new Error(JSON.stringify(exported.issues));
    const scram = runScram(exported.xml, name);
    const result = evaluate(doc, variantId, { maxCutSetOrder: 2, maxCutSets: Infinity })
      .variants[0];
    const availability = result?.availability;
    if (!result || !availability) throw new Error(JSON.stringify(result?.issues));

    expectClose(availability.unavailability.structural, scram.probability, 'unavailability');
    const ours = result.cutSets.map((c) => [...c.events].sort().join(' ')).sort();
    expect(ours).toEqual(scram.cutSets.map((c) => c.join(' ')).sort());
    expect(scram.importance.size).toBe(new Set(scram.cutSets.flat()).size);
    const byEvent = new Map(result.importance.map((i) => [i.event, i]));
    for (const [event, { mif, cif }] of scram.importance) {
      const mine = byEvent.get(event);
      expect(mine, event).toBeDefined();
      expectClose(mine?.birnbaum as number, mif, `Birnbaum of ${event}`);
      expectClose(mine?.fussellVesely as number, cif, `Fussell–Vesely of ${event}`);
    }
  });
});
