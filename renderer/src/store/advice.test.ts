import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../shared/model/ops/fixes';
import { parseDocumentText } from '../../../shared/schema/parse';
import warmStandby from '../../../assets/templates/warm-standby-2-regions.nines.json?raw';
import { changesOfFix, withHighlight } from './advice';

const parsed = parseDocumentText(warmStandby);
if (!parsed.ok) throw new Error('the warm standby template does not parse');
const template = parsed.document;
const variantId = template.variants[0]?.id ?? '';

describe('changesOfFix', () => {
  it('names the field a fix sets on a node', () => {
    const fixed = applyFix(template, variantId, { kind: 'set-witness', nodeId: 'redis-use1' });
    expect(changesOfFix(template, variantId, fixed)).toEqual({
      changed: [{ id: 'redis-use1', fields: [['witness', false, true]] }],
      added: [],
    });
  });

  it('lists an added node and the node its new edge reaches', () => {
    const fixed = applyFix(template, variantId, {
      kind: 'add-backup',
      datastoreId: 'redis-euw1',
      backupId: 'backup-2',
      regionId: 'euw1',
    });
    expect(changesOfFix(template, variantId, fixed)).toEqual({
      changed: [{ id: 'redis-euw1', fields: [] }],
      added: ['backup-2'],
    });
  });
});

describe('withHighlight', () => {
  it('puts the highlight over the results marks without changing them', () => {
    const marks = new Map([
      ['dns', 'spof' as const],
      ['app', 'cut' as const],
    ]);
    const shown = withHighlight(marks, { kind: 'finding', nodeIds: new Set(['dns']) });
    expect([...shown]).toEqual([
      ['dns', 'finding'],
      ['app', 'cut'],
    ]);
    expect(marks.get('dns')).toBe('spof');
    expect(withHighlight(marks, null)).toBe(marks);
  });
});
