import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, template } from './testing';

const stems = readdirSync(new URL('../assets/templates/', import.meta.url))
  .filter((f) => f.endsWith('.nines.json'))
  .map((f) => f.replace('.nines.json', ''));

describe('nines validate', () => {
  it('exits 0 for every bundled template', async () => {
    const run = await runCli('validate', ...stems.map(template));
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(stems.length);
    expect(run.stderr).toBe('');
  });

  it('exits 1 and names each problem with its JSON path', async () => {
    const file = fixture('broken.nines.json');
    const run = await runCli('validate', file);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${file}: variants[0].nodes[1].instances: must be a positive integer`,
      `${file}: variants[0].nodes[3].kind: unknown kind "mainframe" (expected one of region, zone, router, service, datastore, queue, objectStore, backup, external)`,
      `${file}: variants[0].edges[2].to: names no node of this variant ("cache")`,
      `${file}: variants[0].edges[0]: dependency cycle: app → db → app`,
    ]);
  });

  it('reports an unreadable file as bad input, not a crash', async () => {
    const run = await runCli('validate', '/nonexistent/plan.nines.json');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('/nonexistent/plan.nines.json: (file): cannot read: no such file\n');
  });

  it('exits 2 with usage for no file, an unknown command or an unknown option', async () => {
    expect((await runCli('validate')).code).toBe(2);
    const unknown = await runCli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const option = await runCli('validate', '--fast', template('ha-options'));
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/Unknown option '--fast'/);
  });

  it('works as `npm run nines` from a checkout, through the bin script', () => {
    const out = execFileSync(
      'node',
      ['cli/bin/nines.mjs', 'validate', template('single-region-3az')],
      {
        cwd: new URL('..', import.meta.url).pathname,
        encoding: 'utf8',
      },
    );
    expect(out).toMatch(/single-region-3az\.nines\.json: valid/);
  });
});
