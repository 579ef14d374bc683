import { createServer } from 'node:net';

/** A TCP port free on this machine right now (for tests and benchmarks that start servers). */
export function puertoLibre(): Promise<number> {
  return new Promise((ok, mal) => {
    const s = createServer();
    s.on('error', mal);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}
