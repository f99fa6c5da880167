/**
 * The Content-Security-Policy of the renderer. The `app://` protocol sends it as a response
 * header; renderer/index.html carries the same policy as a `<meta>` tag (so the web build has
 * it too), and a unit test keeps the two identical. Everything comes from the app itself and
 * nothing reaches the network; inline styles are allowed because React Flow positions nodes
 * with `style`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The response headers a static web host should send with every file of the web build
 * (`npm run build:web` writes them to dist/web/_headers, the format of Netlify and Cloudflare
 * Pages; docs/security.md shows the same for nginx, Apache and Caddy). The policy is the meta
 * tag's plus what only a header can carry: `frame-ancestors 'none'` (no other site may frame
 * the app; a meta tag cannot say it), and, sent with the worker scripts too, the policy of the
 * workers themselves (a worker takes its policy from its own response, not from the page).
 */
export const STATIC_HOST_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};

/** {@link STATIC_HOST_HEADERS} as a `_headers` file: every path gets every header. */
export function headersFile(): string {
  const lines = Object.entries(STATIC_HOST_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return `/*\n${lines.join('\n')}\n`;
}
