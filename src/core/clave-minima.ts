// Apart from core/clave.ts so the contract (and the browser's forms) get the length without the
// leaked-password dictionary (200 KB gzip).
export const CLAVE_MINIMA = 10;
