import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The API suite runs on PGlite always, and again on PostgreSQL when TEST_DATABASE_URL is set.
const bases = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    projects: [
      // Pure rules, and the contract's own words (no database).
      { test: { name: 'core', include: ['src/core/**/*.test.ts', 'src/contrato/**/*.test.ts'] } },
      {
        // The web's own components, in a DOM (happy-dom) with Testing Library: what a person sees and does.
        resolve: {
          alias: {
            '@core': fileURLToPath(new URL('./src/core', import.meta.url)),
            '@contrato': fileURLToPath(new URL('./src/contrato', import.meta.url)),
          },
        },
        test: {
          name: 'web',
          include: ['web/src/**/*.test.tsx', 'web/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['web/src/prueba-web.ts'],
          // A form test that types into five fields took 5,2 s with the API suites on the same two cores.
          testTimeout: 20_000,
        },
      },
      ...bases.map((db) => ({
        test: {
          name: `api-${db}`,
          include: ['src/**/*.test.ts'],
          exclude: ['src/core/**', 'src/contrato/**'],
          env: { MIPG_TEST_DB: db },
          // Migrates and seeds the template database that each test file copies (src/server/plantilla-prueba.ts).
          globalSetup: ['src/server/preparar-pruebas.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
    ],
  },
});
