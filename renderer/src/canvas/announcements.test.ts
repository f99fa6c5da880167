// The sentences of the canvas's live regions, against the template's own names and figures.
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../../shared/schema/parse';
import aa2 from '../../../assets/templates/active-active-2-regions.nines.json?raw';
import { NBSP } from '../../../shared/text';
import { resultsSentence, selectionSentence } from './announcements';

const parsed = parseDocumentText(aa2);
if (!parsed.ok) throw new Error('the two-region template does not parse');
const variant = parsed.document.variants[0]!;

describe('selectionSentence', () => {
  it('says nothing when nothing is selected', () => {
    expect(selectionSentence(variant, [], [])).toBe('');
  });
  it('names one node with its container and kind', () => {
    expect(selectionSentence(variant, ['app-use1'], [])).toBe(
      'Selected Checkout API (US East (N. Virginia)), service.',
    );
    expect(selectionSentence(variant, ['use1'], [])).toBe(
      'Selected US East (N. Virginia), region.',
    );
  });
  it('reads one edge from its source to its target', () => {
    const edge = variant.edges.find((e) => e.kind === 'depends' && e.from === 'app-use1')!;
    const id = `${edge.kind}:${edge.from}>${edge.to}`;
    expect(selectionSentence(variant, [], [id])).toMatch(
      /^Selected the edge: Checkout API \(US East \(N\. Virginia\)\) depends on .+\.$/,
    );
  });
  it('counts a larger selection', () => {
    expect(selectionSentence(variant, ['use1', 'euw1'], [])).toBe(`Selected 2${NBSP}nodes.`);
    expect(selectionSentence(variant, ['use1'], ['depends:a>b'])).toBe(
      `Selected 1${NBSP}node and 1${NBSP}edge.`,
    );
  });
});

describe('resultsSentence', () => {
  it('says the availability and whether the target is met', () => {
    expect(resultsSentence(0.99998818, 0.9999)).toBe(`Availability 99.9988${NBSP}%, target met.`);
    expect(resultsSentence(0.99966, 0.9999)).toBe(
      `Availability 99.9660${NBSP}%, target 99.9900${NBSP}% missed.`,
    );
    expect(resultsSentence(0.9999, undefined)).toBe(`Availability 99.9900${NBSP}%.`);
  });
});
