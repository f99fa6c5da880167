/**
 * The app's chaos export: the command it shows is one a shell reads back as the same flags, a
 * list field splits on lines, commas and spaces, an invalid variant gives its problem rather
 * than files, and the archive holds every file of the export under its top folder, byte for
 * byte.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { NinesDocument } from '../../../shared/model/types';
import { PRICE_BOOK as book } from '../store/results';
import template from '../../../assets/templates/active-active-2-regions.nines.json?raw';
import {
  appChaosExport,
  chaosArchive,
  chaosArchiveStem,
  chaosCommand,
  listField,
} from './chaos-export';

const doc = JSON.parse(template) as NinesDocument;

describe('the app’s chaos export', () => {
  it('shows the CLI command with the same flags, quoting what a shell would split', () => {
    expect(
      chaosCommand("my design's.nines.json", {
        target: 'fis',
        variantId: 'aa2',
        scenarioIds: ['zone-outage'],
        stopAlarms: [
          'arn:aws:cloudwatch:us-east-1:1:alarm:a',
          'arn:aws:cloudwatch:us-east-1:1:alarm:b',
        ],
        roleArn: 'arn:aws:iam::1:role/fis',
        subscriptions: [],
      }),
    ).toBe(
      "nines export-chaos 'my design'\\''s.nines.json' --target fis --variant aa2 --scenario zone-outage --stop-alarm arn:aws:cloudwatch:us-east-1:1:alarm:a --stop-alarm arn:aws:cloudwatch:us-east-1:1:alarm:b --role-arn arn:aws:iam::1:role/fis",
    );
  });

  it('splits a list field on lines, commas and spaces', () => {
    expect(listField(' a\nb, c  d\n\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(listField('   ')).toEqual([]);
  });

  it('an unknown variant gives its problem, not files', () => {
    const result = appChaosExport(
      doc,
      { target: 'fis', variantId: 'nope', scenarioIds: [], stopAlarms: [], subscriptions: [] },
      book,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toContain('nope');
  });

  it('the archive holds every file under its top folder, text unchanged', () => {
    const choice = {
      target: 'litmus' as const,
      variantId: 'aa2',
      scenarioIds: [],
      stopAlarms: [],
      subscriptions: [],
    };
    const result = appChaosExport(doc, choice, book);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const stem = chaosArchiveStem(doc, choice);
    expect(stem).toBe('checkout-active-active-two-regions-aa2-chaos-litmus');
    const entries = unzipSync(chaosArchive(result.exported.files, stem));
    expect(Object.keys(entries).sort()).toEqual(
      result.exported.files.map((f) => `${stem}/${f.path}`).sort(),
    );
    for (const f of result.exported.files)
      expect(strFromU8(entries[`${stem}/${f.path}`] ?? new Uint8Array())).toBe(f.text);
  });
});
