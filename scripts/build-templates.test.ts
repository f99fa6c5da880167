import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTemplates } from './build-templates';

describe('bundled templates', () => {
  it.each(Object.entries(buildTemplates()))(
    '%s matches scripts/build-templates.ts (run it after editing a block)',
    (stem, text) => {
      expect(
        readFileSync(new URL(`../assets/templates/${stem}.nines.json`, import.meta.url), 'utf8'),
      ).toBe(text);
    },
  );
});
