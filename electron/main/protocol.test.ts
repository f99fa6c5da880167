import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: {} }));

const { resolveAppPath, serveAppRequest } = await import('./protocol');
const { CONTENT_SECURITY_POLICY } = await import('./csp');

const root = path.resolve('/srv/nines/renderer');

describe('resolveAppPath', () => {
  it('maps app URLs to files inside the root', () => {
    expect(resolveAppPath(root, 'app://nines/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://nines/assets/main-1a2b.js')).toBe(
      path.join(root, 'assets', 'main-1a2b.js'),
    );
    expect(resolveAppPath(root, 'app://nines/assets/a%20b.css?v=1#x')).toBe(
      path.join(root, 'assets', 'a b.css'),
    );
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppPath(root, 'app://nines/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://nines')).toBe(path.join(root, 'index.html'));
  });

  it.each([
    ['encoded slash after dots', 'app://nines/%2e%2e%2fsecret'],
    ['encoded dots and slash, mixed case', 'app://nines/assets/%2E%2E%2F%2E%2E%2Fsecret'],
    ['a double-encoded-looking dot pair that decodes to ..', 'app://nines/a/..%2f..%2fsecret'],
    ['an absolute path', 'app://nines//etc/passwd'],
    ['an encoded absolute path', 'app://nines/%2Fetc%2Fpasswd'],
    ['a backslash', 'app://nines/..%5C..%5Csecret'],
    ['a raw backslash', 'app://nines/assets\\..\\..\\secret'],
    ['a null byte', 'app://nines/index.html%00.png'],
    ['a drive letter', 'app://nines/C:/Windows/win.ini'],
    ['an encoded drive letter', 'app://nines/C%3A%5CWindows'],
    ['malformed percent-encoding', 'app://nines/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it.each(['app://nines/../../etc/passwd', 'app://nines/%2e%2e/%2E%2E/etc/passwd'])(
    'keeps whole dot segments inside the root: %s',
    (url) => {
      // The URL parser removes `..` and `%2e%2e` segments before the guard sees them.
      expect(resolveAppPath(root, url)).toBe(path.join(root, 'etc', 'passwd'));
    },
  );
});

describe('serveAppRequest', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nines-protocol-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>N</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'main.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'do not serve');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves a file with its type, the CSP header and nosniff', async () => {
    const response = await serveAppRequest(
      path.join(dir, 'renderer'),
      'app://nines/assets/main.js',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 with the CSP for a file outside the root and for a missing file', async () => {
    for (const url of ['app://nines/%2e%2e/secret.txt', 'app://nines/missing.js']) {
      const response = await serveAppRequest(path.join(dir, 'renderer'), url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('do not serve');
    }
  });
});
