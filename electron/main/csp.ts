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
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
