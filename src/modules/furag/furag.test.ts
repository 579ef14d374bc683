// The official FURAG results: the platform admin loads the published file (header not in the first row, codes
// with line breaks, blanks meaning «no aplica», a control-interno-only entity), and each entity reads its
// scores against its grupo par, computed from the file. Hand-computed figures.
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entidad } from '../../db/schema.ts';
import {
  auditoriaDesde,
  escenarioConPlan,
  nitDePrueba,
  nuevaActividad,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: AppPrueba;
let hospital: string;
let personeria: string;
let sinFila: string;
let planeacion: Sesion;
beforeAll(async () => {
  t = await crearAppPrueba();
  hospital = await t.crearEntidad('E.S.E. Hospital Sintético de Mocoa', '846000253-6');
  personeria = await t.crearEntidad('Personería Municipal de Sibundoy', '800197268-4');
  sinFila = await t.crearEntidad('Alcaldía de Ningún Lugar', '800102891-6');
  await t.conexion.db.update(entidad).set({ codigoSigep: '9001' }).where(eq(entidad.id, hospital));
  planeacion = await t.usuarioCon(hospital, ['planeacion']);
});
afterAll(() => t.cerrar());

// Two title rows, then the header; «;» as Excel in Colombia saves CSV. Grupo «ESE GRUPO 1»: IDI 50, 60, 70
// (mean 60), the hospital has 60 → place 2 of 3, quintil 3 (mid-rank percentile 0,5). POL19: 80, 90, 70.
const ARCHIVO = [
  'Resultados FURAG 2025 (archivo sintético de prueba);;;;;;;;',
  ';;;;;;;;',
  'Código SIGEP;Entidad;Departamento;Tipo de formulario;Grupo par;"Índice de Desempeño\nInstitucional";"D04\nEvaluación de Resultados";"POL19 Índice de\nControl Interno";I01 Calidad de la planeación estratégica del talento humano;Observaciones',
  '9001;E.S.E. Hospital Sintético de Mocoa;Putumayo;MIPG;ESE GRUPO 1;60;55,5;80;;',
  '9002;E.S.E. Hospital Ficticio Uno;Putumayo;MIPG;ESE GRUPO 1;50;45;90;40;',
  '9003;E.S.E. Hospital Ficticio Dos;Nariño;MIPG;ESE GRUPO 1;70;65;70;60;',
  '9100;Personería Municipal de Sibundoy;Putumayo;MECI;PERSONERÍAS;;;62,5;;',
  '9101;Personería Ficticia;Putumayo;MECI;PERSONERÍAS;;;72,5;;',
].join('\r\n');

const cargar = (contenido: Buffer | string, tipo = 'text/csv', sesion: Sesion = t.admin, vigencia = '2025') =>
  t.app.inject({
    method: 'POST',
    url: `/api/furag/resultados/import?vigencia=${vigencia}`,
    headers: { cookie: sesion.cookie, 'x-csrf-token': sesion.csrf, 'content-type': tipo },
    payload: contenido,
  });

describe('resultados FURAG oficiales', () => {
  it('el administrador de la plataforma carga el archivo publicado; nadie más puede', async () => {
    expect((await cargar(ARCHIVO, 'text/csv', planeacion)).statusCode).toBe(403);
    const desde = await ultimaAuditoria(t);
    const r = await cargar(ARCHIVO);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toEqual({ entidades: 5, columnas: { reconocidas: 4, ignoradas: ['Observaciones'] } });
    const [registro] = await auditoriaDesde(t, desde, 'furag_resultados');
    expect(registro).toMatchObject({ accion: 'importar', recursoId: '2025' });
  });

  it('la entidad ve sus puntajes frente a su grupo par, encontrada por su código SIGEP', async () => {
    const r = await t.exigir(200, planeacion, 'GET', `/api/entidades/${hospital}/furag?vigencia=2025`);
    expect(r).toMatchObject({
      vigencia: 2025,
      grupoPar: 'ESE GRUPO 1',
      fila: { codigoSigep: '9001', coincidencia: 'sigep', tipoFormulario: 'MIPG' },
      idi: {
        puntaje: 60,
        grupoPar: { entidades: 3, promedio: 60, maximo: 70, minimo: 50, posicion: 2, quintil: 3 },
      },
    });
    expect(r.dimensiones).toEqual([
      {
        codigo: 'D4',
        nombre: expect.any(String),
        puntaje: 55.5,
        grupoPar: {
          entidades: 3,
          promedio: expect.closeTo(55.17, 2),
          maximo: 65,
          minimo: 45,
          posicion: 2,
          quintil: 3,
        },
      },
    ]);
    expect(r.politicas[0]).toMatchObject({
      codigo: 'POL19',
      puntaje: 80,
      grupoPar: { promedio: 80, posicion: 2 },
    });
    // I01 does not apply to the hospital (blank): no score, no place, but the group's figures are there.
    expect(r.indices[0]).toMatchObject({
      codigo: 'I01',
      puntaje: null,
      grupoPar: { entidades: 2, promedio: 50, posicion: null, quintil: null },
    });
  });

  it('una personería (solo formulario de control interno) se encuentra por su nombre y solo tiene POL19', async () => {
    const admin = await t.usuarioCon(personeria, ['consulta']);
    const r = await t.exigir(200, admin, 'GET', `/api/entidades/${personeria}/furag`);
    expect(r).toMatchObject({ vigencia: 2025, fila: { coincidencia: 'nombre', tipoFormulario: 'MECI' } });
    expect(r.idi).toEqual({ puntaje: null, grupoPar: null });
    expect(r.dimensiones.map((d: { puntaje: number | null }) => d.puntaje)).toEqual([null]);
    expect(r.politicas[0]).toMatchObject({
      puntaje: 62.5,
      grupoPar: { entidades: 2, promedio: 67.5, posicion: 2, quintil: 2 },
    });
  });

  it('sin fila en el archivo: 404 que pide el código SIGEP; otra entidad no ve los resultados de esta', async () => {
    const alguien = await t.usuarioCon(sinFila, ['planeacion']);
    const r = await t.pedir(alguien, 'GET', `/api/entidades/${sinFila}/furag?vigencia=2025`);
    expect(r.statusCode).toBe(404);
    expect(r.json().mensaje).toMatch(/registre su código SIGEP/);
    expect((await t.pedir(alguien, 'GET', `/api/entidades/${hospital}/furag`)).statusCode).toBe(403);
    const otra = await t.pedir(planeacion, 'GET', `/api/entidades/${hospital}/furag?vigencia=2019`);
    expect(otra.statusCode).toBe(404);
    expect(otra.json().mensaje).toContain('2019');
  });

  it('un archivo con problemas se rechaza entero con su informe, y la carga anterior queda', async () => {
    const malo = ARCHIVO.replace(
      '9002;E.S.E. Hospital Ficticio Uno;Putumayo;MIPG;ESE GRUPO 1;50',
      '9002;;Putumayo;MIPG;ESE GRUPO 1;150',
    );
    const r = await cargar(malo);
    expect(r.statusCode).toBe(400);
    expect(r.json().mensaje).toBe('El archivo tiene 1 problema: no se cargó ningún resultado.');
    expect(r.json().problemas).toEqual([
      { fila: 5, columna: 'Entidad', problema: 'Falta el nombre de la entidad.' },
    ]);
    const sigue = await t.exigir(200, planeacion, 'GET', `/api/entidades/${hospital}/furag?vigencia=2025`);
    expect(sigue.idi.grupoPar.entidades).toBe(3);
    const vacio = await cargar(Buffer.alloc(0));
    expect(vacio.statusCode).toBe(400);
    const sinCodigos = await cargar('Entidad;Puntaje\r\nA;1\r\n');
    expect(sinCodigos.json().mensaje).toMatch(/^No se encontró la fila de encabezados/);
  });

  it('la historia muestra cada vigencia cargada en que el archivo tiene la fila de la entidad, la más antigua primero', async () => {
    // 2024: the hospital is in the file by its SIGEP code; the personería is not.
    const antes = [
      'Código SIGEP;Entidad;Departamento;Grupo par;IDI;D04 Evaluación de Resultados;POL19 Control Interno',
      '9001;E.S.E. Hospital Sintético de Mocoa;Putumayo;ESE GRUPO 1;48,5;40;70',
      '9002;E.S.E. Hospital Ficticio Uno;Putumayo;ESE GRUPO 1;52;50;75',
    ].join('\r\n');
    expect((await cargar(antes, 'text/csv', t.admin, '2024')).statusCode).toBe(201);
    const h = await t.exigir(200, planeacion, 'GET', `/api/entidades/${hospital}/furag/historia`);
    expect(h.vigencias.map((v: { vigencia: number }) => v.vigencia)).toEqual([2024, 2025]);
    expect(h.vigencias[0]).toMatchObject({
      grupoPar: 'ESE GRUPO 1',
      idi: { codigo: 'IDI', puntaje: 48.5, grupoPar: { promedio: 50.25, posicion: 2 } },
      dimensiones: [{ codigo: 'D4', nombre: expect.any(String), puntaje: 40 }],
    });
    const p = await t.usuarioCon(personeria, ['consulta']);
    const hp = await t.exigir(200, p, 'GET', `/api/entidades/${personeria}/furag/historia`);
    expect(hp.vigencias.map((v: { vigencia: number }) => v.vigencia)).toEqual([2025]);
    // The entity reads any loaded vigencia, and the answer lists them all.
    const r = await t.exigir(200, planeacion, 'GET', `/api/entidades/${hospital}/furag?vigencia=2024`);
    expect(r.vigencias).toEqual([2025, 2024]);
    expect(r.idi.puntaje).toBe(48.5);
  });

  it('los índices más débiles traen las actividades de los planes siguientes etiquetadas con ellos', async () => {
    const e = await escenarioConPlan(t, { vigencia: 2026, estadoPlan: 'borrador', nit: nitDePrueba(77) });
    await t.conexion.db.update(entidad).set({ codigoSigep: '9200' }).where(eq(entidad.id, e.entidadId));
    const archivo = [
      'Código SIGEP;Entidad;Grupo par;IDI;I01 Calidad de la planeación;I02 Eficiencia;I03 Gestión;I04 Integridad',
      '9200;E.S.E. Hospital de Prueba;G;55;30;;80;30',
      '9201;Otra;G;65;70;60;50;60',
    ].join('\r\n');
    expect((await cargar(archivo, 'text/csv', t.admin, '2023')).statusCode).toBe(201);
    const etiquetada = await nuevaActividad(t, e, {
      codigo: 'TH-01',
      politica: 'talento_humano',
      indiceFurag: 'I04',
    });
    await nuevaActividad(t, e, { codigo: 'TH-02', indiceFurag: 'I03' });
    const r = await t.exigir(200, e.planeacion, 'GET', `${e.base}/furag?vigencia=2023`);
    // I02 does not apply (blank); I04 and I01 tie at 30, I04 further below its group's mean (45 against 50).
    expect(r.indicesDebiles.map((d: { codigo: string }) => d.codigo)).toEqual(['I01', 'I04', 'I03']);
    expect(r.indicesDebiles[0]).toMatchObject({
      nombre: 'Calidad de la planeación',
      puntaje: 30,
      actividades: [],
    });
    expect(r.indicesDebiles[1].actividades).toEqual([
      { id: etiquetada.id, vigencia: 2026, codigo: 'TH-01', nombre: etiquetada.nombre },
    ]);
    expect(r.indicesDebiles[2].actividades.map((a: { codigo: string }) => a.codigo)).toEqual(['TH-02']);
  });

  it('cada entidad compara las de su departamento (una gobernación, todo el suyo); el administrador, cualquiera', async () => {
    const gob = await t.crearEntidad('Gobernación del Putumayo', nitDePrueba(88));
    await t.conexion.db
      .update(entidad)
      .set({ orden: 'departamental', departamento: 'PUTUMAYO' })
      .where(eq(entidad.id, gob));
    const alguien = await t.usuarioCon(gob, ['consulta']);
    const d = await t.exigir(200, alguien, 'GET', `/api/entidades/${gob}/furag/departamento?vigencia=2025`);
    expect(d.departamento).toBe('Putumayo');
    expect(d.departamentos).toEqual(['Nariño', 'Putumayo']);
    expect(d.columnas.map((c: { codigo: string }) => c.codigo)).toEqual(['IDI', 'D4']);
    // Best IDI first; the personerías (no IDI) last, by name.
    expect(d.entidades.map((x: { entidad: string }) => x.entidad)).toEqual([
      'E.S.E. Hospital Sintético de Mocoa',
      'E.S.E. Hospital Ficticio Uno',
      'Personería Ficticia',
      'Personería Municipal de Sibundoy',
    ]);
    expect(d.promedios).toEqual({ IDI: 55, D4: expect.closeTo(50.25, 2) });
    expect(d.entidades[2].puntajes).toEqual({ IDI: null, D4: null });
    const otro = await t.pedir(
      alguien,
      'GET',
      `/api/entidades/${gob}/furag/departamento?departamento=Nariño`,
    );
    expect(otro.statusCode).toBe(403);
    const sinDepartamento = await t.pedir(planeacion, 'GET', `/api/entidades/${hospital}/furag/departamento`);
    expect(sinDepartamento.statusCode).toBe(409);
    expect(sinDepartamento.json().mensaje).toMatch(/Registre el departamento/);
    const admin = await t.exigir(
      200,
      t.admin,
      'GET',
      `/api/entidades/${hospital}/furag/departamento?vigencia=2025&departamento=narino`,
    );
    expect(admin.entidades.map((x: { entidad: string }) => x.entidad)).toEqual([
      'E.S.E. Hospital Ficticio Dos',
    ]);
    const nada = await t.pedir(
      t.admin,
      'GET',
      `/api/entidades/${hospital}/furag/departamento?departamento=Vaupés`,
    );
    expect(nada.statusCode).toBe(404);
  });

  it('sin código SIGEP, la entidad ve las filas de nombre parecido para reconocer la suya', async () => {
    const parecida = await t.crearEntidad('Hospital Ficticio Uno E.S.E.', nitDePrueba(99));
    const alguien = await t.usuarioCon(parecida, ['consulta']);
    const c = await t.exigir(
      200,
      alguien,
      'GET',
      `/api/entidades/${parecida}/furag/candidatos?vigencia=2025`,
    );
    expect(c.candidatos[0]).toMatchObject({ entidad: 'E.S.E. Hospital Ficticio Uno', codigoSigep: '9002' });
  });

  // Last: it replaces the vigencia's load that the tests above read.
  it('el libro .xlsx nacional, más ancho que la plantilla del plan, reemplaza la carga de la vigencia', async () => {
    const libro = new ExcelJS.Workbook();
    const hoja = libro.addWorksheet('Resultados');
    const indices = Array.from(
      { length: 110 },
      (_, i) => `I${String(i + 1).padStart(2, '0')} Índice ${i + 1}`,
    );
    hoja.addRow(['Resultados FURAG 2025']);
    hoja.addRow([]);
    hoja.addRow(['Código SIGEP', 'Entidad', 'Grupo par', 'IDI', ...indices]);
    hoja.addRow(['9001', 'E.S.E. Hospital Sintético de Mocoa', 'ESE GRUPO 1', 75, ...indices.map(() => 50)]);
    hoja.addRow(['9002', 'E.S.E. Hospital Ficticio Uno', 'ESE GRUPO 1', 65, ...indices.map(() => 40)]);
    const r = await cargar(Buffer.from(await libro.xlsx.writeBuffer()), XLSX);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toEqual({ entidades: 2, columnas: { reconocidas: 111, ignoradas: [] } });
    const ahora = await t.exigir(200, planeacion, 'GET', `/api/entidades/${hospital}/furag?vigencia=2025`);
    expect(ahora.idi).toEqual({
      puntaje: 75,
      grupoPar: { entidades: 2, promedio: 70, maximo: 75, minimo: 65, posicion: 1, quintil: 4 },
    });
    expect(ahora.indices).toHaveLength(110);
    expect(ahora.dimensiones).toEqual([]);
  });
});
