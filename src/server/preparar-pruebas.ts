// Vitest global setup of the API projects (vitest.config.ts): the template database is made here once, before
// the workers start, so they never race to build it; in PostgreSQL it is dropped at the end with every
// database of the run that a failed test file left behind.
import type { TestProject } from 'vitest/node';
import {
  asegurarPlantillaPglite,
  borrarBasesPostgres,
  crearPlantillaPostgres,
  type PlantillaPostgres,
} from './plantilla-prueba.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    plantillaPostgres?: PlantillaPostgres;
  }
}

export default async function preparar(project: TestProject) {
  if (project.config.env.MIPG_TEST_DB !== 'postgres') {
    await asegurarPlantillaPglite();
    return;
  }
  const servidor = process.env.TEST_DATABASE_URL!;
  const plantilla = await crearPlantillaPostgres(servidor);
  project.provide('plantillaPostgres', plantilla);
  return async () => {
    const sobrantes = await borrarBasesPostgres(servidor, plantilla);
    if (sobrantes.length)
      console.warn(`Bases de prueba que no se cerraron y se borraron al final: ${sobrantes.join(', ')}`);
  };
}
