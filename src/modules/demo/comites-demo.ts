// The demo hospital's committees: its Junta Directiva, which approved the plan in January, and its CIGD, which
// followed up each closed quarter in a session (with its acta and decision; the last one, a commitment).
import { and, asc, eq } from 'drizzle-orm';
import { sumarDias } from '../../core/calendario.ts';
import { ordenDelDia } from '../../core/comites.ts';
import type { Db } from '../../db/client.ts';
import {
  comite,
  compromisoComite,
  decisionComite,
  integranteComite,
  periodo,
  sesionComite,
} from '../../db/schema.ts';
import { guardarArchivo } from '../archivos/almacen.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { actaPdf } from '../comites/acta-pdf.ts';
import { integrantesParaActa } from '../comites/comites.service.ts';
import { insertarSesion } from '../comites/sesiones.repository.ts';
import type { PersonasDemo } from './plan-demo.ts';

type Cargo = Omit<typeof integranteComite.$inferInsert, 'comiteId'>;

const JUNTA: Cargo[] = [
  { cargo: 'Alcalde municipal de Mocoa', rol: 'presidente', voto: true, desde: '2024-01-01' },
  { cargo: 'Secretario de Salud municipal', rol: 'miembro', voto: true, desde: '2024-01-01' },
  { cargo: 'Representante de las asociaciones de usuarios', rol: 'miembro', voto: true, desde: '2024-01-01' },
  { cargo: 'Representante del sector científico', rol: 'miembro', voto: true, desde: '2024-01-01' },
  {
    cargo: 'Gerente',
    titular: 'Hernando Benavides Ortiz',
    rol: 'secretaria_tecnica',
    voto: false,
    desde: '2024-01-01',
  },
];

const CIGD: Cargo[] = [
  {
    cargo: 'Gerente',
    titular: 'Hernando Benavides Ortiz',
    rol: 'presidente',
    voto: true,
    desde: '2024-01-01',
  },
  {
    cargo: 'Jefe de la Oficina Asesora de Planeación',
    titular: 'Jorge Iván Burbano Córdoba',
    rol: 'secretaria_tecnica',
    voto: true,
    desde: '2024-01-01',
  },
  {
    cargo: 'Subgerente Científica',
    titular: 'Ana Cristina Jajoy Mavisoy',
    rol: 'miembro',
    voto: true,
    desde: '2024-01-01',
  },
  {
    cargo: 'Subgerente Administrativo y Financiero',
    titular: 'Édgar Fernando Paz Insuasty',
    rol: 'miembro',
    voto: true,
    desde: '2024-01-01',
  },
  {
    cargo: 'Líder de Talento Humano',
    titular: 'Martha Lucía Jacanamejoy Chindoy',
    rol: 'miembro',
    voto: true,
    desde: '2024-01-01',
  },
  {
    cargo: 'Jefe de la Oficina de Control Interno',
    titular: 'Claudia Patricia Muchavisoy Narváez',
    rol: 'invitado',
    voto: false,
    desde: '2024-01-01',
  },
];

async function crear(
  tx: Db,
  actor: Actor,
  entidadId: string,
  datos: typeof comite.$inferInsert,
  cargos: Cargo[],
) {
  const [c] = await tx.insert(comite).values(datos).returning();
  const integrantes = await tx
    .insert(integranteComite)
    .values(cargos.map((i) => ({ ...i, comiteId: c!.id })))
    .returning();
  await registrarAuditoria(tx, actor, {
    entidadId,
    accion: 'crear',
    recurso: 'comite',
    recursoId: c!.id,
    despues: { ...datos, integrantes: cargos },
  });
  return { comite: c!, integrantes };
}

export async function sembrarComitesDemo(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  personas: PersonasDemo,
  hoy: string,
  dataDir: string | null,
) {
  const cerrados = await db
    .select()
    .from(periodo)
    .where(and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, vigencia), eq(periodo.cerrado, true)))
    .orderBy(asc(periodo.numero));
  const seguido = cerrados.at(-1);
  const cigdSesiones = await db.transaction(async (tx) => {
    const junta = await crear(
      tx,
      actor,
      entidadId,
      {
        entidadId,
        tipo: 'organo_aprobacion',
        nombre: 'Junta Directiva',
        actoCreacion: 'Acuerdo 001 de 1996 del Concejo Municipal de Mocoa',
        fechaActoCreacion: '1996-03-15',
      },
      JUNTA,
    );
    // The January session that approved the plan (the plan's own approval record names it).
    const enero = await insertarSesion(tx, junta.comite.id, {
      caracter: 'ordinaria',
      fecha: `${vigencia}-01-27`,
      lugar: 'Sala de juntas de la gerencia',
      ordenDelDia: ordenDelDia('organo_aprobacion', {
        planesPorAprobar: [{ vigencia, version: 1 }],
        periodosSinSeguimiento: [],
        compromisosAbiertos: 0,
        informesControlInterno: [],
      }),
      desarrollo: `El gerente presentó el plan de acción ${vigencia}, sus actividades por política y sus metas por trimestre. La junta lo estudió y aprobó por unanimidad.`,
      convocadaPor: personas.persona('gerencia'),
    });
    await tx
      .update(sesionComite)
      .set({ asistentes: junta.integrantes.map((i) => i.id) })
      .where(eq(sesionComite.id, enero.id));
    await tx.insert(decisionComite).values({
      sesionId: enero.id,
      tipo: 'plan_aprobado',
      descripcion: `Aprobar el plan de acción ${vigencia} (Acuerdo 003 de ${vigencia}).`,
      vigencia,
      version: 1,
    });

    const cigd = await crear(
      tx,
      actor,
      entidadId,
      {
        entidadId,
        tipo: 'cigd',
        nombre: 'Comité Institucional de Gestión y Desempeño',
        actoCreacion: 'Resolución 112 de 2018 de la Gerencia',
        fechaActoCreacion: '2018-06-05',
      },
      CIGD,
    );
    if (!seguido) return [];
    // One session per closed quarter, after its reporting window; the last one recently (so the demo's
    // follow-up is within its three months), never after today.
    const sesiones: { comiteId: string; sesionId: string }[] = [];
    for (const p of cerrados) {
      const ultimo = p === seguido;
      const reciente = [sumarDias(p.cierra, 5), ...(ultimo ? [sumarDias(hoy, -20)] : [])].sort().at(-1)!;
      const fecha = [reciente, hoy].sort()[0]!;
      const trimestre = p.nombre.toLowerCase();
      const s = await insertarSesion(tx, cigd.comite.id, {
        caracter: 'ordinaria',
        fecha,
        lugar: 'Sala de juntas de la gerencia',
        ordenDelDia: ordenDelDia('cigd', {
          planesPorAprobar: [],
          periodosSinSeguimiento: [{ vigencia, periodo: p.numero, nombre: p.nombre }],
          compromisosAbiertos: 0,
          informesControlInterno: [],
        }),
        desarrollo: [
          `La secretaría técnica presentó el seguimiento al plan de acción ${vigencia} del ${trimestre}: avance por política y dependencia, y las actividades en riesgo con su explicación.`,
          ultimo
            ? 'El comité revisó las actividades atrasadas de gestión documental y de seguridad digital y pidió a sus responsables un plan de choque.'
            : 'El comité revisó las actividades en riesgo y pidió a sus responsables explicarlas en el próximo reporte.',
        ].join('\n\n'),
        convocadaPor: personas.persona('planeacion'),
      });
      // Five of the six posts attended (the Subgerente Administrativo y Financiero excused himself).
      await tx
        .update(sesionComite)
        .set({
          asistentes: cigd.integrantes
            .filter((i) => !i.cargo.startsWith('Subgerente Admin'))
            .map((i) => i.id),
        })
        .where(eq(sesionComite.id, s.id));
      await tx.insert(decisionComite).values({
        sesionId: s.id,
        tipo: 'seguimiento_trimestral',
        descripcion: `Se da por realizado el seguimiento al plan de acción ${vigencia} del ${trimestre}${ultimo ? '; las actividades en riesgo quedan con plan de choque' : ''}.`,
        vigencia,
        periodo: p.numero,
      });
      if (ultimo)
        await tx.insert(compromisoComite).values({
          sesionId: s.id,
          descripcion: 'Presentar el plan de choque de las actividades atrasadas de gestión documental',
          responsableId: personas.persona('archivo'),
          fecha: sumarDias(fecha, 30),
        });
      await registrarAuditoria(tx, actor, {
        entidadId,
        accion: 'convocar',
        recurso: 'sesion_comite',
        recursoId: s.id,
        despues: { comite: cigd.comite.nombre, fecha, seguimiento: { vigencia, periodo: p.numero } },
      });
      sesiones.push({ comiteId: cigd.comite.id, sesionId: s.id });
    }
    return sesiones;
  });
  // The sessions were held and their actas signed: each scan (here, the generated acta) is attached and locks it.
  if (!dataDir) return;
  for (const { comiteId, sesionId } of cigdSesiones) {
    const acta = await actaPdf(db, dataDir, null, entidadId, comiteId, sesionId);
    const hash = await guardarArchivo(dataDir, acta.contenido);
    await db
      .update(sesionComite)
      .set({
        actaHash: hash,
        actaNombre: 'acta-firmada.pdf',
        actaBytes: acta.contenido.length,
        actaAdjuntadaEn: new Date(),
        integrantesActa: await integrantesParaActa(db, comiteId),
      })
      .where(eq(sesionComite.id, sesionId));
  }
}
