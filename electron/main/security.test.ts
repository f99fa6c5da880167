import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(() => Promise.resolve());
vi.mock('electron', () => ({ app: { on: vi.fn() }, shell: { openExternal } }));

const { hardenSession, hardenWebContents, isAllowedExternalUrl } = await import('./security');

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final',
    'https://docs.aws.amazon.com/whitepapers/latest/availability.html?x=1#top',
    'HTTPS://Redis.io/docs/',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://example.com/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['a custom scheme', 'ms-settings:privacy'],
    ['the app itself', 'app://nines/index.html'],
    ['credentials', 'https://user:pass@example.com/'],
    ['a user name', 'https://user@example.com/'],
    ['localhost', 'https://localhost:8443/'],
    ['a .localhost name', 'https://api.localhost/'],
    ['an IPv4 address', 'https://192.168.1.1/admin'],
    ['an IPv6 address', 'https://[::1]/'],
    ['a single-label host', 'https://intranet/'],
    ['not a URL', 'example.com'],
    ['an empty string', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
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
  beforeEach(() => {
    openExternal.mockClear();
    contents = new FakeWebContents();
    hardenWebContents(contents as unknown as Electron.WebContents);
  });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    expect(emitPreventable(contents, name)).toBe(true);
  });

  it('denies window.open and opens an allowed https link in the browser', () => {
    expect(contents.openHandler?.({ url: 'https://csrc.nist.gov/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://csrc.nist.gov/');
  });

  it('denies window.open of anything else without opening it', () => {
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'app://nines/x']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
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
