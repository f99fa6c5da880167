/**
 * What a renderer may do beyond its page: nothing. Navigation, redirects, new windows,
 * webviews and permission requests are refused for every web contents and every session;
 * links open in the user's browser only when they are plain https URLs.
 */
import { app, shell, type Session, type WebContents } from 'electron';

/**
 * Whether `raw` may be handed to the user's browser: it must parse as an `https:` URL with a
 * host name (not an IP address, not localhost) and no user name or password in it.
 */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  if (host === '' || host === 'localhost' || host.endsWith('.localhost')) return false;
  // IPv6 literals keep their brackets in `hostname`; a dotted quad ends in digits.
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return false;
  return host.includes('.');
}

/** Opens an allowed URL in the user's browser; anything else is dropped. */
export function openExternalIfAllowed(raw: string): boolean {
  if (!isAllowedExternalUrl(raw)) return false;
  void shell.openExternal(raw);
  return true;
}

/** Locks one web contents: no navigation, no redirects, no webviews, no new windows. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
}

/** Refuses every permission (camera, notifications, clipboard read, HID, serial, ...). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Applies the rules above to every web contents the app will ever create. */
export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
    hardenSession(contents.session);
  });
}
