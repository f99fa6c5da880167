import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath, formatProblem, parseDocument, parseDocumentText } from './parse';
import { serializeDocument } from './serialize';

const templatesDir = new URL('../../assets/templates/', import.meta.url);
const templates = readdirSync(templatesDir).filter((f) => f.endsWith('.nines.json'));

function minimal(): Record<string, unknown> {
  return {
    format: 'nines/1',
    name: 'Minimal',
    variants: [
      {
        id: 'v1',
        name: 'One region',
        entry: 'app',
        nodes: [
          { id: 'r1', kind: 'region' },
          { id: 'r1-a', kind: 'zone', parent: 'r1' },
          { id: 'app', kind: 'service', parent: 'r1', instances: 2 },
          { id: 'db', kind: 'datastore', parent: 'r1-a' },
        ],
        edges: [{ from: 'app', to: 'db', kind: 'depends' }],
      },
    ],
  };
}

/** Problems of `doc` as `path: message` lines. */
function problemsOf(doc: unknown): string[] {
  const result = parseDocument(doc);
  return result.ok ? [] : result.problems.map(formatProblem);
}

function withVariant(
  mutate: (
    v: Record<string, unknown> & {
      nodes: Record<string, unknown>[];
      edges: Record<string, unknown>[];
    },
  ) => void,
) {
  const doc = minimal();
  mutate((doc.variants as never[])[0] as never);
  return doc;
}

describe('templates', () => {
  it('finds all six bundled templates', () => {
    expect(templates.sort()).toEqual([
      'active-active-2-regions.nines.json',
      'active-active-3-regions.nines.json',
      'ha-options.nines.json',
      'pilot-light-2-regions.nines.json',
      'single-region-3az.nines.json',
      'warm-standby-2-regions.nines.json',
    ]);
  });

  it.each(templates)('%s is valid and serializes back to the same bytes', (file) => {
    const text = readFileSync(new URL(file, templatesDir), 'utf8');
    const result = parseDocumentText(text);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (result.ok) expect(serializeDocument(result.document)).toBe(text);
  });
});

describe('parseDocumentText', () => {
  it('accepts a minimal document and ignores a UTF-8 BOM', () => {
    const result = parseDocumentText(`\uFEFF${JSON.stringify(minimal())}`);
    expect(result.ok).toBe(true);
  });

  it('reports broken JSON with its line and column', () => {
    const result = parseDocumentText('{\n  "format": "nines/1",\n  "name": }');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]?.message).toMatch(/not valid JSON: .* at line 3, column 11$/);
  });

  it('refuses a value that is not an object', () => {
    expect(problemsOf([1, 2])).toEqual([
      '(document): must be a JSON object with "format": "nines/1"',
    ]);
    expect(problemsOf(null)).toHaveLength(1);
  });

  it('refuses a missing, newer or unknown format without reading further', () => {
    expect(problemsOf({ name: 'x' })).toEqual(['format: missing "format" (expected "nines/1")']);
    expect(problemsOf({ ...minimal(), format: 'nines/2' })[0]).toMatch(
      /newer than this version of Nines.*update Nines/,
    );
    expect(problemsOf({ ...minimal(), format: 'drawio' })).toEqual([
      'format: unknown format "drawio" (expected "nines/1")',
    ]);
  });

  it('refuses nesting deeper than the limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i += 1) deep = [deep];
    expect(problemsOf({ ...minimal(), description: deep })[0]).toMatch(
      /nested more than 64 levels/,
    );
  });
});

describe('schema problems name their JSON path', () => {
  it('a negative instance count', () => {
    const doc = withVariant((v) => {
      v.nodes[2]!.instances = -3;
    });
    expect(problemsOf(doc)).toContain('variants[0].nodes[2].instances: must be a positive integer');
  });

  it('an unknown kind', () => {
    const doc = withVariant((v) => {
      v.nodes[3]!.kind = 'mainframe';
    });
    expect(problemsOf(doc)[0]).toMatch(
      /^variants\[0\]\.nodes\[3\]\.kind: unknown kind "mainframe" \(expected one of region, zone/,
    );
  });

  it('wrong types, out-of-range probabilities and unknown fields', () => {
    const doc = withVariant((v) => {
      v.nodes[2]!.availability = 1.5;
      v.nodes[2]!.instanceCount = 4;
      v.nodes[3]!.mtbfHours = 'long';
    });
    expect(problemsOf(doc)).toEqual([
      'variants[0].nodes[2].availability: must be a probability between 0 and 1',
      'variants[0].nodes[2].instanceCount: unknown field',
      'variants[0].nodes[3].mtbfHours: must be a positive number',
    ]);
  });

  it('a missing required field', () => {
    const doc = minimal();
    delete (doc.variants as Record<string, unknown>[])[0]!.entry;
    expect(problemsOf(doc)).toContain('variants[0].entry: is required');
  });

  it('non-finite numbers (JSON cannot carry them, but a caller can)', () => {
    const doc = withVariant((v) => {
      v.nodes[2]!.mttrHours = Number.POSITIVE_INFINITY;
    });
    expect(problemsOf(doc)).toEqual(['variants[0].nodes[2].mttrHours: must be a positive number']);
  });
});

describe('invariants', () => {
  it('a dangling edge, a cycle, an unknown kind and a negative count are all reported in one run', () => {
    const doc = withVariant((v) => {
      v.nodes[2]!.instances = -1;
      v.nodes.push({ id: 'mf', kind: 'mainframe' });
      v.edges.push({ from: 'app', to: 'ghost', kind: 'depends' });
      v.edges.push({ from: 'db', to: 'app', kind: 'depends' });
    });
    const problems = problemsOf(doc);
    expect(problems).toEqual([
      'variants[0].nodes[2].instances: must be a positive integer',
      expect.stringMatching(/^variants\[0\]\.nodes\[4\]\.kind: unknown kind "mainframe"/),
      'variants[0].edges[1].to: names no node of this variant ("ghost")',
      'variants[0].edges[0]: dependency cycle: app → db → app',
    ]);
  });

  it('duplicate ids, bad parents, k > n and a missing entry', () => {
    const doc = withVariant((v) => {
      v.entry = 'nowhere';
      v.nodes.push({ id: 'app', kind: 'queue' });
      v.nodes.push({ id: 'z2', kind: 'zone', parent: 'app' });
      v.nodes.push({ id: 'svc', kind: 'service', parent: 'nowhere', instances: 2, minHealthy: 3 });
      v.nodes.push({ id: 'r2', kind: 'region', parent: 'r1' });
    });
    expect(problemsOf(doc)).toEqual([
      'variants[0].nodes[4].id: duplicate node id "app" (first used at variants[0].nodes[2].id)',
      "variants[0].nodes[5].parent: a zone's parent must be a region, not a service",
      'variants[0].nodes[6].parent: names no node of this variant ("nowhere")',
      'variants[0].nodes[6].minHealthy: must be at most instances (3 > 2)',
      'variants[0].nodes[7].parent: a region cannot have a parent',
      'variants[0].entry: names no node of this variant ("nowhere")',
    ]);
  });

  it('a component inside a component, and availability given with MTBF', () => {
    const doc = withVariant((v) => {
      v.nodes.push({
        id: 'side',
        kind: 'service',
        parent: 'app',
        availability: 0.99,
        mtbfHours: 10,
      });
    });
    expect(problemsOf(doc)).toEqual([
      'variants[0].nodes[4]: give either availability or mtbfHours and mttrHours, not both',
      "variants[0].nodes[4].parent: a service's parent must be a zone or a region, not a service",
    ]);
  });

  it('MTBF without MTTR on a kind known only by its SLA', () => {
    const doc = withVariant((v) => {
      v.nodes.push({ id: 'x', kind: 'external', mtbfHours: 1000 });
    });
    expect(problemsOf(doc)).toEqual([
      'variants[0].nodes[4]: an external has no default repair figures: give both mtbfHours and mttrHours',
    ]);
  });

  it('edge kinds join the right kinds of node, once', () => {
    const doc = withVariant((v) => {
      v.edges.push({ from: 'app', to: 'db', kind: 'depends' });
      v.edges.push({ from: 'app', to: 'db', kind: 'replicates' });
      v.edges.push({ from: 'app', to: 'r1', kind: 'depends' });
      v.edges.push({ from: 'db', to: 'db', kind: 'backs-up' });
    });
    expect(problemsOf(doc)).toEqual([
      'variants[0].edges[1]: duplicate edge (first at variants[0].edges[0])',
      'variants[0].edges[2]: replicates edges join two datastores',
      'variants[0].edges[3].to: a region cannot take part in a depends edge',
      'variants[0].edges[4]: an edge cannot join a node to itself',
      'variants[0].edges[4]: backs-up edges go from a backup to a datastore',
    ]);
  });

  it('links, router targets, traffic shares and scenarios reference what exists', () => {
    const doc = withVariant((v) => {
      v.links = [{ a: 'r1', b: 'app' }];
      v.nodes.push({ id: 'lb', kind: 'router', minTargets: 2 });
      v.edges.push({ from: 'lb', to: 'app', kind: 'depends' });
      v.trafficShare = { r1: 0.5 };
    });
    doc.scenarios = [
      { id: 's', name: 'S', fail: ['app#2', 'ghost'], partition: [['r1', 'r1']], corrupt: ['app'] },
    ];
    expect(problemsOf(doc)).toEqual([
      "variants[0].nodes[4].minTargets: must be at most the router's 1 target(s)",
      'variants[0].links[0].b: must name a region, not a service',
      'variants[0].trafficShare: shares must add up to 1 (they add up to 0.5)',
      'scenarios[0].fail[0]: "app#2" is not an instance of "app" (instances are #0 to #1)',
      'scenarios[0].fail[1]: names no node of any variant ("ghost")',
      'scenarios[0].partition[0]: partitions a region from itself',
      'scenarios[0].corrupt[0]: must name a datastore ("app" is a service)',
    ]);
  });
});

describe('formatPath', () => {
  it('writes indexes in brackets and odd keys quoted', () => {
    expect(formatPath(['variants', 0, 'nodes', 3, 'instances'])).toBe(
      'variants[0].nodes[3].instances',
    );
    expect(formatPath(['layout', 'a b'])).toBe('layout["a b"]');
    expect(formatPath([])).toBe('(document)');
  });
});

describe('serializeDocument', () => {
  it('orders keys by the schema whatever order they were written in, with 2-space indent', () => {
    const result = parseDocument({
      variants: minimal().variants,
      name: 'Minimal',
      format: 'nines/1',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = serializeDocument(result.document);
    expect(
      text.startsWith('{\n  "format": "nines/1",\n  "name": "Minimal",\n  "variants": ['),
    ).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
