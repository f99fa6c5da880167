import { describe, expect, it } from 'vitest';
import { PAGE, type PlanMeta } from '../document';
import { runningHeader } from './running-header';

const meta = (title: string): PlanMeta => ({
  title,
  version: '1.0',
  date: '26 November 2026',
  classification: 'Internal — draft for review',
});

/** The texts of a header's two columns. */
function columns(meta: PlanMeta, width: number): [string, string] {
  const node = runningHeader(meta, width) as { columns: { text: string }[] };
  return [node.columns[0]?.text ?? '', node.columns[1]?.text ?? ''];
}

describe('runningHeader', () => {
  const portrait = PAGE.size.LETTER.width;
  const landscape = PAGE.size.LETTER.height;

  it("keeps the three-region plan's title whole, the classification beside it", () => {
    const title = 'Checkout — Active-Active, three regions — Information System Contingency Plan';
    expect(columns(meta(title), portrait)).toEqual([title, 'Internal — draft for review']);
  });

  it('shortens a longer title with an ellipsis after a whole word, less on a landscape page', () => {
    const title = `${'Payments platform with a long name, '.repeat(4)}— Information System Contingency Plan`;
    const [short] = columns(meta(title), portrait);
    expect(short.endsWith('…')).toBe(true);
    expect(title.startsWith(short.slice(0, -1))).toBe(true);
    const [wide] = columns(meta(title), landscape);
    expect(wide.length).toBeGreaterThan(short.length);
  });
});
