/**
 * The field builders of the `nines/1` schema (./nines-v1.ts): ids, bounded text and numbers, each
 * with the message a person reads when a value is refused, and the bounds that keep every model
 * evaluable.
 */
import { z } from 'zod';

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
export const id = () =>
  z.string({ error: 'must be a string id' }).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, {
    error:
      'must be an id of 1 to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
  });
/** A string of at most `max` characters. */
export const text = (max: number) =>
  z.string({ error: 'must be a string' }).max(max, { error: `must be at most ${max} characters` });
/** A finite number; `error` is the message for anything else. */
export const finite = (error: string) => z.number({ error }).refine(Number.isFinite, { error });
/** A number in [MIN_POSITIVE, MAX_QUANTITY]: hours, seconds, sizes that must not be 0. */
export const positive = () =>
  finite('must be a positive number')
    .refine((n) => n > 0, { error: 'must be a positive number' })
    .refine((n) => n <= 0 || n >= MIN_POSITIVE, { error: `must be at least ${MIN_POSITIVE}` })
    .refine((n) => n <= MAX_QUANTITY, { error: `must be at most ${MAX_QUANTITY}` });
/** A number in [0, MAX_QUANTITY]: durations, rates and prices that may be 0. */
export const nonNegative = () =>
  finite('must be a number ≥ 0')
    .refine((n) => n >= 0, { error: 'must be a number ≥ 0' })
    .refine((n) => n <= MAX_QUANTITY, { error: `must be at most ${MAX_QUANTITY}` });
/** A probability in [0, 1]. */
export const probability = () =>
  finite('must be a probability between 0 and 1').refine((n) => n >= 0 && n <= 1, {
    error: 'must be a probability between 0 and 1',
  });
/** A share in [0, 1] (of traffic, of a price, of the requests). */
export const share = () =>
  finite('must be a share between 0 and 1').refine((n) => n >= 0 && n <= 1, {
    error: 'must be a share between 0 and 1',
  });
/** An integer count in [1, MAX_INSTANCES]: instances, how many must work. */
export const count = () =>
  z
    .int({ error: 'must be a positive integer' })
    .min(1, { error: 'must be a positive integer' })
    .max(MAX_INSTANCES, { error: `must be at most ${MAX_INSTANCES}` });
