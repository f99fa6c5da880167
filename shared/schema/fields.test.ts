import { describe, expect, it } from 'vitest';
import {
  count,
  flag,
  id,
  nonNegative,
  optional,
  positive,
  probability,
  share,
  text,
} from './fields';

/** The messages `schema` gives for `value`, or [] when it takes it. */
function messages(schema: { safeParse(value: unknown): unknown }, value: unknown): string[] {
  const result = schema.safeParse(value) as
    { success: true } | { success: false; error: { issues: { message: string }[] } };
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('field builders', () => {
  it('build each schema once and return it at every call', () => {
    for (const builder of [id, positive, nonNegative, probability, share, count, flag]) {
      expect(builder()).toBe(builder());
    }
    expect(text(200)).toBe(text(200));
  });

  it("make each schema's optional form once, which takes undefined and refuses as the schema does", () => {
    expect(optional(positive())).toBe(optional(positive()));
    expect(optional(text(100))).not.toBe(optional(text(200)));
    expect(optional(text(100)).unwrap()).toBe(text(100));
    expect(messages(optional(positive()), undefined)).toEqual([]);
    expect(messages(optional(positive()), 0)).toEqual(['must be a positive number']);
    expect(messages(optional(flag()), 'yes')).toEqual(['must be true or false']);
  });

  it('keep one text schema per bound, each with its own bound and message', () => {
    expect(text(100)).not.toBe(text(200));
    expect(messages(text(100), 'x'.repeat(150))).toEqual(['must be at most 100 characters']);
    expect(messages(text(200), 'x'.repeat(150))).toEqual([]);
    expect(messages(text(200), 'x'.repeat(201))).toEqual(['must be at most 200 characters']);
  });

  it('give the same answers at a later call as at the first', () => {
    for (let call = 0; call < 2; call++) {
      expect(messages(positive(), 0)).toEqual(['must be a positive number']);
      expect(messages(positive(), 1e-10)).toEqual(['must be at least 1e-9']);
      expect(messages(nonNegative(), -1)).toEqual(['must be a number ≥ 0']);
      expect(messages(probability(), 1.5)).toEqual(['must be a probability between 0 and 1']);
      expect(messages(count(), 0)).toEqual(['must be a positive integer']);
      expect(messages(id(), '-x')[0]).toMatch(/^must be an id of 1 to 64/);
      expect(messages(id(), 'ok-id')).toEqual([]);
    }
  });
});
