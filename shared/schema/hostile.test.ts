/**
 * Hostile project files, one test per class of issue 9: each is refused with a message that
 * names the place, nothing throws, nothing is half-loaded and no prototype is touched.
 * cli/hostile.test.ts runs the same classes through `nines validate`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatProblem, MAX_DEPTH, MAX_FILE_CHARS, parseDocumentText } from './parse';

/** A small valid file: one region with a zone, a two-instance service and a datastore. */
function minimal() {
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
          { id: 'db', kind: 'datastore', parent: 'r1-a', mtbfHours: 8760, mttrHours: 1 },
        ],
        edges: [{ from: 'app', to: 'db', kind: 'depends' }],
      },
    ],
  };
}

const MINIMAL_TEXT = JSON.stringify(minimal(), null, 2);

/** The problems of `text` as `path: message` lines; [] when it is valid. */
function problemsOfText(text: string): string[] {
  const result = parseDocumentText(text);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** The problems of the minimal file with `edit` applied to its JSON value. */
function problemsWith(edit: (doc: ReturnType<typeof minimal>) => void): string[] {
  const doc = minimal();
  edit(doc);
  return problemsOfText(JSON.stringify(doc));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('hostile project files', () => {
  it('the minimal file is valid (so each refusal below is due to its one change)', () => {
    expect(problemsOfText(MINIMAL_TEXT)).toEqual([]);
  });

  it('truncated JSON: the line and column where it stops', () => {
    // Cut inside the third node's id (`"id": "a`), line 20 of the pretty-printed file.
    const cut = MINIMAL_TEXT.indexOf('"id": "app"') + 8;
    expect(problemsOfText(MINIMAL_TEXT.slice(0, cut))).toEqual([
      '(document): not valid JSON: unexpected end of string at line 20, column 17',
    ]);
    expect(problemsOfText('')).toEqual([
      '(document): not valid JSON: value expected at line 1, column 1',
    ]);
  });

  it('not an object: an array, a string, a number, null', () => {
    for (const text of ['[1, 2]', '"nines/1"', '42', 'null']) {
      expect(problemsOfText(text)).toEqual([
        '(document): must be a JSON object with "format": "nines/1"',
      ]);
    }
  });

  it('wrong types name the field', () => {
    expect(
      problemsWith((doc) => {
        Object.assign(doc.variants[0]!.nodes[2]!, { instances: '2' });
        Object.assign(doc.variants[0]!, { edges: {} });
        Object.assign(doc, { name: 7 });
      }),
    ).toEqual([
      'name: must be a string',
      'variants[0].nodes[2].instances: must be a positive integer',
      'variants[0].edges: must be an array',
    ]);
  });

  it('NaN and Infinity are not JSON; 1e400 reads as Infinity and is refused', () => {
    const nan = MINIMAL_TEXT.replace('"instances": 2', '"instances": NaN');
    expect(problemsOfText(nan)).toEqual([
      '(document): not valid JSON: invalid symbol at line 23, column 24',
    ]);
    const infinity = MINIMAL_TEXT.replace('"mtbfHours": 8760', '"mtbfHours": Infinity');
    expect(problemsOfText(infinity)[0]).toMatch(
      /^\(document\): not valid JSON: invalid symbol at line 29, column 24$/,
    );
    const overflow = MINIMAL_TEXT.replace('"mtbfHours": 8760', '"mtbfHours": 1e400');
    expect(problemsOfText(overflow)).toEqual([
      'variants[0].nodes[3].mtbfHours: must be a positive number',
    ]);
  });

  it('negative numbers', () => {
    expect(
      problemsWith((doc) => {
        Object.assign(doc.variants[0]!.nodes[2]!, { instances: -3 });
        Object.assign(doc.variants[0]!.nodes[3]!, { mttrHours: -1 });
      }),
    ).toEqual([
      'variants[0].nodes[2].instances: must be a positive integer',
      'variants[0].nodes[3].mttrHours: must be a positive number',
    ]);
  });

  it('huge and tiny numbers: counts and quantities are capped so that the engine cannot overflow', () => {
    expect(
      problemsWith((doc) => {
        Object.assign(doc.variants[0]!.nodes[2]!, { instances: 1e9, hourlyUsd: 1e300 });
        Object.assign(doc.variants[0]!.nodes[3]!, { mtbfHours: 1e308, mttrHours: 5e-324 });
      }),
    ).toEqual([
      'variants[0].nodes[2].hourlyUsd: must be at most 1000000000000',
      'variants[0].nodes[2].instances: must be at most 1000',
      'variants[0].nodes[3].mtbfHours: must be at most 1000000000000',
      'variants[0].nodes[3].mttrHours: must be at least 1e-9',
    ]);
    expect(
      problemsWith((doc) => {
        Object.assign(doc.variants[0]!.nodes[3]!, { mtbfHours: 1e12, mttrHours: 1e-9 });
      }),
    ).toEqual([]);
  });

  it('duplicate ids', () => {
    expect(
      problemsWith((doc) => {
        doc.variants[0]!.nodes.push({ id: 'db', kind: 'queue' } as never);
      }),
    ).toEqual([
      'variants[0].nodes[4].id: duplicate node id "db" (first used at variants[0].nodes[3].id)',
    ]);
  });

  it('dangling references', () => {
    expect(
      problemsWith((doc) => {
        doc.variants[0]!.entry = 'ghost';
        doc.variants[0]!.edges.push({ from: 'app', to: 'cache', kind: 'depends' });
        Object.assign(doc.variants[0]!.nodes[2]!, { parent: 'r9' });
      }),
    ).toEqual([
      'variants[0].nodes[2].parent: names no node of this variant ("r9")',
      'variants[0].edges[1].to: names no node of this variant ("cache")',
      'variants[0].entry: names no node of this variant ("ghost")',
    ]);
  });

  it('dependency cycles', () => {
    expect(
      problemsWith((doc) => {
        doc.variants[0]!.nodes.push({ id: 'q', kind: 'queue', parent: 'r1' } as never);
        doc.variants[0]!.edges.push({ from: 'db', to: 'q', kind: 'depends' });
        doc.variants[0]!.edges.push({ from: 'q', to: 'app', kind: 'depends' });
      }),
    ).toEqual(['variants[0].edges[0]: dependency cycle: app → db → q → app']);
  });

  it('a future format version asks for a newer Nines, an unknown one is refused', () => {
    const future = problemsWith((doc) => {
      doc.format = 'nines/2';
    });
    expect(future).toHaveLength(1);
    expect(future[0]).toMatch(/^format: .*newer than this version of Nines.*update Nines/);
    expect(
      problemsWith((doc) => {
        doc.format = 'mxGraphModel';
      }),
    ).toEqual(['format: unknown format "mxGraphModel" (expected "nines/1")']);
  });

  it('unknown kinds list the known ones', () => {
    expect(
      problemsWith((doc) => {
        doc.variants[0]!.nodes[3]!.kind = 'mainframe';
        doc.variants[0]!.edges[0]!.kind = 'calls';
      }),
    ).toEqual([
      'variants[0].nodes[3].kind: unknown kind "mainframe" (expected one of region, zone, router, service, datastore, queue, objectStore, backup, external)',
      'variants[0].edges[0].kind: must be "depends" or "replicates" or "backs-up"',
    ]);
  });

  it('__proto__ and constructor keys are unknown fields, wherever they are, and pollute nothing', () => {
    const text = MINIMAL_TEXT.replace(
      '"name": "Minimal",',
      `"name": "Minimal",
      "__proto__": { "polluted": "top" },
      "constructor": { "prototype": { "polluted": "ctor" } },
      "workload": { "trafficShare": { "__proto__": { "polluted": "record" } } },
      "catalog": { "prices": { "__proto__": 1 }, "discounts": { "constructor": 0.5 } },`,
    ).replace('"kind": "region"', '"kind": "region", "__proto__": { "isAdmin": true }');
    expect(problemsOfText(text)).toEqual([
      '__proto__: unknown field',
      'workload.trafficShare.__proto__: unknown field',
      'catalog.prices.__proto__: unknown field',
      'variants[0].nodes[0].__proto__: unknown field',
    ]);
    const ctor = MINIMAL_TEXT.replace(
      '"name": "Minimal",',
      '"name": "Minimal", "constructor": { "prototype": { "polluted": "ctor" } },',
    ).replace('"kind": "region"', '"kind": "region", "constructor": "Object"');
    expect(problemsOfText(ctor)).toEqual([
      'variants[0].nodes[0].constructor: unknown field',
      'constructor: unknown field',
    ]);
    // In a map keyed by the user (price-book keys), "constructor" is only a key like any other.
    const prices = parseDocumentText(
      MINIMAL_TEXT.replace(
        '"name": "Minimal",',
        '"name": "Minimal", "catalog": { "prices": { "constructor": 2 } },',
      ),
    );
    expect(prices.ok && Object.entries(prices.document.catalog?.prices ?? {})).toEqual([
      ['constructor', 2],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('a 100 MB file is refused by its size before any JSON parsing', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const huge = `{"format": "nines/1", "name": "${'x'.repeat(100 * 1024 * 1024)}"}`;
    expect(problemsOfText(huge)).toEqual([
      `(document): file is too large (${huge.length} characters; at most ${MAX_FILE_CHARS})`,
    ]);
    expect(parse).not.toHaveBeenCalled();
  });

  it('a UTF-8 byte order mark is accepted', () => {
    expect(problemsOfText(`\uFEFF${MINIMAL_TEXT}`)).toEqual([]);
  });

  it('UTF-16 read as UTF-8 (with or without its byte order mark) says so', () => {
    const bytes = (text: string) =>
      new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    const decode = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);
    const message = '(document): UTF-16 is not supported: save the file as UTF-8';
    expect(problemsOfText(decode(bytes(`\uFEFF${MINIMAL_TEXT}`)))).toEqual([message]);
    expect(problemsOfText(decode(bytes(MINIMAL_TEXT)))).toEqual([message]);
  });

  it('very deep nesting, well-formed or truncated, is refused without overflowing the stack', () => {
    const depth = 2_000_000;
    expect(problemsOfText(`${'['.repeat(depth)}${']'.repeat(depth)}`)).toEqual([
      `(document): nested more than ${MAX_DEPTH} levels deep at line 1, column ${MAX_DEPTH + 1}`,
    ]);
    const nested = `{"format": "nines/1", "name": "Deep", "description": ${'['.repeat(200)}1${']'.repeat(200)}}`;
    expect(problemsOfText(nested)).toEqual([
      `(document): nested more than ${MAX_DEPTH} levels deep at line 1, column ${54 + MAX_DEPTH - 1}`,
    ]);
    expect(problemsOfText('['.repeat(depth))).toEqual([
      `(document): nested more than ${MAX_DEPTH} levels deep at line 1, column ${MAX_DEPTH + 1}`,
    ]);
    expect(problemsOfText(`{"a": "[[[[", "b": ${'{"c": '.repeat(depth)}`)).toEqual([
      `(document): nested more than ${MAX_DEPTH} levels deep at line 1, column ${20 + 6 * (MAX_DEPTH - 1)}`,
    ]);
  });
});
