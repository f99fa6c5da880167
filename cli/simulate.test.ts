import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../shared/engine';
import { workedExample } from '../shared/testing/builders';
import { main } from './index';
import { fixture, runCli, template } from './testing';

const dir = mkdtempSync(join(tmpdir(), 'nines-simulate-'));
const WORKED = join(dir, 'worked.nines.json');
writeFileSync(WORKED, JSON.stringify(workedExample(), null, 2));

describe('nines simulate', () => {
  it('prints FORMAT.md JSON, the same for the same seed', async () => {
    const args = ['simulate', template('ha-options'), '--years', '200', '--seed', '7', '--json'];
    const first = await runCli(...args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as SimulationReport;
    expect(report.seed).toBe(7);
    expect(report.yearsPerVariant).toBe(200);
    expect(report.variants.map((v) => v.id)).toEqual([
      'single-3az',
      'pilot-light',
      'warm-standby',
      'aa2',
      'aa3',
    ]);
    for (const v of report.variants) {
      expect(Object.keys(v)).toEqual(
        expect.arrayContaining(['id', 'mean', 'ci95', 'downtimeMinutesPerYear']),
      );
      expect(Object.keys(v.downtimeMinutesPerYear ?? {})).toEqual(
        expect.arrayContaining(['p50', 'p99']),
      );
      expect(v.dataLossEventsPerYear).toBeGreaterThan(0);
      expect(v.ci95?.[0]).toBeLessThanOrEqual(v.mean as number);
    }
    expect((await runCli(...args)).stdout).toBe(first.stdout);
    const other = await runCli('simulate', template('ha-options'), '--years', '200', '--json');
    expect(JSON.parse(other.stdout).seed).toBe(1);
    expect(other.stdout).not.toBe(first.stdout);
  });

  it('simulates one variant with --variant, with a readable table without --json', async () => {
    const run = await runCli(
      'simulate',
      template('ha-options'),
      '--variant',
      'aa3',
      '--years',
      '100',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^100\u00a0simulated years per variant, seed 1\n/);
    expect(run.stdout).toMatch(
      /aa3 — Active-Active, 3 regions\n {2}mean availability +99\.99\d+\u00a0%/,
    );
    expect(run.stdout).toMatch(/exact +99\.995790\u00a0%/);
    expect(run.stdout).toMatch(/downtime, min\/yr +mean [\d.]+ +median [\d.]+ +p99 [\d.]+/);
    expect(run.stdout).not.toMatch(/single-3az/);
  });

  it('draws a progress bar on standard error only when it is a terminal', async () => {
    let stderr = '';
    let stdout = '';
    const code = await main(['simulate', WORKED, '--years', '500', '--json'], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text), isTTY: true },
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\r\[#{0,30}\.{0,30}\] +\d+ %/);
    expect(stderr).toMatch(/\r\[#{30}\] 100 %\n$/);
    expect(JSON.parse(stdout)).toMatchObject({ yearsPerVariant: 500 });
    // Not a terminal (runCli): no bar, nothing on standard error.
    expect((await runCli('simulate', WORKED, '--years', '500', '--json')).stderr).toBe('');
  });

  it('exits 1 for an invalid file or an unknown variant', async () => {
    const broken = await runCli('simulate', fixture('broken.nines.json'), '--years', '10');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/instances: must be a positive integer/);
    const unknown = await runCli('simulate', WORKED, '--variant', 'nope', '--years', '10');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no variant "nope"/);
  });

  it('exits 2 for bad years or seeds, no file or an unknown option', async () => {
    for (const bad of [
      ['--years', '0'],
      ['--years', 'ten'],
      ['--years', '1.5'],
      ['--seed=-3'],
      ['--seed', 'x'],
      // Huge or not plain digits (issue 18): refused before any work, never a stack trace.
      ['--years', '9007199254740991'],
      ['--years', '100000000'],
      ['--years', '1e3'],
      ['--years', 'Infinity'],
      ['--years', '9'.repeat(1000)],
      ['--seed', '9007199254740992'],
    ]) {
      const run = await runCli('simulate', WORKED, ...bad);
      expect(run.code, bad.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/must be an integer/);
      expect(run.stderr).toMatch(/Usage: nines simulate FILE/);
    }
    expect((await runCli('simulate')).code).toBe(2);
    expect((await runCli('simulate', WORKED, '--fast')).code).toBe(2);
    const huge = await runCli('simulate', WORKED, '--years', '100000000');
    expect(huge.stderr).toContain(
      `--years must be an integer from 1 to 1,000,000, not "100000000"`,
    );
    expect(huge.stderr).not.toMatch(/^\s+at /m);
  });
});
