/**
 * The Electron fuses electron-builder flips at packaging (electron-builder.yml `electronFuses`).
 * Packaging itself needs the Electron binary; this pins the configuration it reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The `electronFuses:` block of electron-builder.yml as key → value. */
function configuredFuses(): Record<string, string> {
  const yml = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
  const block = /^electronFuses:\n((?: {2}\w+: \w+\n)+)/m.exec(yml)?.[1] ?? '';
  return Object.fromEntries(
    block
      .trimEnd()
      .split('\n')
      .map((line) => line.trim().split(': ') as [string, string]),
  );
}

describe('fuses set at packaging', () => {
  it('turn off running as Node, NODE_OPTIONS, inspect and file:// privileges; load only the checked asar', () => {
    expect(configuredFuses()).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      enableCookieEncryption: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });
});
