import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['tests/{unit,db,contract}/**/*.test.ts'],
          // Vault tests run a real memory-hard KDF and write real files.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // main/index.ts and main/app/** against a typed fake of Electron (tests/electron/fake-electron.ts).
          name: 'electron',
          environment: 'node',
          include: ['tests/electron/**/*.test.ts'],
          exclude: ['tests/electron/bundle-*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // The built out/main and out/preload, loaded as Electron would load them; builds first when out/ is stale.
          name: 'electron-bundles',
          environment: 'node',
          include: ['tests/electron/bundle-*.test.ts'],
          globalSetup: ['tests/electron/ensure-build.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.ts'],
        },
      },
    ],
  },
});
