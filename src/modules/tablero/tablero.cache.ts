// Building blocks of the dashboard cache (tablero.service.ts): a map bounded by bytes that forgets the least
// recently used entries first, and reads of an entity's data version shared by the requests waiting for one.

/** Least recently used first out, bounded by the sum of the sizes given on `poner`. */
export class CacheLru<V> {
  private readonly datos = new Map<string, { valor: V; bytes: number }>();
  private total = 0;
  constructor(readonly maximoBytes: number) {}

  get bytes() {
    return this.total;
  }
  get size() {
    return this.datos.size;
  }

  tomar(clave: string): V | undefined {
    const e = this.datos.get(clave);
    if (!e) return undefined;
    // Map keeps insertion order: moving the entry to the end makes the first one the least recently used.
    this.datos.delete(clave);
    this.datos.set(clave, e);
    return e.valor;
  }

  poner(clave: string, valor: V, bytes: number) {
    this.quitar(clave);
    // An entry larger than the whole cache is not kept: it would push everything else out for nothing.
    if (bytes > this.maximoBytes) return;
    this.datos.set(clave, { valor, bytes });
    this.total += bytes;
    for (const [k, e] of this.datos) {
      if (this.total <= this.maximoBytes) break;
      this.datos.delete(k);
      this.total -= e.bytes;
    }
  }

  quitar(clave: string) {
    const e = this.datos.get(clave);
    if (!e) return;
    this.datos.delete(clave);
    this.total -= e.bytes;
  }

  quitarSi(condicion: (clave: string) => boolean) {
    for (const clave of [...this.datos.keys()]) if (condicion(clave)) this.quitar(clave);
  }
}

/**
 * Reads of a value that changes with every committed write (an entity's latest audit entry), shared by the
 * callers that asked while no read had started yet. A caller never joins a read already under way: it may
 * have begun before the caller's own write committed. So every caller gets a value read after it asked,
 * with at most one read in flight per key and, under load, one read for many callers.
 */
export class LecturasCompartidas<T> {
  private readonly enCurso = new Map<string, Promise<unknown>>();
  private readonly siguiente = new Map<string, Promise<T>>();
  constructor(private readonly leer: (clave: string) => Promise<T>) {}

  pedir(clave: string): Promise<T> {
    const esperando = this.siguiente.get(clave);
    if (esperando) return esperando;
    const anterior = this.enCurso.get(clave);
    const empezar = () => {
      // From here on, later callers wait for the next read.
      if (anterior) this.siguiente.delete(clave);
      const p = this.leer(clave);
      const fin = p.then(
        () => {},
        () => {},
      );
      this.enCurso.set(clave, fin);
      void fin.then(() => {
        if (this.enCurso.get(clave) === fin) this.enCurso.delete(clave);
      });
      return p;
    };
    const lectura: Promise<T> = anterior ? anterior.then(empezar) : empezar();
    if (anterior) this.siguiente.set(clave, lectura);
    return lectura;
  }
}
