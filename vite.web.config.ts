// The renderer as a static web app: `npm run web` serves it, `npm run build:web` writes dist/web.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { headersFile } from './electron/main/csp';

/**
 * The dev server's React Fast Refresh preamble is an inline script, which the page's CSP
 * (`script-src 'self'`) refuses; allow inline scripts while serving only. Builds keep the CSP
 * exactly as written in renderer/index.html.
 */
function devInlineScripts(): Plugin {
  return {
    name: 'nines:dev-inline-scripts',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

/**
 * Writes `_headers` beside the build: the headers a static host should send with every file
 * (the policy with `frame-ancestors`, which a meta tag cannot carry, and for the workers, which
 * take their policy from their own response). Netlify and Cloudflare Pages read the file as it
 * is; docs/security.md gives the same for nginx, Apache and Caddy.
 */
function staticHostHeaders(): Plugin {
  return {
    name: 'nines:static-host-headers',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devInlineScripts(), staticHostHeaders()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // One bundle loaded from disk or localhost, never over a slow network: no need to split it.
    chunkSizeWarningLimit: 1024,
  },
  preview: { port: 4173, strictPort: true },
});
