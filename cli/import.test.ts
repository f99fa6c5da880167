import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocumentText } from '../shared/schema/parse';
import { runCli } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'nines-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) =>
  new URL(`../shared/import/terraform/__fixtures__/${name}`, import.meta.url).pathname;
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('nines import terraform', () => {
  it('writes a laid-out valid design and the report, and prints the headline figures', async () => {
    const out = join(dir, 'design.nines.json');
    const report = join(dir, 'report.json');
    const run = await runCli(
      'import',
      'terraform',
      fixture('two-region-state.json'),
      '-o',
      out,
      '--report',
      report,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const parsed = parseDocumentText(readFileSync(out, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const variant = parsed.document.variants[0];
    // Every node has a position (the canvas's auto-layout ran).
    expect(Object.keys(variant?.layout ?? {}).sort()).toEqual(
      variant?.nodes.map((n) => n.id).sort(),
    );
    expect(JSON.parse(readFileSync(report, 'utf8')).counts).toEqual({
      resources: 26,
      mapped: 24,
      assumed: 5,
      inferred: 2,
      skipped: 2,
      warnings: 2,
    });
    // Numbers and units are joined by a no-break space (docs/conventions.md).
    expect(run.stdout).toMatch(/availability 99\.98620\s%/);
    // A person promotes eu-west-1 (docs/import.md): 15 min to decide, 15 min to promote.
    expect(run.stdout).toMatch(/Region outage \(us-east-1\): full, RTO 30\smin/);
    expect(run.stdout).toContain('asg-app-use1.minHealthy = 4: min_size');
  });

  it('writes the design to standard output without -o, the summary to standard error', async () => {
    const run = await runCli(
      'import',
      'terraform',
      fixture('two-region-state.json'),
      '--with-scenarios',
    );
    expect(run.code).toBe(0);
    const parsed = parseDocumentText(run.stdout);
    expect(parsed.ok && parsed.document.scenarios?.map((s) => s.id)).toContain(
      'region-outage-use1',
    );
    expect(run.stderr).toMatch(/5\svalues assumed/);
  });

  it.each([
    ['not JSON', 'not json at all', /not valid JSON at line 1/],
    [
      'a configuration',
      '{"resource": {"aws_instance": {"a": {}}}}',
      /Terraform configuration \(\.tf\.json\)/,
    ],
    [
      'format_version 2.0',
      '{"format_version": "2.0", "values": {}}',
      /unsupported terraform JSON format_version "2\.0"/,
    ],
    [
      'an empty state',
      '{"format_version": "1.0", "terraform_version": "1.9.8"}',
      /the state is empty/,
    ],
  ])('refuses %s with one line and exit 1', async (_, text, message) => {
    const run = await runCli(
      'import',
      'terraform',
      write('bad.json', text),
      '-o',
      join(dir, 'never.json'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('refuses a file over 50 MB by its size, before reading it', async () => {
    const big = write('big.json', '');
    truncateSync(big, 50 * 1024 * 1024 + 1);
    const run = await runCli('import', 'terraform', big);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/file is too large/);
  });

  it('exits 2 with the usage for anything but `terraform FILE`', async () => {
    expect((await runCli('import', 'cloudformation', 'x.yaml')).code).toBe(2);
    expect((await runCli('import', 'terraform')).code).toBe(2);
  });
});
