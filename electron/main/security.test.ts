import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(() => Promise.resolve());
vi.mock('electron', () => ({ app: { on: vi.fn() }, shell: { openExternal } }));

const { EXTERNAL_HOSTS, GESTURE_MS, hardenSession, hardenWebContents, isAllowedExternalUrl } =
  await import('./security');

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final',
    'https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-34r1.pdf',
    'https://docs.aws.amazon.com/whitepapers/latest/availability.html?x=1#top',
    'HTTPS://Redis.io/docs/',
    'https://csrc.nist.gov:443/',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://csrc.nist.gov/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['a custom scheme', 'ms-settings:privacy'],
    ['the app itself', 'app://nines/index.html'],
    ['credentials', 'https://user:pass@csrc.nist.gov/'],
    ['a user name', 'https://csrc.nist.gov@evil.example/'],
    ['a site the app does not cite', 'https://example.com/'],
    ['an IDN look-alike (Cyrillic о)', 'https://csrc.nist.g\u043ev/'],
    ['an IDN look-alike in punycode', 'https://xn--csrc-nist-gov.example/'],
    ['a cited host as a subdomain of another', 'https://csrc.nist.gov.evil.example/'],
    ['a subdomain of a cited host', 'https://evil.csrc.nist.gov/'],
    ['a cited host with a trailing dot', 'https://csrc.nist.gov./'],
    ['another port', 'https://csrc.nist.gov:8443/'],
    ['localhost', 'https://localhost:8443/'],
    ['an IPv4 address', 'https://192.168.1.1/admin'],
    ['an IPv6 address', 'https://[::1]/'],
    ['not a URL', 'csrc.nist.gov'],
    ['an empty string', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  /** Every https link in a file of the app, without trailing punctuation. */
  function linksIn(relative: string): string[] {
    const text = readFileSync(new URL(`../../${relative}`, import.meta.url), 'utf8');
    return [...text.matchAll(/https:\/\/[^\s"'`)<>,]+/g)].map((m) => m[0].replace(/[.;:]+$/, ''));
  }

  it('allows every page the plan, the MEF export and the price book cite, and no other site', () => {
    const cited = [
      ...linksIn('shared/plan/content/nist.ts'),
      ...linksIn('shared/engine/interop/mef.ts'),
      ...linksIn('assets/pricing/pricebook.json'),
    ];
    expect(cited.length).toBeGreaterThan(10);
    // Cited in the price book as where figures were read, not pages a person is sent to: raw
    // data files and third-party blogs.
    const notOpened = new Set([
      'raw.githubusercontent.com',
      'azure-calc-uk.pages.dev',
      'c3x.dev',
      'lucidity.cloud',
      'codeables.dev',
      'ideaarmor.com',
    ]);
    const refused = cited.filter(
      (url) => !isAllowedExternalUrl(url) && !notOpened.has(new URL(url).hostname),
    );
    expect(refused).toEqual([]);
    const hostsUsed = new Set(cited.map((url) => new URL(url).hostname));
    // The list holds no site the code does not cite.
    expect([...EXTERNAL_HOSTS].filter((host) => !hostsUsed.has(host))).toEqual([]);
  });
});

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function emitPreventable(contents: EventEmitter, name: string): boolean {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  contents.emit(name, event, 'https://example.com/');
  return event.defaultPrevented;
}

describe('hardenWebContents', () => {
  let contents: FakeWebContents;
  let clock: number;
  beforeEach(() => {
    openExternal.mockClear();
    clock = 1_000_000;
    contents = new FakeWebContents();
    hardenWebContents(contents as unknown as Electron.WebContents, () => clock);
  });
  const click = () => contents.emit('before-mouse-event', {}, { type: 'mouseUp', x: 1, y: 1 });
  const open = (url: string) => contents.openHandler?.({ url });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    expect(emitPreventable(contents, name)).toBe(true);
  });

  it('denies window.open and opens an allowed link in the browser right after a click', () => {
    click();
    clock += 50;
    expect(open('https://csrc.nist.gov/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://csrc.nist.gov/');
  });

  it('Enter or Space on a focused link counts as the user asking; other keys and moves do not', () => {
    contents.emit('before-mouse-event', {}, { type: 'mouseMove', x: 1, y: 1 });
    contents.emit('before-input-event', {}, { type: 'keyDown', key: 'a' });
    open('https://csrc.nist.gov/');
    expect(openExternal).not.toHaveBeenCalled();
    contents.emit('before-input-event', {}, { type: 'keyDown', key: 'Enter' });
    open('https://csrc.nist.gov/');
    contents.emit('before-input-event', {}, { type: 'rawKeyDown', key: ' ' });
    open('https://redis.io/docs/');
    expect(openExternal.mock.calls).toEqual([
      ['https://csrc.nist.gov/'],
      ['https://redis.io/docs/'],
    ]);
  });

  it('opens nothing a page asks for on its own: before any gesture, or long after one', () => {
    expect(open('https://csrc.nist.gov/')).toEqual({ action: 'deny' });
    click();
    clock += GESTURE_MS + 1;
    expect(open('https://csrc.nist.gov/')).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies window.open of anything else without opening it, gesture or not', () => {
    click();
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'app://nines/x',
      'https://example.com/',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  it('denies every permission request, check and device', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    hardenSession(session as unknown as Electron.Session);

    const [requestHandler] = session.setPermissionRequestHandler.mock.calls[0] as [
      (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const [checkHandler] = session.setPermissionCheckHandler.mock.calls[0] as [() => boolean];
    expect(checkHandler()).toBe(false);
    const [deviceHandler] = session.setDevicePermissionHandler.mock.calls[0] as [() => boolean];
    expect(deviceHandler()).toBe(false);
  });
});
