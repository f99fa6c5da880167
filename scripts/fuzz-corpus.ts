/**
 * A seeded generator of hostile inputs for the CLI (issue 18): project and price files that are
 * oversized, nested deep, give keys twice, hold control characters, NUL bytes, bad dates and
 * prices, are not regular files at all, and command lines with huge option values. Each case
 * says which file it makes and which commands it is run with; scripts/fuzz-cli.ts runs them.
 *
 * The engine-budget cases (huge instance counts, a thousand regions, hundreds of single points
 * of failure) are generated apart ({@link budgetCases}): valid files whose cost the engine
 * bounds; the runner checks each finishes or is refused naming its limit.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  largeTiers,
  manyRegions,
  routerLayers,
  sharedDependencies,
} from '../shared/testing/budget-models';
import { generatedModel } from '../shared/testing/generated-model';
import { seededRandom } from '../shared/testing/seeded-random';

/** One hostile input: a file (or a path that is not a file) and the commands to run on it. */
export interface FuzzCase {
  readonly name: string;
  /** What the case attacks, for the report. */
  readonly family: string;
  /** The project file: its content, or a special path. */
  readonly project: Content;
  /** A price file passed to `compare --prices` (the project is then a valid template). */
  readonly prices?: { readonly extension: 'csv' | 'json'; readonly content: Content };
  /** Extra options, per command (`simulate: ['--years', '…']`). */
  readonly options?: Readonly<Record<string, readonly string[]>>;
  /** Commands to run; all of {@link COMMANDS} when absent. */
  readonly commands?: readonly string[];
}

/** A file's content, or a path that is not a regular file. */
export type Content =
  | { readonly text: string }
  | { readonly bytes: Uint8Array }
  | { readonly special: 'fifo' | 'folder' | 'dev-zero' };

/** Every command that reads a project file, with the options that make it write nothing. */
export const COMMANDS = [
  'validate',
  'evaluate',
  'simulate',
  'export-mef',
  'compare',
  'advise',
  'plan',
] as const;

const TEMPLATES = new URL('../assets/templates/', import.meta.url);

/** The text of a bundled template. */
export function templateText(stem: string): string {
  return readFileSync(new URL(`${stem}.nines.json`, TEMPLATES), 'utf8');
}

/** Characters a terminal obeys, for names: ESC sequences, BEL, CR, C1 CSI, bidi, NUL, LS. */
const HOSTILE_TEXT = [
  '\u001b]0;pwned\u0007',
  '\u001b[2J\u001b[H',
  '\rOK   ',
  '\u009b31m',
  '\u202Egpj.exe',
  '\u2066\u2069',
  '\u0000',
  '\u2028',
  '\u007f',
  '\ufffe',
  '\ud800',
];

type Json = Record<string, unknown>;

/**
 * The hostile corpus for `seed`. `full` adds the large files (50 MB and more, 2 million
 * brackets, 100,000-service chains) that the unit suite leaves to `npm run fuzz`.
 */
export function hostileCorpus(seed: number, full: boolean): FuzzCase[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const base = (): Json => JSON.parse(templateText('single-region-3az')) as Json;
  const nodesOf = (doc: Json) => (doc.variants as Json[])[0]!.nodes as Json[];
  const cases: FuzzCase[] = [];
  const add = (c: FuzzCase) => cases.push(c);

  // Names that a terminal or an XML parser would obey.
  for (let i = 0; i < (full ? 6 : 2); i += 1) {
    const doc = base();
    const text = () => `n${pick(HOSTILE_TEXT)}${pick(HOSTILE_TEXT)}`;
    doc.name = text();
    (doc.variants as Json[])[0]!.name = text();
    for (const node of nodesOf(doc)) node.name = text();
    for (const scenario of (doc.scenarios as Json[] | undefined) ?? []) scenario.name = text();
    add({ name: `control-names-${i}`, family: 'control characters', project: json(doc) });
  }

  // Duplicate keys, at the top, in a node, in a record.
  const text = templateText('single-region-3az');
  add({
    name: 'duplicate-top-key',
    family: 'duplicate keys',
    project: { text: text.replace('"name":', '"name": "first", "name":') },
  });
  add({
    name: 'duplicate-node-key',
    family: 'duplicate keys',
    project: {
      text: text.replace(
        '"kind": "service"',
        '"kind": "service", "instances": 1000000, "instances": 3',
      ),
    },
  });
  for (let i = 0; i < (full ? 6 : 1); i += 1) {
    // A random object of the file gets one of its keys again.
    const keys = [...text.matchAll(/"([A-Za-z]+)": /g)];
    const match = pick(keys);
    const at = (match.index ?? 0) + match[0].length;
    const value = pick(['1', '"x"', 'null', '1e308', '[]']);
    add({
      name: `duplicate-random-${i}`,
      family: 'duplicate keys',
      project: { text: `${text.slice(0, at)}${value}, "${match[1]}": ${text.slice(at)}` },
    });
  }

  // Nesting.
  const depth = full ? 2_000_000 : 100_000;
  add({ name: 'deep-brackets', family: 'deep nesting', project: { text: '['.repeat(depth) } });
  add({
    name: 'deep-objects-closed',
    family: 'deep nesting',
    project: {
      text: `{"format": "nines/1", "name": ${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}}`,
    },
  });

  // NUL bytes and encodings.
  add({
    name: 'nul-byte',
    family: 'NUL and encodings',
    project: { text: text.replace('"name"', '"na\u0000me"') },
  });
  add({
    name: 'nul-escaped',
    family: 'NUL and encodings',
    project: { text: text.replace('"name": "', '"name": "\\u0000') },
  });
  add({
    name: 'utf16',
    family: 'NUL and encodings',
    project: {
      bytes: new Uint8Array([0xff, 0xfe, ...[...'{"a":1}'].flatMap((c) => [c.charCodeAt(0), 0])]),
    },
  });
  add({
    name: 'random-bytes',
    family: 'NUL and encodings',
    project: {
      bytes: Uint8Array.from({ length: full ? 65_536 : 4096 }, () => Math.floor(next() * 256)),
    },
  });

  // Not regular files.
  for (const special of ['fifo', 'folder', 'dev-zero'] as const) {
    add({ name: `not-a-file-${special}`, family: 'not a regular file', project: { special } });
    add({
      name: `prices-not-a-file-${special}`,
      family: 'not a regular file',
      project: { text },
      prices: { extension: 'csv', content: { special } },
      commands: ['compare'],
    });
  }

  // Oversize.
  if (full) {
    const big = 50 * 1024 * 1024 + 1;
    add({
      name: 'oversize-project',
      family: 'oversize',
      project: { text: `{"format": "nines/1", "name": "${'x'.repeat(big)}"}` },
      commands: ['validate', 'evaluate'],
    });
    add({
      name: 'oversize-prices',
      family: 'oversize',
      project: { text },
      prices: {
        extension: 'csv',
        content: {
          text: `key,usd,unit,source\n${'a:b:c:d,1,hour,s\n'.repeat(Math.ceil(big / 17))}`,
        },
      },
      commands: ['compare'],
    });
  }
  add({
    name: 'many-problems',
    family: 'oversize',
    project: {
      text: JSON.stringify({
        format: 'nines/1',
        name: 'x',
        variants: [
          {
            id: 'v',
            name: 'v',
            entry: 'a',
            edges: [],
            nodes: Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, kind: 'lambda' })),
          },
        ],
      }),
    },
    commands: ['validate', 'evaluate'],
  });

  // Long dependency chains.
  for (const n of full ? [5000, 100_000] : [5000]) {
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, kind: 'service' }));
    const edges = nodes
      .slice(1)
      .map((node, i) => ({ from: `s${i}`, to: node.id, kind: 'depends' }));
    add({
      name: `chain-${n}-cycle`,
      family: 'long chains',
      project: json({
        format: 'nines/1',
        name: 'chain',
        variants: [
          {
            id: 'v',
            name: 'v',
            entry: 's0',
            nodes,
            edges: [...edges, { from: `s${n - 1}`, to: 's0', kind: 'depends' }],
          },
        ],
      }),
      commands: ['validate', 'evaluate'],
    });
  }

  // Bad prices and dates in price files.
  const header = 'key,usd,unit,source,asOf';
  const row = (usd: string, asOf: string) =>
    `aws:us-east-1:compute:m7i.large,${usd},hour,list,${asOf}`;
  const priceCases: [string, 'csv' | 'json', string | Uint8Array][] = [
    ['price-1e308', 'csv', `${header}\n${row('1e308', '2026-01-01')}\n`],
    ['price-infinity', 'csv', `${header}\n${row('Infinity', '2026-01-01')}\n`],
    ['price-bad-date', 'csv', `${header}\n${row('0.1', '2025-13-45')}\n`],
    ['price-columns', 'csv', `${Array(200_000).fill('key').join(',')}\n`],
    ['price-nul', 'csv', `${header}\n${row('0.1', '2026-01-01')}\u0000\n`],
    [
      'price-many-bad-rows',
      'csv',
      `${header}\n${Array.from({ length: 20_000 }, (_, i) => `k${i},x,y,,z`).join('\n')}\n`,
    ],
    ['price-json-duplicate', 'json', `{"format": "nines-pricebook/1", "format": "x"}`],
    ['price-json-deep', 'json', `{"entries": ${'['.repeat(depth)}`],
    [
      'price-json-1e308',
      'json',
      JSON.stringify({
        format: 'nines-pricebook/1',
        asOf: '2026-01-01',
        currency: 'USD',
        hoursPerMonth: 730,
        sources: {},
        entries: { 'a:b:c:d': { usd: 1e308, unit: 'hour', source: 's', asOf: '2026-13-01' } },
      }),
    ],
    [
      'price-random-bytes',
      'csv',
      Uint8Array.from({ length: 4096 }, () => Math.floor(next() * 256)),
    ],
  ];
  for (const [name, extension, content] of priceCases) {
    add({
      name,
      family: 'bad prices and dates',
      project: { text },
      prices: {
        extension,
        content: typeof content === 'string' ? { text: content } : { bytes: content },
      },
      commands: ['compare'],
    });
  }

  // Huge and malformed option values.
  const optionCases: [string, string, string[]][] = [
    ['years-max-safe', 'simulate', ['--years', String(Number.MAX_SAFE_INTEGER)]],
    ['years-1e8', 'simulate', ['--years', '100000000']],
    ['years-exponent', 'simulate', ['--years', '1e3']],
    ['years-thousand-digits', 'simulate', ['--years', '9'.repeat(1000)]],
    ['seed-too-big', 'simulate', ['--seed', '9007199254740993']],
    ['plan-bad-date', 'plan', ['--date', '2025-13-45']],
    ['variant-control', 'evaluate', ['--variant', '\u001b]0;x\u0007']],
  ];
  for (const [name, command, options] of optionCases) {
    add({
      name,
      family: 'huge option values',
      project: { text },
      options: { [command]: options },
      commands: [command],
    });
  }

  // Random mutants of a template: a value replaced by an extreme one.
  for (let i = 0; i < (full ? 20 : 3); i += 1) {
    const values = [...text.matchAll(/: (-?\d+(\.\d+)?|"[^"]*"|true|false)/g)];
    const match = pick(values);
    const extreme = pick([
      '1e308',
      '-1',
      '0',
      '1e-400',
      '"\\u001b[2J"',
      '{}',
      '[[[[]]]]',
      '"' + 'x'.repeat(10_000) + '"',
      'null',
    ]);
    const at = (match.index ?? 0) + 2;
    add({
      name: `mutant-${i}`,
      family: 'template mutants',
      project: { text: `${text.slice(0, at)}${extreme}${text.slice(at + match[1]!.length)}` },
    });
  }
  return cases;
}

/**
 * Valid files inside the documented limits whose cost is the engine's to bound (shapes of the
 * hostile-input campaign, built by shared/testing/budget-models.ts): each must finish within the
 * stated bound (10 s, 1.5 GB on the 2-core machine) or be refused before work starts with a
 * message that names the limit. `expect` says which, for the runner's report and the unit
 * subset (scripts/fuzz-budget.test.ts).
 */
export function budgetCases(): BudgetCase[] {
  const doc = JSON.parse(templateText('single-region-3az')) as Json;
  const app = ((doc.variants as Json[])[0]!.nodes as Json[]).find((n) => n.kind === 'service')!;
  app.instances = 1000;
  app.minHealthy = 998;
  const rare = JSON.parse(templateText('single-region-3az')) as Json;
  const rareApp = ((rare.variants as Json[])[0]!.nodes as Json[]).find(
    (n) => n.kind === 'service',
  )!;
  // The documented minimum for both: a failure and a repair every 3.6 µs of simulated time.
  rareApp.mtbfHours = 1e-9;
  rareApp.mttrHours = 1e-9;
  delete rareApp.availability;
  const budget = (
    name: string,
    project: unknown,
    commands: readonly string[],
    expect: BudgetCase['expect'],
    options?: FuzzCase['options'],
  ): BudgetCase => ({
    name: `budget-${name}`,
    family: 'engine budget',
    project: json(project),
    commands,
    expect,
    ...(options ? { options } : {}),
  });
  return [
    budget('1000-of-998', doc, ['evaluate', 'advise'], 'finishes'),
    budget('two-tiers-1000-of-998', largeTiers(2, 1000, 998), ['evaluate', 'advise'], 'finishes'),
    budget('1000-zones-1000-of-500', largeTiers(1, 1000, 500, 1000), ['evaluate'], 'finishes'),
    budget('1000-regions', manyRegions(1000), ['evaluate', 'advise'], 'finishes'),
    budget('1000-regions-1000-scenarios', manyRegions(1000, 1000), ['evaluate'], '1,000,000'),
    budget('router-layers-10-of-20', routerLayers(10, 20, 10), ['evaluate'], '250,000'),
    budget(
      'shared-300-of-300',
      sharedDependencies(300, 150, 300),
      ['evaluate', 'advise'],
      'finishes',
    ),
    budget('shared-300-of-300-plan', sharedDependencies(300, 150, 300), ['plan'], '1,000 edges'),
    // Eight regions behind the DNS router: the capacity term's exact joint computation over seven
    // other targets took 26 s of CPU before it was bounded at four (availability/capacity.ts).
    budget('generated-8-regions', generatedModel(8), ['evaluate', 'advise', 'plan'], 'finishes'),
    budget('simulate-min-mtbf', rare, ['simulate'], '1,000,000', { simulate: ['--years', '1'] }),
  ];
}

/** A budget case: finishes (exit 0), or is refused up front naming the limit (the text given). */
export interface BudgetCase extends FuzzCase {
  readonly expect: 'finishes' | string;
}

function json(value: unknown): Content {
  return { text: JSON.stringify(value, null, 1) };
}

/** Writes `content` at `at` (a FIFO, a folder, or /dev/zero's path for the special ones). */
export async function materialise(content: Content, at: string): Promise<string> {
  if ('text' in content) {
    await writeFile(at, content.text);
    return at;
  }
  if ('bytes' in content) {
    await writeFile(at, content.bytes);
    return at;
  }
  switch (content.special) {
    case 'fifo':
      execFileSync('mkfifo', [at]);
      return at;
    case 'folder':
      await mkdir(at, { recursive: true });
      return at;
    case 'dev-zero':
      return '/dev/zero';
  }
}

/** The folder a case's files go in. */
export function caseFolder(root: string, c: FuzzCase): string {
  return path.join(root, c.name);
}
