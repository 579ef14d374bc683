import { describirAccion, NOMBRE_ACCION, NOMBRE_RECURSO, nombrarObjeto } from '@core/auditoria-textos.ts';
import {
  Button,
  Code,
  Group,
  NativeSelect,
  Pagination,
  Paper,
  SimpleGrid,
  Switch,
  Table,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina, TablaDesplazable } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaHora, leerFecha, limiteDelDia, numero } from '../../ui/formato.ts';
import { type Registro, registrosQuery, useVerificarBitacora } from './api.ts';

const TAMANO = 50;
const FILTRO_VACIO = { accion: '', recurso: '', usuario: '', desde: '', hasta: '' };

/** «la actividad» → «Actividad», for a list of choices. */
const sinArticulo = (s: string) => {
  const t = s.replace(/^(el|la|los|las) /, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
};
const ACCIONES = [
  { value: '', label: 'Todas' },
  ...Object.entries(NOMBRE_ACCION)
    .filter(([k]) => k !== 'nueva-version')
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'es-CO')),
];
const RECURSOS = [
  { value: '', label: 'Todos' },
  ...Object.entries(NOMBRE_RECURSO)
    .filter(([, v]) => v)
    .map(([value, label]) => ({ value, label: sinArticulo(label) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'es-CO')),
];

function Detalle({ r }: { r: Registro }) {
  if (r.antes == null && r.despues == null) return <>—</>;
  return (
    <details>
      <summary>Ver cambio</summary>
      {r.antes != null && (
        <>
          Antes: <Code block>{JSON.stringify(r.antes, null, 1)}</Code>
        </>
      )}
      {r.despues != null && (
        <>
          Después: <Code block>{JSON.stringify(r.despues, null, 1)}</Code>
        </>
      )}
    </details>
  );
}

export function AuditoriaPage() {
  const { entidad, sesion } = useTrabajo();
  const [todaLaPlataforma, setTodaLaPlataforma] = useState(false);
  const [borrador, setBorrador] = useState(FILTRO_VACIO);
  const [filtro, setFiltro] = useState(FILTRO_VACIO);
  const [pagina, setPagina] = useState(1);
  const parametros = new URLSearchParams({ pagina: String(pagina), tamano: String(TAMANO) });
  for (const [k, v] of Object.entries(filtro)) {
    if (!v) continue;
    const f = k === 'desde' || k === 'hasta' ? leerFecha(v) : null;
    // "hasta" includes the whole Colombian day.
    if (f) parametros.set(k, limiteDelDia(f, k === 'desde' ? 'inicio' : 'fin'));
    else parametros.set(k, v);
  }
  const fechaInvalida = (k: 'desde' | 'hasta') =>
    borrador[k] && !leerFecha(borrador[k])
      ? 'Escriba la fecha como dd/mm/aaaa, por ejemplo 31/01/2026'
      : undefined;
  // The platform administrator may also see events of no entity (logins, lockouts, platform users).
  const alcance = todaLaPlataforma ? null : (entidad?.id ?? null);
  const lista = useQuery(registrosQuery(alcance, parametros, !!entidad));
  const verificar = useVerificarBitacora(alcance);
  if (!entidad) return <Pagina titulo="Auditoría">Elija una entidad.</Pagina>;
  const aplicar = (e: FormEvent) => {
    e.preventDefault();
    if (fechaInvalida('desde') || fechaInvalida('hasta')) return;
    setPagina(1);
    setFiltro(borrador);
  };
  const campo = (k: keyof typeof FILTRO_VACIO) => ({
    value: borrador[k],
    onChange: (e: { currentTarget: { value: string } }) =>
      setBorrador({ ...borrador, [k]: e.currentTarget.value }),
  });
  const total = lista.data?.total ?? 0;
  return (
    <Pagina
      titulo="Auditoría"
      descripcion="Cada cambio queda registrado con quién, cuándo y el antes y el después. Los registros no se pueden modificar: cada uno lleva la huella (SHA-256) del anterior."
    >
      <Group>
        {sesion.usuario.adminPlataforma && (
          <Switch
            label="Ver los registros de toda la plataforma"
            checked={todaLaPlataforma}
            onChange={(e) => {
              setPagina(1);
              setTodaLaPlataforma(e.currentTarget.checked);
            }}
          />
        )}
        <Button onClick={() => verificar.mutate()} loading={verificar.isPending}>
          Verificar integridad de la bitácora
        </Button>
      </Group>
      <MensajeError error={verificar.error} />
      {verificar.data?.ok && (
        <Exito>
          La bitácora está íntegra: {numero(verificar.data.revisados)} registros
          {todaLaPlataforma ? ' de la plataforma' : ' de la entidad'} verificados.
        </Exito>
      )}
      {verificar.data && !verificar.data.ok && (
        <MensajeError
          error={
            new Error(
              verificar.data.idRoto === undefined
                ? `La bitácora fue alterada: ${verificar.data.motivo}.`
                : `La bitácora fue alterada en el registro #${verificar.data.idRoto}: ${verificar.data.motivo}.`,
            )
          }
        />
      )}
      <Paper withBorder p="md" component="form" onSubmit={aplicar} aria-label="Filtros de la bitácora">
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
          <NativeSelect label="Acción" data={ACCIONES} {...campo('accion')} />
          <NativeSelect label="Sobre" data={RECURSOS} {...campo('recurso')} />
          <TextInput label="Usuario (correo)" {...campo('usuario')} />
          <TextInput
            label="Desde"
            description="dd/mm/aaaa"
            inputMode="numeric"
            {...campo('desde')}
            error={fechaInvalida('desde')}
          />
          <TextInput
            label="Hasta"
            description="dd/mm/aaaa"
            inputMode="numeric"
            {...campo('hasta')}
            error={fechaInvalida('hasta')}
          />
          <Group align="end">
            <Button type="submit">Filtrar</Button>
            <Button
              variant="outline"
              onClick={() => {
                setBorrador(FILTRO_VACIO);
                setFiltro(FILTRO_VACIO);
              }}
            >
              Limpiar
            </Button>
          </Group>
        </SimpleGrid>
      </Paper>
      <MensajeError error={lista.error} />
      {lista.isPending ? (
        <Cargando que="la bitácora" />
      ) : (
        <>
          <TablaDesplazable etiqueta="Registros de auditoría">
            <Table striped withTableBorder>
              <Table.Caption>{numero(total)} registros</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">N.º</Table.Th>
                  <Table.Th scope="col">Fecha y hora</Table.Th>
                  <Table.Th scope="col">Usuario</Table.Th>
                  <Table.Th scope="col">Qué hizo</Table.Th>
                  <Table.Th scope="col">Sobre qué</Table.Th>
                  <Table.Th scope="col">Detalle</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lista.data?.registros.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.id}</Table.Td>
                    <Table.Td>{fechaHora(new Date(r.creadoEn))}</Table.Td>
                    <Table.Td>{r.usuarioCorreo ?? '—'}</Table.Td>
                    <Table.Td>{describirAccion(r.accion, r.recurso)}</Table.Td>
                    <Table.Td>{nombrarObjeto(r.antes, r.despues) ?? r.recursoId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Detalle r={r} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TablaDesplazable>
          {total > TAMANO && (
            <Pagination
              total={Math.ceil(total / TAMANO)}
              value={pagina}
              onChange={setPagina}
              getControlProps={(c) => ({
                'aria-label': c === 'previous' ? 'Página anterior' : c === 'next' ? 'Página siguiente' : c,
              })}
              getItemProps={(p) => ({ 'aria-label': `Página ${p}` })}
            />
          )}
        </>
      )}
    </Pagina>
  );
}
