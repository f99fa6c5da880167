/**
 * The field builders of the `nines/1` schema (./nines-v1.ts): ids, bounded text and numbers, each
 * with the message a person reads when a value is refused, and the bounds that keep every model
 * evaluable.
 *
 * Each builder makes its schema once and returns that same schema at every later call, and
 * {@link optional} makes each one's optional form once: the schemas are immutable (every zod
 * method returns a new one), so a field may share them with every other field of its kind.
 * Building a zod schema is costly (each `.refine` copies the whole chain, running every
 * constructor of its kind again), and the document schema, built whenever the parser is loaded
 * (at every `nines` start), asks for some ninety of them and seventy optional forms.
 */
import * as z from './zod';

/** `build`, run at the first call only; every call returns its one result. */
export function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

const optionals = new WeakMap<z.ZodType, z.ZodType>();
/** `schema.optional()`, made once for each schema (a builder's shared one, above all). */
export function optional<T extends z.ZodType>(schema: T): z.ZodOptional<T> {
  let made = optionals.get(schema) as z.ZodOptional<T> | undefined;
  if (!made) {
    made = schema.optional();
    optionals.set(schema, made);
  }
  return made;
}

/** Upper bound on counts (instances, targets) that keeps every model evaluable. */
export const MAX_INSTANCES = 1000;

/**
 * Largest hours, seconds, dollars or rate a file may give (1e12 hours is 114 million years): far
 * beyond any real system, and small enough that the engine's products of a few such figures
 * (cost × hours × months, rate × duration) stay finite instead of overflowing to Infinity.
 */
export const MAX_QUANTITY = 1e12;

/** Smallest positive figure (hours, seconds, capacity): its inverse, a rate, stays finite. */
export const MIN_POSITIVE = 1e-9;

/** An id: 1 to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit. */
export const id = once(() =>
  z.string({ error: 'must be a string id' }).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, {
    error:
      'must be an id of 1 to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
  }),
);
const texts = new Map<number, z.ZodString>();
/** A boolean. */
export const flag = once(() => z.boolean({ error: 'must be true or false' }));

/** A string of at most `max` characters. */
export function text(max: number): z.ZodString {
  let schema = texts.get(max);
  if (!schema) {
    schema = z
      .string({ error: 'must be a string' })
      .max(max, { error: `must be at most ${max} characters` });
    texts.set(max, schema);
  }
  return schema;
}
/** A finite number; `error` is the message for anything else. */
export const finite = (error: string) => z.number({ error }).refine(Number.isFinite, { error });
/** A number in [MIN_POSITIVE, MAX_QUANTITY]: hours, seconds, sizes that must not be 0. */
export const positive = once(() =>
  finite('must be a positive number')
    .refine((n) => n > 0, { error: 'must be a positive number' })
    .refine((n) => n <= 0 || n >= MIN_POSITIVE, { error: `must be at least ${MIN_POSITIVE}` })
    .refine((n) => n <= MAX_QUANTITY, { error: `must be at most ${MAX_QUANTITY}` }),
);
/** A number in [0, MAX_QUANTITY]: durations, rates and prices that may be 0. */
export const nonNegative = once(() =>
  finite('must be a number ≥ 0')
    .refine((n) => n >= 0, { error: 'must be a number ≥ 0' })
    .refine((n) => n <= MAX_QUANTITY, { error: `must be at most ${MAX_QUANTITY}` }),
);
/** A probability in [0, 1]. */
export const probability = once(() =>
  finite('must be a probability between 0 and 1').refine((n) => n >= 0 && n <= 1, {
    error: 'must be a probability between 0 and 1',
  }),
);
/** A share in [0, 1] (of traffic, of a price, of the requests). */
export const share = once(() =>
  finite('must be a share between 0 and 1').refine((n) => n >= 0 && n <= 1, {
    error: 'must be a share between 0 and 1',
  }),
);
/** An integer count in [1, MAX_INSTANCES]: instances, how many must work. */
export const count = once(() =>
  z
    .int({ error: 'must be a positive integer' })
    .min(1, { error: 'must be a positive integer' })
    .max(MAX_INSTANCES, { error: `must be at most ${MAX_INSTANCES}` }),
);
