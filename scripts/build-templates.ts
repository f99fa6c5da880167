/**
 * Builds the bundled templates in assets/templates/ from the building blocks below, so that the
 * five designs and the `ha-options` document that compares them share one definition of each
 * region, tier and scenario. Run `npx tsx scripts/build-templates.ts` after changing a block;
 * a unit test fails when a committed template differs from what this script writes.
 *
 * Sizing: 20,000 requests/s at peak, 2,000 per m7i.large instance (an assumption stated in each
 * file). `minHealthy` is what a region needs for its normal share of traffic; `instances` is
 * enough to keep that after losing one of three zones and, for the active-active designs, to
 * carry a failed region's traffic too (static stability).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NinesDocument } from '../shared/model/types';
import { parseDocument, formatProblem } from '../shared/schema/parse';
import { serializeDocument } from '../shared/schema/serialize';
import { EUW1, USE1, USW2 } from './templates-blocks';
import { activeActive, activePassive, documentOf, singleRegion } from './templates-designs';

const TEMPLATES: Record<string, () => NinesDocument> = {
  'single-region-3az': () =>
    documentOf(
      'Checkout — single region, three zones',
      'The baseline: everything in us-east-1, spread over three Availability Zones. Cheapest; survives a zone, not a region.',
      [singleRegion()],
    ),
  'pilot-light-2-regions': () =>
    documentOf(
      'Checkout — pilot light',
      'Active-passive across us-east-1 and eu-west-1 with a minimal standby that is promoted and scaled up by hand.',
      [activePassive('pilot')],
    ),
  'warm-standby-2-regions': () =>
    documentOf(
      'Checkout — warm standby',
      'Active-passive across us-east-1 and eu-west-1 with a scaled-down running standby, asynchronous replication and automatic promotion.',
      [activePassive('warm')],
    ),
  'active-active-2-regions': () =>
    documentOf(
      'Checkout — Active-Active, two regions',
      'Redis Enterprise Active-Active in us-east-1 and eu-west-1 behind a global router; each region serves its users locally.',
      [activeActive([USE1, EUW1])],
    ),
  'active-active-3-regions': () =>
    documentOf(
      'Checkout — Active-Active, three regions',
      'The reference architecture: three regions, three zones each, Redis Enterprise Active-Active with asynchronous replication, no cross-region calls in the request path.',
      [activeActive([USE1, EUW1, USW2])],
    ),
  'ha-options': () =>
    documentOf(
      'Checkout — HA options compared',
      'The five designs side by side: what each extra nine costs, and which meets the targets.',
      [
        singleRegion(),
        activePassive('pilot'),
        activePassive('warm'),
        activeActive([USE1, EUW1]),
        activeActive([USE1, EUW1, USW2]),
      ],
    ),
};

/** The text of every template, keyed by file stem; throws if a block builds an invalid file. */
export function buildTemplates(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [stem, build] of Object.entries(TEMPLATES)) {
    const checked = parseDocument(build());
    if (!checked.ok) {
      throw new Error(`${stem}: ${checked.problems.map(formatProblem).join('; ')}`);
    }
    out[stem] = serializeDocument(checked.document);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [stem, text] of Object.entries(buildTemplates())) {
    writeFileSync(new URL(`../assets/templates/${stem}.nines.json`, import.meta.url), text);
    process.stdout.write(`assets/templates/${stem}.nines.json\n`);
  }
}
