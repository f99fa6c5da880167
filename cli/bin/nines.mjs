#!/usr/bin/env node
// The `nines` command: runs the TypeScript CLI from a checkout right after `npm install`, with
// no build step. The sources are bundled once into a cache (./bundle.mjs) and rebuilt when they
// change; if that cannot be done, tsx compiles them on the fly (and reports any error in them).
import { ROOT, bundledEntry } from './bundle.mjs';

let entry;
try {
  entry = await import((await bundledEntry(ROOT)).href);
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  entry = await import('../index.ts');
}
process.exitCode = await entry.main(process.argv.slice(2));
