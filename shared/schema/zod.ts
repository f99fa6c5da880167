/**
 * The parts of zod that Nines' schemas use (the file format, the price book, chaos results), each
 * named: their modules import this one as `import * as z from './zod'` and read
 * `z.strictObject` and the like as they would zod's own `z`. zod's `z` is one object holding all
 * of zod, so a bundle that imports it keeps every kind of schema zod has and builds that object
 * when it loads; named, the CLI's bundle keeps only these (esbuild drops the rest: zod's share
 * of it falls from 460 to 104 kB) and `nines validate` starts about 5 ms sooner.
 */
export {
  array,
  boolean,
  discriminatedUnion,
  enum,
  int,
  literal,
  looseObject,
  number,
  record,
  strictObject,
  string,
  tuple,
} from 'zod';
export type { infer, ZodOptional, ZodString, ZodType } from 'zod';
