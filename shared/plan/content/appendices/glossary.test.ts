import { describe, expect, it } from 'vitest';
import { GLOSSARY_TERMS, glossaryRows } from './glossary';

/** The glossary's order: alphabetical, capitals and hyphens aside, as a reader looks a term up. */
const glossaryOrder = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

describe('the glossary', () => {
  it('keeps its entries in the glossary order, so that a plan lists what it uses in that order', () => {
    expect(GLOSSARY_TERMS).toEqual([...GLOSSARY_TERMS].sort(glossaryOrder));
  });

  it('lists the entries a text uses, in that order', () => {
    const text = 'RTO and RPO of the Active-Active design; an ALB in each AZ; DNS failover; MTTR.';
    const keys = glossaryRows(text).map((row) => row.key);
    expect(keys).toEqual(['Active-Active', 'ALB', 'AZ', 'DNS', 'MTTR', 'RPO', 'RTO']);
  });
});
