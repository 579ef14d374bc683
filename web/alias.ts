import { fileURLToPath } from 'node:url';

/** The server's pure rules and contract, imported by the web as `@core/…` and `@contrato/…`. */
export const alias = {
  '@core': fileURLToPath(new URL('../src/core', import.meta.url)),
  '@contrato': fileURLToPath(new URL('../src/contrato', import.meta.url)),
};
