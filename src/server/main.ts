import { ErrorConfiguracion } from '../db/client.ts';
import { prepararAdministrador } from '../modules/usuarios/administrador.service.ts';
import { construirApp } from './app.ts';
import { abrirBase } from './arranque.ts';
import { leerConfig } from './config.ts';

function salirConError(mensaje: string): never {
  console.error(`\n✖ MIPG Abierto no pudo iniciar: ${mensaje}\n`);
  process.exit(1);
}

try {
  const config = leerConfig();
  const conexion = await abrirBase(config);
  const enlace = await prepararAdministrador(conexion, config);
  const app = await construirApp({
    conexion,
    dataDir: config.dataDir,
    logger: true,
    servirWeb: true,
    evidenciaMaxBytes: config.evidenciaMaxBytes,
    confiarEnProxy: config.confiarEnProxy,
    correo: config.correo,
    resumenHora: config.resumenHora,
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    const code = (e as { code?: string }).code;
    await conexion.cerrar();
    if (code === 'EADDRINUSE')
      salirConError(
        `el puerto ${config.port} ya está en uso. Cierre el otro programa o elija otro con PORT=3001 npm start.`,
      );
    if (code === 'EACCES')
      salirConError(`no hay permiso para usar el puerto ${config.port}. Use uno mayor que 1024.`);
    throw e;
  }
  // Creating a new embedded database leaves ~300 MB of garbage from initdb: collect it soon, not someday.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) setTimeout(gc, 1000).unref();
  const base = `http://localhost:${config.port}`;
  console.log(
    `\nMIPG Abierto está listo en ${base} (base de datos: ${conexion.tipo === 'pglite' ? `embebida en ${config.dataDir}` : 'PostgreSQL'})`,
  );
  console.log(
    config.correo
      ? `Correo: activo, enviado por ${new URL(config.correo.smtpUrl).hostname} como ${config.correo.remitente}.`
      : 'Correo: desactivado (sin MIPG_SMTP_URL); los avisos quedan solo en la plataforma y los enlaces para definir contraseña se entregan en pantalla.',
  );
  if (enlace) {
    console.log(
      `\nPrimer arranque: cree la cuenta del administrador en este enlace de un solo uso:\n  ${base}${enlace}\n`,
    );
  }
  const cerrar = async () => {
    await app.close();
    await conexion.cerrar();
    process.exit(0);
  };
  process.on('SIGINT', cerrar);
  process.on('SIGTERM', cerrar);
} catch (e) {
  if (e instanceof ErrorConfiguracion || (e instanceof Error && e.message.startsWith('La variable')))
    salirConError(e.message);
  throw e;
}
