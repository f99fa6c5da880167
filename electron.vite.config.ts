// The desktop build: `electron-vite build` writes out/main, out/preload and out/renderer.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * React Fast Refresh's preamble is an inline script that the page's CSP refuses; allow inline
 * scripts while serving only (the same exception as vite.web.config.ts). Builds keep the CSP of
 * renderer/index.html as written.
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
  main: {
    build: {
      // Bundle zod and shared/ into out/main: the packaged app ships out/ and nothing else.
      externalizeDeps: false,
      lib: { entry: resolve('electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    plugins: [react(), devInlineScripts()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
