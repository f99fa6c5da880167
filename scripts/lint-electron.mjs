#!/usr/bin/env node
// `npm run lint:electron`: Electronegativity over the desktop shell, offline. It scans a staging
// folder holding electron/, the renderer's index.html (whose meta tag carries the CSP) and
// package.json (for the Electron version), without AvailableSecurityFixesGlobalCheck (it asks
// the network for Electron's release list). It fails on any finding above LOW that is not in
// ACCEPTED below, and on an ACCEPTED entry that no longer occurs, so the list stays true.
// Each accepted finding is justified in docs/security.md ("Electronegativity").
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Findings reviewed by hand: check id → file (relative to the staging folder). */
const ACCEPTED = [
  { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/security.ts' },
  { id: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts' },
];

const stage = await mkdtemp(path.join(tmpdir(), 'nines-electronegativity-'));
let failed = false;
try {
  await cp(path.join(root, 'electron'), path.join(stage, 'electron'), { recursive: true });
  await cp(path.join(root, 'renderer/index.html'), path.join(stage, 'renderer/index.html'));
  await cp(path.join(root, 'package.json'), path.join(stage, 'package.json'));

  const run = createRequire(import.meta.url)('@doyensec/electronegativity');
  const { issues, errors } = await run({
    input: stage,
    isSarif: false,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    isVerbose: false,
    parserPlugins: [],
  });
  for (const error of errors) {
    process.stdout.write(`could not parse ${path.relative(stage, error.file)}: ${error.message}\n`);
    failed = true;
  }
  const docs = await readFile(path.join(root, 'docs/security.md'), 'utf8');
  for (const issue of issues) {
    const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
    const level = `${issue.severity.name}/${issue.confidence.name}`;
    const accepted = ACCEPTED.some((a) => a.id === issue.id && a.file === issue.file);
    const aboveLow = issue.severity.name !== 'LOW' && issue.severity.name !== 'INFORMATIONAL';
    const verdict = !aboveLow || accepted ? 'justified' : 'NOT ACCEPTED';
    process.stdout.write(`${level.padEnd(22)} ${issue.id.padEnd(24)} ${where}  ${verdict}\n`);
    if (verdict !== 'justified') failed = true;
    else if (!docs.includes(issue.id)) {
      process.stdout.write(`  ${issue.id} is not justified in docs/security.md\n`);
      failed = true;
    }
  }
  for (const a of ACCEPTED) {
    if (!issues.some((issue) => issue.id === a.id && issue.file === a.file)) {
      process.stdout.write(`accepted ${a.id} in ${a.file} no longer occurs: remove it\n`);
      failed = true;
    }
  }
  process.stdout.write(
    `electronegativity: ${issues.length} finding(s), ${failed ? 'FAILED' : 'none above LOW unjustified'}\n`,
  );
} finally {
  await rm(stage, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
