import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NinesDocument } from '../shared/model/types';
import type { PlanDocument } from '../shared/plan/document';
import { samplePlan } from '../shared/plan/sample-plan';
import { PLAN_FORMATS, renderPlan, writePlanFile } from './plan-io';

const dir = mkdtempSync(join(tmpdir(), 'nines-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const model = JSON.parse(
  readFileSync(
    new URL('../assets/templates/single-region-3az.nines.json', import.meta.url),
    'utf8',
  ),
) as NinesDocument;
const doc = samplePlan(model, '1 December 2026');

describe('writePlanFile', () => {
  it.each(PLAN_FORMATS)('writes a %s file', async (format) => {
    const path = join(dir, `plan.${format}`);
    await writePlanFile(doc, format, path);
    const bytes = readFileSync(path);
    const magic = { pdf: '%PDF-', docx: 'PK\u0003\u0004', md: `# ${model.name}` }[format];
    expect(bytes.subarray(0, Buffer.byteLength(magic)).toString('latin1')).toBe(
      Buffer.from(magic).toString('latin1'),
    );
  });

  it('writes the same PDF twice (no clock, no randomness in the output)', async () => {
    await writePlanFile(doc, 'pdf', join(dir, 'a.pdf'));
    await writePlanFile(doc, 'pdf', join(dir, 'b.pdf'));
    expect(readFileSync(join(dir, 'a.pdf')).equals(readFileSync(join(dir, 'b.pdf')))).toBe(true);
  });
});

describe('renderPlan', () => {
  it.each(PLAN_FORMATS)('writes a %s plan of empty blocks', async (format) => {
    const empty: PlanDocument = {
      meta: { title: 'Empty', version: '0', date: 'never' },
      blocks: [
        { kind: 'table', columns: [{ header: 'Only a header' }], rows: [] },
        { kind: 'list', ordered: true, items: [] },
        { kind: 'keyValue', rows: [] },
        { kind: 'paragraph', runs: [] },
      ],
    };
    const bytes = await renderPlan(empty, format);
    expect(bytes.length).toBeGreaterThan(0);
  });
});
