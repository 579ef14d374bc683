// `npm run cli -- <comando>`: administration tasks that work on either database.
import { createInterface } from 'node:readline/promises';
import { NOMBRE_ROL } from '../core/roles.ts';
import { ErrorConfiguracion } from '../db/client.ts';
import { verificarAuditoria } from '../modules/auditoria/auditoria.service.ts';
import { sembrarDemo } from '../modules/demo/demo.service.ts';
import { escribirRespaldo, restaurarRespaldo } from '../modules/respaldo/respaldo.service.ts';
import { crearAdministrador, emitirEnlaceInicial } from '../modules/usuarios/administrador.service.ts';
import { abrirBase } from '../server/arranque.ts';
import { leerConfig } from '../server/config.ts';

const AYUDA = `Uso: npm run cli -- <comando>

Comandos:
  create-admin <correo> [nombre]   Crea un administrador de la plataforma. La contraseña se toma de
                                   MIPG_ADMIN_PASSWORD o se pide en la terminal.
  enlace-inicial                   Imprime un nuevo enlace de un solo uso para crear el administrador de la
                                   plataforma (solo mientras no exista); el anterior deja de servir. Use
                                   MIPG_URL_PUBLICA para que el enlace lleve la dirección pública.
  seed-demo                        Crea la entidad de demostración (E.S.E. de Mocoa) con un usuario por rol.
  audit-verify                     Verifica la cadena de hashes de la bitácora de auditoría.
  backup <archivo>                 Guarda todos los datos y archivos en un respaldo (.tar.gz), por partes,
                                   sin importar su tamaño; antes verifica y ancla la bitácora.
  restore <archivo>                Restaura un respaldo en una base de datos vacía: verifica el SHA-256 y
                                   el número de filas de cada parte antes de guardar nada. También lee los
                                   respaldos antiguos (.json.gz).

Variables: DATABASE_URL (PostgreSQL) o MIPG_DATA_DIR (base embebida, por defecto ./data).`;

const describirFalla = (r: { falla: string; idRoto?: number; motivo: string }) =>
  r.falla === 'alterada' ? `el registro #${r.idRoto} no cuadra (${r.motivo})` : r.motivo;

const ACTOR = { usuarioId: null, correo: 'consola', ip: null };

async function preguntar(texto: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(texto);
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [comando, ...args] = argv;
  if (!comando || comando === 'help' || comando === '--help') {
    console.log(AYUDA);
    return comando ? 0 : 1;
  }
  const config = leerConfig();
  const necesitaArchivo = (que: string) => {
    if (!args[0])
      throw new ErrorConfiguracion(`Indique el archivo ${que}: npm run cli -- ${comando} <archivo>`);
    return args[0];
  };
  const conexion = await abrirBase(config);
  try {
    switch (comando) {
      case 'create-admin': {
        const correo = args[0];
        if (!correo)
          throw new ErrorConfiguracion('Indique el correo: npm run cli -- create-admin <correo> [nombre]');
        const clave =
          config.adminPassword ??
          (process.stdin.isTTY ? await preguntar('Contraseña del administrador: ') : '');
        if (!clave)
          throw new ErrorConfiguracion('Defina MIPG_ADMIN_PASSWORD o ejecute el comando en una terminal.');
        const r = await crearAdministrador(
          conexion,
          correo,
          clave,
          args.slice(1).join(' ') || 'Administrador',
        );
        console.log(
          r.creado ? `✔ Administrador ${correo} creado.` : `El usuario ${correo} ya existía; no se cambió.`,
        );
        return 0;
      }
      case 'enlace-inicial': {
        const camino = await emitirEnlaceInicial(conexion);
        if (!camino) {
          console.log(
            'La plataforma ya tiene administrador: no hace falta el enlace de configuración inicial.',
          );
          return 0;
        }
        const base = (process.env.MIPG_URL_PUBLICA?.trim() || `http://localhost:${config.port}`).replace(
          /\/+$/,
          '',
        );
        console.log(`Cree la cuenta del administrador en este enlace de un solo uso:\n  ${base}${camino}`);
        return 0;
      }
      case 'seed-demo': {
        const r = await sembrarDemo(conexion.db, ACTOR, config.dataDir);
        console.log(
          r.creada ? '✔ Entidad de demostración creada.' : 'La entidad de demostración ya existía.',
        );
        console.log(`\nUsuarios (contraseña de todos: ${r.clave}):`);
        for (const u of r.usuarios)
          console.log(`  ${u.correo.padEnd(42)} ${NOMBRE_ROL[u.rol]} — ${u.nombre}`);
        return 0;
      }
      case 'audit-verify': {
        const r = await verificarAuditoria(conexion.db, config.dataDir);
        if (r.ok) {
          console.log(`✔ Bitácora íntegra: ${r.revisados.toLocaleString('es-CO')} registros verificados.`);
          return 0;
        }
        console.error(`✖ Bitácora alterada: ${describirFalla(r)}.`);
        return 2;
      }
      case 'backup': {
        const destino = necesitaArchivo('de destino');
        const r = await escribirRespaldo(conexion.db, config.dataDir, destino);
        const filas = Object.values(r.tablas).reduce((a, b) => a + b, 0);
        console.log(
          `✔ Respaldo escrito en ${destino}: ${filas.toLocaleString('es-CO')} filas y ${r.archivos.toLocaleString('es-CO')} archivos.`,
        );
        if (r.bitacora && !r.bitacora.ok) {
          // The copy is still worth keeping: it preserves the evidence of the alteration.
          console.error(`✖ Atención: la bitácora está alterada: ${describirFalla(r.bitacora)}.`);
          return 2;
        }
        return 0;
      }
      case 'restore': {
        const origen = necesitaArchivo('de respaldo');
        const r = await restaurarRespaldo(conexion.db, config.dataDir, origen);
        const filas = Object.values(r.tablas).reduce((a, b) => a + b, 0);
        const v = await verificarAuditoria(conexion.db, config.dataDir);
        console.log(
          `✔ Respaldo restaurado: ${filas.toLocaleString('es-CO')} filas y ${r.archivos.toLocaleString('es-CO')} archivos. Bitácora: ${v.ok ? 'íntegra' : `alterada: ${describirFalla(v)}`}.`,
        );
        return v.ok ? 0 : 2;
      }
      default:
        console.error(`Comando desconocido: ${comando}\n\n${AYUDA}`);
        return 1;
    }
  } finally {
    await conexion.cerrar();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  console.error(`✖ ${(e as Error).message}`);
  process.exitCode = 1;
}
