// The renderer as a static web app: `npm run web` serves it, `npm run build:web` writes dist/web.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devInlineScripts()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // One bundle loaded from disk or localhost, never over a slow network: no need to split it.
    chunkSizeWarningLimit: 1024,
  },
  preview: { port: 4173, strictPort: true },
});
