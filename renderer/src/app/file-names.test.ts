import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../shared/model/ops/new-document';
import { documentFileName, exportFileName, exportFileStem } from './file-names';

const checkout = emptyDocument('Checkout — Active-Active, three regions');

describe('file names: <doc-slug>[-<variant-slug>]-<what>.<ext>', () => {
  it('a document saves under the slug of its name', () => {
    expect(documentFileName(checkout)).toBe('checkout-active-active-three-regions.nines.json');
    expect(documentFileName(emptyDocument('Zürich — café'))).toBe('zurich-cafe.nines.json');
    expect(documentFileName(emptyDocument('—'))).toBe('untitled.nines.json');
  });

  it('every export follows one convention, with the variant when it is of one', () => {
    expect(exportFileName(checkout, 'contingency plan', 'pdf', 'aa3')).toBe(
      'checkout-active-active-three-regions-aa3-contingency-plan.pdf',
    );
    expect(exportFileName(checkout, 'diagram', 'svg', 'aa3')).toBe(
      'checkout-active-active-three-regions-aa3-diagram.svg',
    );
    expect(exportFileStem(checkout, 'nines against cost')).toBe(
      'checkout-active-active-three-regions-nines-against-cost',
    );
    expect(exportFileStem(checkout, 'sensitivity yearly cost', 'aa3')).toBe(
      'checkout-active-active-three-regions-aa3-sensitivity-yearly-cost',
    );
  });
});
