import type { Catalogo } from '@contrato/catalogo.ts';
import type { Dependencia } from '@contrato/dependencias.ts';
import { type Actividad, DescartarPropuestaSchema, type Propuesta } from '@contrato/plan.ts';
import type { UsuarioEntidad } from '@contrato/usuarios.ts';
import { NOMBRE_ESTADO_PROPUESTA, planAceptaPropuestas } from '@core/propuestas.ts';
import { Badge, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { useState } from 'react';
import { Exito, MensajeError, TablaDesplazable } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaHora } from '../../ui/formato.ts';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { Termino } from '../../ui/termino.tsx';
import { Ventana } from '../../ui/ventana.tsx';
import { responsablesQuery } from '../catalogo/api.ts';
import { propuestasQuery, usePropuesta } from './api.ts';
import { type DatosActividad, FormularioActividad } from './formulario-actividad.tsx';

const COLOR_ESTADO = { pendiente: '#8a4b00', incorporada: '#1e6b2e', descartada: '#555555' } as const;

/** A proposal's activity as the form reads it (the form edits whole activities). */
const comoActividad = (p: Propuesta) => ({ id: p.id, ...p.datos }) as unknown as Actividad;

/**
 * The 1.ª línea proposes: a responsable de política drafts activities of the policies they lead; planeación
 * incorporates them into the plan (edited if needed, keeping the author) or sets them aside with a reason.
 */
export function PropuestasPlan({
  estadoPlan,
  catalogo,
  periodos,
  esquemas,
  dependencias,
  personas,
  objetivos,
}: {
  estadoPlan: string | null;
  catalogo: Catalogo;
  periodos: string[];
  /** The vigencia's schemes: an activity of an instrument with its own has its goals (the PTEP: 3). */
  esquemas?: ComponentProps<typeof FormularioActividad>['esquemas'];
  dependencias: Dependencia[];
  personas: UsuarioEntidad[];
  objetivos: { codigo: string; nombre: string }[];
}) {
  const { entidad, vigencia, puede, sesion } = useTrabajo();
  const propone = puede('plan.proponer');
  const consolida = puede('plan.editar');
  const propuestas = useQuery(propuestasQuery(entidad?.id, vigencia));
  const responsables = useQuery({
    ...responsablesQuery(entidad?.id, vigencia),
    enabled: !!entidad && propone,
  });
  const paso = usePropuesta(entidad?.id ?? '', vigencia);
  const [ventana, setVentana] = useState<
    { tipo: 'proponer' } | { tipo: 'incorporar' | 'corregir' | 'descartar'; propuesta: Propuesta } | null
  >(null);
  const [hecho, setHecho] = useState<string | null>(null);
  const abierto = planAceptaPropuestas(estadoPlan ? { estado: estadoPlan } : null);
  const mias = (responsables.data ?? [])
    .filter((r) => r.usuarioId === sesion.usuario.id)
    .map((r) => r.politica);
  const lista = (propuestas.data ?? []).filter((p) => consolida || p.autor.id === sesion.usuario.id);
  if (!propone && !(consolida && lista.length)) return null;
  const nombrePolitica = new Map(
    catalogo.dimensiones.flatMap((d) => d.politicas).map((p) => [p.clave, p.nombre]),
  );
  const edicion =
    ventana && (ventana.tipo === 'incorporar' || ventana.tipo === 'corregir')
      ? { tipo: ventana.tipo as 'incorporar' | 'corregir', propuesta: ventana.propuesta }
      : null;
  const cerrar = (mensaje?: string) => {
    setVentana(null);
    if (mensaje) setHecho(mensaje);
  };
  const formulario = (
    inicial: Actividad | undefined,
    etiqueta: string,
    alGuardar: (d: DatosActividad) => unknown,
  ) => (
    <FormularioActividad
      catalogo={catalogo}
      periodos={periodos}
      esquemas={esquemas}
      dependencias={dependencias}
      personas={personas}
      objetivos={objetivos}
      inicial={inicial}
      politicasPermitidas={consolida ? undefined : mias}
      etiquetaEnviar={etiqueta}
      alGuardar={alGuardar}
    />
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="propuestas-plan">
      <Stack gap="sm">
        <Title order={2} size="h4" id="propuestas-plan">
          {consolida ? 'Propuestas de la primera línea' : 'Mis propuestas para el plan'}
        </Title>
        <Text size="sm">
          Los responsables de política (<Termino t="primera-linea">primera línea</Termino>){' '}
          {consolida
            ? 'proponen actividades de sus políticas. Incorpórelas al plan, editándolas si hace falta (conservan su autor), o descártelas explicando por qué.'
            : 'proponen las actividades de sus políticas; planeación las consolida en el plan y les avisa.'}
        </Text>
        {hecho && <Exito>{hecho}</Exito>}
        <MensajeError error={propuestas.error} />
        {propone && !abierto && (
          <Text size="sm">El plan de {vigencia} ya no está en borrador: no recibe nuevas propuestas.</Text>
        )}
        {propone && abierto && mias.length === 0 && responsables.isSuccess && (
          <Text size="sm">
            Aún no es responsable de ninguna política en {vigencia}; planeación lo asigna en el catálogo.
          </Text>
        )}
        {propone && abierto && mias.length > 0 && (
          <Group>
            <Button onClick={() => setVentana({ tipo: 'proponer' })}>Proponer una actividad</Button>
          </Group>
        )}
        {lista.length > 0 && (
          <TablaDesplazable etiqueta="Propuestas de actividades">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Código</Table.Th>
                  <Table.Th>Actividad</Table.Th>
                  <Table.Th>Política</Table.Th>
                  <Table.Th>Propuesta por</Table.Th>
                  <Table.Th>Estado</Table.Th>
                  <Table.Th>Acciones</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lista.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.datos.codigo}</Table.Td>
                    <Table.Td>{p.datos.nombre}</Table.Td>
                    <Table.Td>{nombrePolitica.get(p.politica) ?? p.politica}</Table.Td>
                    <Table.Td>
                      {p.autor.nombre}
                      <Text size="xs">{fechaHora(new Date(p.creadoEn))}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="outline"
                        color={COLOR_ESTADO[p.estado]}
                        style={{ textTransform: 'none' }}
                      >
                        {NOMBRE_ESTADO_PROPUESTA[p.estado]}
                      </Badge>
                      {p.motivo && <Text size="xs">{p.motivo}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {p.estado === 'pendiente' && abierto && (
                        <Group gap="xs" wrap="nowrap">
                          {consolida && (
                            <>
                              <Button
                                size="xs"
                                onClick={() => setVentana({ tipo: 'incorporar', propuesta: p })}
                              >
                                Incorporar
                              </Button>
                              <Button
                                size="xs"
                                variant="outline"
                                onClick={() => setVentana({ tipo: 'descartar', propuesta: p })}
                              >
                                Descartar
                              </Button>
                            </>
                          )}
                          {!consolida && p.autor.id === sesion.usuario.id && (
                            <Button
                              size="xs"
                              variant="outline"
                              onClick={() => setVentana({ tipo: 'corregir', propuesta: p })}
                            >
                              Corregir
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TablaDesplazable>
        )}
      </Stack>
      <Ventana
        opened={ventana?.tipo === 'proponer'}
        onClose={() => setVentana(null)}
        title="Proponer una actividad"
        size="xl"
      >
        {ventana?.tipo === 'proponer' &&
          formulario(undefined, 'Enviar la propuesta a planeación', (datos) =>
            paso
              .mutateAsync({ paso: 'proponer', datos })
              .then(() => cerrar('La propuesta quedó enviada a planeación.')),
          )}
      </Ventana>
      <Ventana
        opened={!!edicion}
        onClose={() => setVentana(null)}
        title={
          edicion?.tipo === 'incorporar'
            ? `Incorporar al plan la propuesta de ${edicion.propuesta.autor.nombre}`
            : 'Corregir la propuesta'
        }
        size="xl"
      >
        {edicion &&
          formulario(
            comoActividad(edicion.propuesta),
            edicion.tipo === 'incorporar' ? 'Incorporar al plan' : 'Guardar la propuesta',
            (datos) =>
              paso
                .mutateAsync({ paso: edicion.tipo, id: edicion.propuesta.id, datos })
                .then(() =>
                  cerrar(
                    edicion.tipo === 'incorporar'
                      ? `La actividad ${edicion.propuesta.datos.codigo} quedó en el plan.`
                      : 'La propuesta quedó corregida.',
                  ),
                ),
          )}
      </Ventana>
      <Ventana
        opened={ventana?.tipo === 'descartar'}
        onClose={() => setVentana(null)}
        title="Descartar la propuesta"
      >
        {ventana?.tipo === 'descartar' && (
          <FormularioDescartar
            alEnviar={(motivo) =>
              paso
                .mutateAsync({ paso: 'descartar', id: ventana.propuesta.id, motivo })
                .then(() => cerrar('La propuesta quedó descartada y su autor recibió el motivo.'))
            }
          />
        )}
      </Ventana>
    </Paper>
  );
}

function FormularioDescartar({ alEnviar }: { alEnviar: (motivo: string) => Promise<unknown> }) {
  const form = useFormulario({
    inicial: { motivo: '' },
    esquema: DescartarPropuestaSchema,
    etiquetas: { motivo: 'Motivo para quien la propuso' },
  });
  return (
    <Formulario form={form} alEnviar={(v) => alEnviar(v.motivo)} etiquetaEnviar="Descartar">
      <Textarea {...campo(form, 'motivo')} required autosize minRows={3} />
    </Formulario>
  );
}
