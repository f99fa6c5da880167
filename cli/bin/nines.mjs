#!/usr/bin/env node
// The `nines` command: runs the TypeScript CLI through tsx so that a checkout works right after
// `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../index.ts');
process.exitCode = await main(process.argv.slice(2));
