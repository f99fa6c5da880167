import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, headersFile, STATIC_HOST_HEADERS } from './csp';

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the policy of the meta tag in renderer/index.html (header and meta agree)', async () => {
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows scripts from the app only and nothing from the network', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
  });

  it('names the workers: only the app’s own scripts may run as workers', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self'");
  });
});

describe('STATIC_HOST_HEADERS', () => {
  it('sends the policy with frame-ancestors, which only a header can carry, for every file', () => {
    const csp = STATIC_HOST_HEADERS['Content-Security-Policy'];
    expect(csp).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(STATIC_HOST_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(STATIC_HOST_HEADERS['X-Frame-Options']).toBe('DENY');
    const file = headersFile().split('\n');
    expect(file[0]).toBe('/*');
    expect(file).toContain(`  Content-Security-Policy: ${csp}`);
  });
});
