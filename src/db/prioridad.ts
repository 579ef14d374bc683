// Writes ahead of reads (on the embedded database above all). PGlite is one connection that runs every
// statement synchronously on the server's own thread, first come first served: under many readers a write (a dozen
// statements, one after another) waited behind every read queued before each of its statements, and the
// chain of queued reads ran without ever letting the server read a new request. This queue sits in front
// of the PGlite client: one operation at a time, transactions and the statements of write requests first,
// and a turn of the event loop between operations. In front of PostgreSQL's pool (10 connections) the same
// queue has 10 places, one of them kept for writes, so a write never waits for a connection behind reads.
import { AsyncLocalStorage } from 'node:async_hooks';

const contexto = new AsyncLocalStorage<boolean>();

/** Runs `fn` (and everything it starts) with its database operations ahead of ordinary reads. */
export function conPrioridad<T>(fn: () => T): T {
  return contexto.run(true, fn);
}

/** Whether the current request asked for priority (a write: POST, PUT, PATCH, DELETE). */
export const esPrioritario = () => contexto.getStore() === true;

export interface OpcionesCola {
  /**
   * How many prioritary operations may go in a row while a read waits; then one read goes. It bounds a
   * read's wait (no starvation) when writes never stop.
   */
  maxSeguidas?: number;
  /** Operations at once; 1 by default. */
  plazas?: number;
  /** Places only prioritary operations may take (0 by default): a write never waits for a place. */
  reservadas?: number;
}

interface Turno {
  soltar: () => void;
}

/**
 * `plazas` operations at a time (1 for PGlite, the pool's size for PostgreSQL); prioritary ones before the
 * rest, each class in arrival order.
 */
export class ColaPrioridad {
  readonly #altas: Turno[] = [];
  readonly #bajas: Turno[] = [];
  #libres: number;
  #seguidas = 0;
  readonly #maxSeguidas: number;
  readonly #reservadas: number;

  constructor(opciones: OpcionesCola = {}) {
    this.#maxSeguidas = opciones.maxSeguidas ?? 8;
    this.#libres = opciones.plazas ?? 1;
    this.#reservadas = opciones.reservadas ?? 0;
  }

  /** Operations waiting for their turn (not counting those running). */
  get esperando() {
    return this.#altas.length + this.#bajas.length;
  }

  /** Waits for a place; returns how to give it back (only the first call counts). */
  async tomar(prioritaria: boolean): Promise<() => void> {
    const ya = prioritaria
      ? this.#libres > 0 && this.#altas.length === 0
      : this.#libres > this.#reservadas && this.esperando === 0;
    if (ya) this.#libres--;
    else await new Promise<void>((soltar) => (prioritaria ? this.#altas : this.#bajas).push({ soltar }));
    let devuelta = false;
    return () => {
      if (devuelta) return;
      devuelta = true;
      // The next operation starts on a later turn of the event loop: requests that arrived meanwhile
      // (a write among them) are read first, instead of a chain of queued reads running back to back.
      setImmediate(() => this.#siguiente());
    };
  }

  async ejecutar<T>(prioritaria: boolean, fn: () => Promise<T>): Promise<T> {
    const devolver = await this.tomar(prioritaria);
    try {
      return await fn();
    } finally {
      devolver();
    }
  }

  /** A place came back: to the next in line, or free. */
  #siguiente() {
    // A read may take the place that came back only if the reserved ones stay free.
    const paraLectura = this.#bajas.length > 0 && this.#libres >= this.#reservadas;
    const leerYa = paraLectura && this.#seguidas >= this.#maxSeguidas;
    let turno: Turno | undefined;
    if (this.#altas.length > 0 && !leerYa) {
      turno = this.#altas.shift();
      this.#seguidas++;
    } else if (paraLectura) {
      turno = this.#bajas.shift();
      this.#seguidas = 0;
    }
    if (turno) turno.soltar();
    else this.#libres++;
  }
}

type Operacion = (...args: never[]) => Promise<unknown>;

/**
 * The PGlite client as drizzle uses it (`query`, `exec`, `transaction`), each call through `cola`.
 * Statements inside a transaction go straight to PGlite: the transaction already holds the turn.
 */
export function enCola<C extends object>(cliente: C, cola: ColaPrioridad): C {
  return new Proxy(cliente, {
    get(objetivo, nombre) {
      const valor = Reflect.get(objetivo, nombre, objetivo);
      if (typeof valor !== 'function') return valor;
      const metodo = (valor as Operacion).bind(objetivo);
      if (nombre === 'transaction') return (...args: never[]) => cola.ejecutar(true, () => metodo(...args));
      if (nombre === 'query' || nombre === 'exec')
        return (...args: never[]) => cola.ejecutar(esPrioritario(), () => metodo(...args));
      return metodo;
    },
  });
}

interface Pool {
  query(...args: never[]): Promise<unknown>;
  connect(): Promise<{ release: (error?: Error | boolean) => void }>;
}

/**
 * A node-postgres pool as drizzle uses it: `query` through `cola` with the request's priority; `connect`
 * (a transaction) prioritary, holding its place until the connection is released.
 */
export function poolEnCola<P extends Pool>(pool: P, cola: ColaPrioridad): P {
  return new Proxy(pool, {
    get(objetivo, nombre) {
      const valor = Reflect.get(objetivo, nombre, objetivo);
      if (typeof valor !== 'function') return valor;
      if (nombre === 'query')
        return (...args: never[]) => cola.ejecutar(esPrioritario(), () => objetivo.query(...args));
      if (nombre === 'connect')
        return async () => {
          const devolver = await cola.tomar(true);
          try {
            const cliente = await objetivo.connect();
            const soltar = cliente.release.bind(cliente);
            cliente.release = (error) => {
              devolver();
              soltar(error);
            };
            return cliente;
          } catch (e) {
            devolver();
            throw e;
          }
        };
      return (valor as Operacion).bind(objetivo);
    },
  });
}
