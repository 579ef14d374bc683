// The entity's committees (CIGD, CICCI, the body that approves the plans): list, register one, and for one
// committee its posts and sessions, where a post changes holder and a session is registered.
import type { ComiteResumen, IntegranteComite } from '@contrato/comites.ts';
import { NOMBRE_ROL_INTEGRANTE, NOMBRE_TIPO_COMITE } from '@core/comites.ts';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina, TablaDesplazable } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil } from '../../ui/formato.ts';
import { Enlace } from '../../ui/router.tsx';
import './comites.css';
import { comiteQuery, comitesQuery, sesionesQuery } from './api.ts';
import { AgregarCargo, CambiarCargo, ConvocarSesion, RegistrarComite } from './formularios-comite.tsx';

export function ComitesPage() {
  const { entidad, puede } = useTrabajo();
  const comites = useQuery(comitesQuery(entidad?.id));
  return (
    <Pagina
      titulo="Comités"
      descripcion="El Comité Institucional de Gestión y Desempeño, el de Coordinación de Control Interno y el órgano que aprueba los planes: sus sesiones, decisiones, compromisos y actas."
    >
      {comites.isPending ? (
        <Cargando que="los comités" />
      ) : comites.error ? (
        <MensajeError error={comites.error} />
      ) : comites.data.length === 0 ? (
        <Text>La entidad aún no ha registrado sus comités.</Text>
      ) : (
        <Stack component="ul" className="lista-simple">
          {comites.data.map((c: ComiteResumen) => (
            <li key={c.id}>
              <Enlace a={`/comites/${c.id}`}>{c.nombre}</Enlace>
              <Text size="sm" c="dimmed">
                {NOMBRE_TIPO_COMITE[c.tipo]}
                {c.actoCreacion ? ` · ${c.actoCreacion}` : ''}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {entidad && puede('comite.gestionar') && <RegistrarComite entidadId={entidad.id} />}
    </Pagina>
  );
}

export function ComitePage() {
  const { comiteId } = useParams({ strict: false }) as { comiteId: string };
  const { entidad } = useTrabajo();
  const navegar = useNavigate();
  const comite = useQuery(comiteQuery(entidad?.id, comiteId));
  const sesiones = useQuery(sesionesQuery(entidad?.id, comiteId));
  const [cambiando, setCambiando] = useState<IntegranteComite | null>(null);
  const [cambiado, setCambiado] = useState<string | null>(null);
  const c = comite.data;
  return (
    <Pagina
      titulo={c?.nombre ?? 'Comité'}
      // Its kind only when the name does not already say it; always the act that created it.
      descripcion={
        c
          ? [
              c.nombre === NOMBRE_TIPO_COMITE[c.tipo] ? null : NOMBRE_TIPO_COMITE[c.tipo],
              c.actoCreacion && `Creado por ${c.actoCreacion}`,
            ]
              .filter(Boolean)
              .join(' · ')
          : undefined
      }
    >
      <Enlace a="/comites">Volver a los comités</Enlace>
      {comite.isPending ? (
        <Cargando que="el comité" />
      ) : comite.error ? (
        <MensajeError error={comite.error} />
      ) : (
        c &&
        entidad && (
          <>
            <section aria-labelledby="integrantes">
              <Title order={2} size="h3" id="integrantes" mb="sm">
                Integrantes por cargo
              </Title>
              {cambiado && <Exito>{cambiado}</Exito>}
              {c.integrantes.length === 0 ? (
                <Text>
                  El comité aún no tiene integrantes.
                  {c.puedeGestionar ? ' Agregue el primer cargo con el formulario de abajo.' : ''}
                </Text>
              ) : (
                <TablaDesplazable etiqueta="Integrantes del comité">
                  <table className="tabla-simple">
                    <thead>
                      <tr>
                        <th scope="col">Cargo</th>
                        <th scope="col">Titular</th>
                        <th scope="col">Rol</th>
                        <th scope="col">Participa con</th>
                        <th scope="col">Vigencia</th>
                        {c.puedeGestionar && (
                          <th scope="col">
                            <span className="solo-lector">Cambios</span>
                          </th>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {c.integrantes.map((i) => (
                        <tr key={i.id}>
                          <td>{i.cargo}</td>
                          <td>{i.titular ?? '—'}</td>
                          <td>{NOMBRE_ROL_INTEGRANTE[i.rol]}</td>
                          <td>{i.voto ? 'Voz y voto' : 'Voz'}</td>
                          <td>
                            Desde {fechaCivil(i.desde)}
                            {i.hasta ? ` hasta ${fechaCivil(i.hasta)}` : ''}
                          </td>
                          {c.puedeGestionar && (
                            <td>
                              <Button
                                variant="subtle"
                                size="compact-sm"
                                aria-label={`Cambiar titular o fecha final: ${i.cargo}`}
                                onClick={() => {
                                  setCambiado(null);
                                  setCambiando(i);
                                }}
                              >
                                Cambiar
                              </Button>
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TablaDesplazable>
              )}
            </section>
            {cambiando && (
              <CambiarCargo
                entidadId={entidad.id}
                comiteId={c.id}
                integrante={cambiando}
                cerrar={() => setCambiando(null)}
                alCambiar={setCambiado}
              />
            )}
            {c.puedeGestionar && <AgregarCargo entidadId={entidad.id} comiteId={c.id} />}
            <section aria-labelledby="sesiones">
              <Title order={2} size="h3" id="sesiones" mb="sm">
                Sesiones
              </Title>
              {sesiones.error && <MensajeError error={sesiones.error} />}
              {sesiones.data?.length === 0 && <Text>El comité aún no tiene sesiones registradas.</Text>}
              <Stack component="ul" className="lista-simple">
                {sesiones.data?.map((s) => (
                  <li key={s.id}>
                    <Enlace a={`/comites/${c.id}/sesiones/${s.id}`}>
                      Acta n.º {s.numero} de {s.anio} · {fechaCivil(s.fecha)}
                    </Enlace>
                    <Text size="sm" c="dimmed">
                      {s.caracter === 'ordinaria' ? 'Ordinaria' : 'Extraordinaria'} · {s.decisiones}{' '}
                      {s.decisiones === 1 ? 'decisión' : 'decisiones'}
                      {s.actaFirmada ? ' · acta firmada' : ''}
                    </Text>
                  </li>
                ))}
              </Stack>
            </section>
            {c.puedeGestionar && (
              <ConvocarSesion
                entidadId={entidad.id}
                comiteId={c.id}
                alRegistrar={(sesionId) =>
                  navegar({
                    to: '/comites/$comiteId/sesiones/$sesionId',
                    params: { comiteId: c.id, sesionId },
                    search: (b) => b,
                    // Opening the session just registered is where the person asked to go: nothing to ask.
                    ignoreBlocker: true,
                  })
                }
              />
            )}
          </>
        )
      )}
    </Pagina>
  );
}
