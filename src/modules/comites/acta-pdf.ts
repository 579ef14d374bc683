// The session's acta in the structure of the GTC 185 (carácter, número, fecha, asistentes y ausentes, orden del
// día, desarrollo, decisiones, compromisos, firmas), on the entity's common document base.
import type { Content } from 'pdfmake/interfaces.js';
import { NOMBRE_DECISION, NOMBRE_ROL_INTEGRANTE, NOMBRE_TIPO_COMITE } from '../../core/comites.ts';
import type { Db } from '../../db/client.ts';
import type { UsuarioSesion } from '../../server/sesiones.ts';
import { membreteDe } from '../documentos/membrete.ts';
import { documentoPdf, fechaPdf, seccionPdf, tablaPdf } from '../documentos/pdf.ts';
import { verSesion } from './comites.service.ts';

const parrafo = (texto: string): Content => ({ text: texto, margin: [0, 0, 0, 6] });

export async function actaPdf(
  db: Db,
  dataDir: string,
  u: UsuarioSesion | null,
  entidadId: string,
  comiteId: string,
  sesionId: string,
  generado?: Date,
) {
  const s = await verSesion(db, u, entidadId, comiteId, sesionId);
  const presentes = new Set(s.asistentes);
  const fila = (i: (typeof s.integrantes)[number]) => [
    i.cargo,
    i.titular,
    NOMBRE_ROL_INTEGRANTE[i.rol],
    i.voto ? 'Voz y voto' : 'Voz',
  ];
  const asistentes = s.integrantes.filter((i) => presentes.has(i.id));
  const ausentes = s.integrantes.filter((i) => !presentes.has(i.id) && i.rol !== 'invitado');
  const q = s.quorum;
  const firmantes = s.integrantes.filter((i) => i.rol === 'presidente' || i.rol === 'secretaria_tecnica');
  const contenido: Content[] = [
    tablaPdf(
      ['Carácter', 'Número', 'Fecha', 'Lugar'],
      [
        [
          s.caracter === 'ordinaria' ? 'Ordinaria' : 'Extraordinaria',
          `${s.numero} de ${s.anio}`,
          fechaPdf(s.fecha),
          s.lugar,
        ],
      ],
    ),
    seccionPdf('Asistentes'),
    asistentes.length
      ? tablaPdf(['Cargo', 'Titular', 'Rol', 'Participa con'], asistentes.map(fila), ['*', '*', 90, 70])
      : parrafo('No se registró asistencia.'),
    seccionPdf('Ausentes'),
    ausentes.length
      ? tablaPdf(['Cargo', 'Titular', 'Rol', 'Participa con'], ausentes.map(fila), ['*', '*', 90, 70])
      : parrafo('Ninguno.'),
    parrafo(
      q.hay
        ? `Hubo quórum para deliberar y decidir: asistieron ${q.presentesConVoto} de los ${q.conVoto} integrantes con voto (se requieren ${q.requeridos}).`
        : `No hubo quórum para decidir: asistieron ${q.presentesConVoto} de los ${q.conVoto} integrantes con voto (se requieren ${q.requeridos}).`,
    ),
    seccionPdf('Orden del día'),
    { ol: s.ordenDelDia, margin: [0, 0, 0, 6] },
    seccionPdf('Desarrollo'),
    ...(s.desarrollo.trim()
      ? s.desarrollo.split(/\n{2,}/).map(parrafo)
      : [parrafo('Sin observaciones registradas.')]),
    seccionPdf('Decisiones'),
    s.decisiones.length
      ? tablaPdf(
          ['N.º', 'Decisión', 'Descripción'],
          s.decisiones.map((d, n) => [n + 1, NOMBRE_DECISION[d.tipo], d.descripcion]),
          [28, 150, '*'],
        )
      : parrafo('No se tomaron decisiones.'),
    seccionPdf('Compromisos'),
    s.compromisos.length
      ? tablaPdf(
          ['N.º', 'Compromiso', 'Responsable', 'Fecha'],
          s.compromisos.map((k, n) => [n + 1, k.descripcion, k.responsable, fechaPdf(k.fecha)]),
          [28, '*', 120, 64],
        )
      : parrafo('No se acordaron compromisos.'),
    seccionPdf('Firmas'),
    {
      columns: (firmantes.length
        ? firmantes
        : [{ cargo: 'Presidente', titular: null, rol: 'presidente' as const }]
      ).map((f) => ({
        stack: [
          { text: '\n\n\n______________________________' },
          { text: f.titular ?? ' ', bold: true },
          { text: f.cargo },
          { text: NOMBRE_ROL_INTEGRANTE[f.rol], color: '#555555' },
        ],
      })),
      columnGap: 24,
      unbreakable: true,
    } as Content,
  ];
  const pdf = await documentoPdf({
    membrete: await membreteDe(db, dataDir, entidadId),
    titulo: `Acta n.º ${s.numero} de ${s.anio}`,
    subtitulo: `${s.comite.nombre}${s.comite.nombre === NOMBRE_TIPO_COMITE[s.comite.tipo] ? '' : ` (${NOMBRE_TIPO_COMITE[s.comite.tipo]})`}`,
    contenido,
    ...(generado ? { generado } : {}),
  });
  return { nombre: `acta-${s.numero}-${s.anio}.pdf`, contenido: pdf };
}
