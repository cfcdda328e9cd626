import { defineConfig } from 'vite';

/** Builds the renderer (renderer/) into dist/renderer, served by server mode and by the desktop app. */
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  // The compliance check's worker is an ES module, like the page.
  worker: { format: 'es' },
  esbuild: { jsx: 'automatic' },
});
