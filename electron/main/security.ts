/**
 * What a renderer may do beyond its page: nothing. Navigation, redirects, new windows,
 * webviews and permission requests are refused for every web contents and every session;
 * a link opens in the user's browser only when the user just clicked it (or pressed Enter or
 * Space) and it goes to a site the app cites.
 */
import { app, shell, type Session, type WebContents } from 'electron';

/**
 * The sites the app links to, by exact host name (https, default port): the NIST pages the
 * contingency plan cites (SP 800-34, the OSCAL catalog on GitHub), the Open-PSA MEF
 * specification the fault-tree export follows, and the providers' own documentation and pricing
 * pages the price book cites (assets/pricing/pricebook.json; the third-party blogs it also
 * cites as secondary sources are not opened). security.test.ts checks every such link in the
 * code against this list. A host is matched exactly: no subdomain, and an internationalised
 * look-alike (Cyrillic `о` for `o`) is a different, punycode host.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'csrc.nist.gov',
  'nvlpubs.nist.gov',
  'github.com',
  'open-psa.github.io',
  'aws.amazon.com',
  'docs.aws.amazon.com',
  'cloud.google.com',
  'learn.microsoft.com',
  'redis.io',
]);

/** How long after a click or key press a link may still open, ms. */
export const GESTURE_MS = 1000;

/**
 * Whether `raw` may be handed to the user's browser: an `https:` URL on the default port, with
 * no user name or password, whose host is one of {@link EXTERNAL_HOSTS}.
 */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  if (url.port !== '') return false;
  return EXTERNAL_HOSTS.has(url.hostname);
}

/** Opens an allowed URL in the user's browser; anything else is dropped. */
export function openExternalIfAllowed(raw: string): boolean {
  if (!isAllowedExternalUrl(raw)) return false;
  void shell.openExternal(raw);
  return true;
}

/**
 * Locks one web contents: no navigation, no redirects, no webviews, no new windows. A window a
 * page asks for is always denied; its URL opens in the browser only when allowed and asked
 * within {@link GESTURE_MS} of the user's click or Enter / Space in this web contents (a page
 * cannot open links on its own, from a timer or on load). `now` is the clock (tests pass one).
 */
export function hardenWebContents(contents: WebContents, now: () => number = Date.now): void {
  let lastGesture = Number.NEGATIVE_INFINITY;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('before-mouse-event', (_event, mouse) => {
    if (mouse.type === 'mouseDown' || mouse.type === 'mouseUp') lastGesture = now();
  });
  contents.on('before-input-event', (_event, input) => {
    const isKeyDown = input.type === 'keyDown' || input.type === 'rawKeyDown';
    if (isKeyDown && (input.key === 'Enter' || input.key === ' ')) lastGesture = now();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (now() - lastGesture <= GESTURE_MS) openExternalIfAllowed(url);
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
