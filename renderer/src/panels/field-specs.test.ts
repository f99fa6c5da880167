import { describe, expect, it } from 'vitest';
import { NODE_DEFAULTS } from '../../../shared/model/defaults';
import { nodeKinds } from '../../../shared/schema/nines-v1';
import { FIELD_GROUPS, fieldGroupsFor, kindFields } from './field-specs';

describe('field specs', () => {
  const listed = new Set(FIELD_GROUPS.flatMap((g) => g.fields.map((f) => f.key)));

  it.each(nodeKinds)('give every schema field of a %s a place in the inspector', (kind) => {
    const fields = kindFields(kind);
    expect(fields.size).toBeGreaterThan(0);
    for (const key of fields) expect(listed.has(key), `${kind}.${key}`).toBe(true);
    const shown = fieldGroupsFor(kind).flatMap((g) => g.fields.map((f) => f.key));
    expect(shown.toSorted()).toEqual([...fields].toSorted());
  });

  it('list each field once', () => {
    const keys = FIELD_GROUPS.flatMap((g) => g.fields.map((f) => f.key));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('show every documented default somewhere', () => {
    for (const kind of nodeKinds) {
      for (const key of Object.keys(NODE_DEFAULTS[kind])) {
        expect(kindFields(kind).has(key), `${kind}.${key}`).toBe(true);
      }
    }
  });
});
