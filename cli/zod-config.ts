/**
 * Imported first by cli/index.ts, before any schema is built: a `nines` run parses each file
 * once, so zod's JIT (each object schema compiles its own parser with `new Function` on first
 * use) costs more than it saves; it was the largest single item of `nines validate`'s start-up.
 * zod reads the setting when a schema is built, hence this module's place at the head of the
 * imports.
 */
import { config } from 'zod';

config({ jitless: true });
