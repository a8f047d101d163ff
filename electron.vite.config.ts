import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import { prerenderLockScreen } from './scripts/build/prerender-lock-screen.ts';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(root, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require node_modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [
      svelte({ configFile: resolve(root, 'svelte.config.js') }),
      prerenderLockScreen({
        root: resolve(root, 'renderer'),
        outDir: resolve(root, 'out/renderer'),
        appEntry: resolve(root, 'renderer/main.ts'),
        svelte: () => svelte({ configFile: resolve(root, 'svelte.config.js') }),
      }),
    ],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: {
        input: resolve(root, 'renderer/index.html'),
        // The app's code up to the lock screen in one file, which boot.ts imports after the first
        // paint; what boot.ts itself needs (Vite's loader for import(), the theme) stays apart.
        output: {
          codeSplitting: {
            groups: [
              { name: 'boot', test: /vite[\\/]preload-helper|renderer[\\/]lib[\\/]theme\.ts$|renderer[\\/]prerender[\\/]marker\.ts$/, priority: 2 },
              { name: 'app', test: /[\\/]renderer[\\/]main\.ts$/, priority: 1 },
            ],
          },
        },
      },
      // Minified, so the lock screen's share is small (npm run bench frontend). Source maps are
      // written for debugging but not linked from the code, and electron-builder leaves *.map out.
      minify: true,
      sourcemap: 'hidden',
    },
  },
});
