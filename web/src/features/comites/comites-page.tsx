// The entity's committees (CIGD, CICCI, the body that approves the plans): list, register one, and for one
// committee its posts and sessions, where a session is convened.
import type { ComiteResumen } from '@contrato/comites.ts';
import { hoyEnColombia } from '@core/calendario.ts';
import {
  NOMBRE_ROL_INTEGRANTE,
  NOMBRE_TIPO_COMITE,
  ROLES_INTEGRANTE,
  type RolIntegrante,
  TIPOS_COMITE,
  type TipoComite,
} from '@core/comites.ts';
import {
  Button,
  Checkbox,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina, TablaDesplazable } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil, fechaIso } from '../../ui/formato.ts';
import { Enlace } from '../../ui/router.tsx';
import './comites.css';
import {
  comiteQuery,
  comitesQuery,
  sesionesQuery,
  useAgregarIntegrante,
  useConvocar,
  useCrearComite,
} from './api.ts';

const hoyCivil = () => fechaCivil(hoyEnColombia());

function RegistrarComite({ entidadId }: { entidadId: string }) {
  const crear = useCrearComite(entidadId);
  const [tipo, setTipo] = useState<TipoComite>('cigd');
  const [nombre, setNombre] = useState(NOMBRE_TIPO_COMITE.cigd);
  const [acto, setActo] = useState('');
  const enviar = async (ev: FormEvent) => {
    ev.preventDefault();
    await crear.mutateAsync({ tipo, nombre, actoCreacion: acto || null }).catch(() => undefined);
  };
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        Registrar un comité
      </Title>
      {crear.isSuccess && <Exito>El comité quedó registrado. Agregue sus integrantes por cargo.</Exito>}
      <MensajeError error={crear.error} />
      <form onSubmit={enviar} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Tipo de comité"
              value={tipo}
              onChange={(e) => {
                const t = e.currentTarget.value as TipoComite;
                setTipo(t);
                setNombre(t === 'otro' ? '' : NOMBRE_TIPO_COMITE[t]);
              }}
              data={TIPOS_COMITE.map((t) => ({ value: t, label: NOMBRE_TIPO_COMITE[t] }))}
            />
            <TextInput
              label="Nombre"
              required
              value={nombre}
              onChange={(e) => setNombre(e.currentTarget.value)}
            />
          </SimpleGrid>
          <TextInput
            label="Acto de creación"
            description="Por ejemplo, «Resolución 112 de 2018 de la Gerencia»"
            value={acto}
            onChange={(e) => setActo(e.currentTarget.value)}
          />
          <Button type="submit" loading={crear.isPending} w="fit-content">
            Registrar comité
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

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

function AgregarCargo({ entidadId, comiteId }: { entidadId: string; comiteId: string }) {
  const agregar = useAgregarIntegrante(entidadId, comiteId);
  const [cargo, setCargo] = useState('');
  const [titular, setTitular] = useState('');
  const [rol, setRol] = useState<RolIntegrante>('miembro');
  const [voto, setVoto] = useState(true);
  const [desde, setDesde] = useState(hoyCivil());
  const enviar = async (ev: FormEvent) => {
    ev.preventDefault();
    await agregar
      .mutateAsync({ cargo, titular: titular || null, rol, voto, desde: fechaIso(desde) })
      .then(() => {
        setCargo('');
        setTitular('');
      })
      .catch(() => undefined);
  };
  return (
    <Paper withBorder p="lg">
      <Title order={3} size="h4" mb="sm">
        Agregar un cargo
      </Title>
      <MensajeError error={agregar.error} />
      <form onSubmit={enviar} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Cargo"
              required
              value={cargo}
              onChange={(e) => setCargo(e.currentTarget.value)}
            />
            <TextInput
              label="Titular actual"
              value={titular}
              onChange={(e) => setTitular(e.currentTarget.value)}
            />
            <NativeSelect
              label="Rol en el comité"
              value={rol}
              onChange={(e) => {
                const r = e.currentTarget.value as RolIntegrante;
                setRol(r);
                setVoto(r !== 'invitado');
              }}
              data={ROLES_INTEGRANTE.map((r) => ({ value: r, label: NOMBRE_ROL_INTEGRANTE[r] }))}
            />
            <TextInput
              label="Integra el comité desde"
              description="dd/mm/aaaa"
              value={desde}
              onChange={(e) => setDesde(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Checkbox
            label="Tiene voz y voto"
            checked={voto}
            onChange={(e) => setVoto(e.currentTarget.checked)}
          />
          <Button type="submit" loading={agregar.isPending} w="fit-content">
            Agregar cargo
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function ConvocarSesion({ entidadId, comiteId }: { entidadId: string; comiteId: string }) {
  const convocar = useConvocar(entidadId, comiteId);
  const navegar = useNavigate();
  const [caracter, setCaracter] = useState<'ordinaria' | 'extraordinaria'>('ordinaria');
  const [fecha, setFecha] = useState(hoyCivil());
  const [lugar, setLugar] = useState('');
  const enviar = async (ev: FormEvent) => {
    ev.preventDefault();
    const s = await convocar
      .mutateAsync({ caracter, fecha: fechaIso(fecha), lugar: lugar || null })
      .catch(() => null);
    if (s)
      navegar({
        to: '/comites/$comiteId/sesiones/$sesionId',
        params: { comiteId, sesionId: s.id },
        search: (b) => b,
      });
  };
  return (
    <Paper withBorder p="lg">
      <Title order={3} size="h4" mb="sm">
        Registrar una sesión
      </Title>
      <Text size="sm" mb="sm">
        El orden del día se arma con lo pendiente: planes por aprobar, periodos cerrados sin seguimiento y
        compromisos abiertos.
      </Text>
      <MensajeError error={convocar.error} />
      <form onSubmit={enviar} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label="Carácter"
              value={caracter}
              onChange={(e) => setCaracter(e.currentTarget.value as 'ordinaria' | 'extraordinaria')}
              data={[
                { value: 'ordinaria', label: 'Ordinaria' },
                { value: 'extraordinaria', label: 'Extraordinaria' },
              ]}
            />
            <TextInput
              label="Fecha de la sesión"
              description="dd/mm/aaaa; nunca futura"
              value={fecha}
              onChange={(e) => setFecha(e.currentTarget.value)}
            />
            <TextInput label="Lugar" value={lugar} onChange={(e) => setLugar(e.currentTarget.value)} />
          </SimpleGrid>
          <Button type="submit" loading={convocar.isPending} w="fit-content">
            Registrar sesión
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

export function ComitePage() {
  const { comiteId } = useParams({ strict: false }) as { comiteId: string };
  const { entidad } = useTrabajo();
  const comite = useQuery(comiteQuery(entidad?.id, comiteId));
  const sesiones = useQuery(sesionesQuery(entidad?.id, comiteId));
  const c = comite.data;
  return (
    <Pagina titulo={c?.nombre ?? 'Comité'} descripcion={c ? NOMBRE_TIPO_COMITE[c.tipo] : undefined}>
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
              <TablaDesplazable etiqueta="Integrantes del comité">
                <table className="tabla-simple">
                  <thead>
                    <tr>
                      <th scope="col">Cargo</th>
                      <th scope="col">Titular</th>
                      <th scope="col">Rol</th>
                      <th scope="col">Participa con</th>
                      <th scope="col">Vigencia</th>
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
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TablaDesplazable>
            </section>
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
            {c.puedeGestionar && <ConvocarSesion entidadId={entidad.id} comiteId={c.id} />}
          </>
        )
      )}
    </Pagina>
  );
}
