import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../schema/parse';
import { dep, singleVariant } from '../../testing/builders';
import type { NinesDocument } from '../types';
import {
  addCommonCause,
  removeCommonCause,
  setCommonCauseAffects,
  updateCommonCauseField,
} from './common-causes';
import { deleteNodes } from './delete';

function base(): NinesDocument {
  return singleVariant(
    'lb',
    [
      { id: 'r1', kind: 'region' },
      { id: 'lb', kind: 'router', parent: 'r1' },
      { id: 'app', kind: 'service', parent: 'r1', instances: 2 },
    ],
    [dep('lb', 'app')],
  );
}

function accepted(result: ReturnType<typeof addCommonCause>): NinesDocument {
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

describe('common-cause edits', () => {
  it('adds a global change over the services with the assumed figures and their source', () => {
    const doc = accepted(addCommonCause(base(), 'v'));
    const [cause] = doc.variants[0]?.commonCause ?? [];
    expect(cause).toMatchObject({
      id: 'global-change-1',
      name: 'Global deploy or configuration change',
      mtbfHours: 17520,
      mttrHours: 0.5,
      affects: ['app'],
    });
    expect(cause?.source).toContain('Google SRE book');
    expect(parseDocument(doc).ok).toBe(true);
  });

  it('sets a field through its schema and refuses what the schema refuses or a required field cleared', () => {
    const doc = accepted(addCommonCause(base(), 'v'));
    const set = accepted(updateCommonCauseField(doc, 'v', 'global-change-1', 'mttrHours', 2));
    expect(set.variants[0]?.commonCause?.[0]?.mttrHours).toBe(2);
    expect(updateCommonCauseField(doc, 'v', 'global-change-1', 'mtbfHours', -1)).toMatchObject({
      ok: false,
    });
    expect(updateCommonCauseField(doc, 'v', 'global-change-1', 'name', undefined)).toMatchObject({
      ok: false,
    });
    const noSource = accepted(
      updateCommonCauseField(doc, 'v', 'global-change-1', 'source', undefined),
    );
    expect(noSource.variants[0]?.commonCause?.[0]?.source).toBeUndefined();
  });

  it('chooses what it affects, refusing to affect nothing', () => {
    const doc = accepted(addCommonCause(base(), 'v'));
    const both = accepted(setCommonCauseAffects(doc, 'v', 'global-change-1', 'r1', true));
    expect(both.variants[0]?.commonCause?.[0]?.affects).toEqual(['app', 'r1']);
    expect(setCommonCauseAffects(doc, 'v', 'global-change-1', 'app', false)).toMatchObject({
      ok: false,
    });
  });

  it('removes a cause with the scenarios that name it, and deleting its only node removes it', () => {
    const doc = accepted(addCommonCause(base(), 'v'));
    const withScenario: NinesDocument = {
      ...doc,
      scenarios: [{ id: 's', name: 'push', commonCause: ['global-change-1'] }],
    };
    const removed = removeCommonCause(withScenario, 'v', 'global-change-1');
    expect(removed.variants[0]?.commonCause).toBeUndefined();
    expect(removed.scenarios?.[0]?.commonCause).toEqual([]);
    expect(parseDocument(removed).ok).toBe(true);
    const deleted = deleteNodes(withScenario, 'v', ['app']);
    expect(deleted.variants[0]?.commonCause).toBeUndefined();
    expect(parseDocument(deleted).ok).toBe(true);
  });
});
