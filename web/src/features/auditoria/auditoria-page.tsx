import {
  cambiosLegibles,
  describirAccion,
  NOMBRE_ACCION,
  NOMBRE_RECURSO,
  nombrarObjeto,
} from '@core/auditoria-textos.ts';
import { numeroEsCo } from '@core/numeros.ts';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Switch, Table, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaHora, leerFecha, limiteDelDia, numero } from '../../ui/formato.ts';
import { type Columna, TablaDatos } from '../../ui/tabla-datos.tsx';
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

// In a control-interno office's words: what was done («Aprobó el plan») and on what, by its name.
const COLUMNAS: Columna<Registro>[] = [
  { id: 'id', titulo: 'N.º', valor: (r) => r.id, numerica: true },
  { id: 'fecha', titulo: 'Fecha y hora', valor: (r) => fechaHora(new Date(r.creadoEn)) },
  { id: 'usuario', titulo: 'Usuario', valor: (r) => r.usuarioCorreo },
  { id: 'accion', titulo: 'Qué hizo', valor: (r) => describirAccion(r.accion, r.recurso), principal: true },
  {
    id: 'objeto',
    titulo: 'Sobre qué',
    valor: (r) => nombrarObjeto(r.antes, r.despues, r.recursoId) ?? '—',
  },
  { id: 'detalle', titulo: 'Detalle', valor: () => null, celda: (r) => <Detalle r={r} />, ancha: true },
];

/** What changed, data by data in words (never the recorded JSON with its internal keys). */
function Detalle({ r }: { r: Registro }) {
  const filas = cambiosLegibles(r.antes, r.despues, numeroEsCo);
  if (!filas.length) return <>—</>;
  const conAntes = r.antes != null;
  const conDespues = r.despues != null;
  return (
    <details>
      <summary>Ver cambio</summary>
      <Table withTableBorder fz="sm" mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Dato</Table.Th>
            {conAntes && <Table.Th scope="col">Antes</Table.Th>}
            {conDespues && <Table.Th scope="col">{conAntes ? 'Después' : 'Valor'}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {filas.map((f) => (
            <Table.Tr key={f.dato}>
              <Table.Th scope="row" fw={600}>
                {f.dato}
              </Table.Th>
              {conAntes && <Table.Td style={{ overflowWrap: 'anywhere' }}>{f.antes}</Table.Td>}
              {conDespues && <Table.Td style={{ overflowWrap: 'anywhere' }}>{f.despues}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
  const fechaInvalida = (k: 'desde' | 'hasta') => {
    const texto = borrador[k].trim();
    if (!texto || leerFecha(texto)) {
      const [desde, hasta] = [leerFecha(borrador.desde), leerFecha(borrador.hasta)];
      const orden = (f: NonNullable<typeof desde>) => f.anio * 10_000 + f.mes * 100 + f.dia;
      return k === 'hasta' && desde && hasta && orden(hasta) < orden(desde)
        ? `«Hasta» es anterior a «Desde» (${borrador.desde.trim()}): no habría registros`
        : undefined;
    }
    return /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(texto)
      ? `El ${texto} no existe en el calendario`
      : 'Escriba la fecha como dd/mm/aaaa, por ejemplo 31/01/2026';
  };
  // The platform administrator may also see events of no entity (logins, lockouts, platform users).
  const alcance = todaLaPlataforma ? null : (entidad?.id ?? null);
  // The page on screen stays while the next one arrives (no jump to a loading block).
  const lista = useQuery({
    ...registrosQuery(alcance, parametros, !!entidad),
    placeholderData: keepPreviousData,
  });
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
      {lista.isError ? null : lista.isPending ? (
        <Cargando que="la bitácora" />
      ) : (
        <TablaDatos
          titulo="Registros de auditoría"
          sustantivo={['registro', 'registros']}
          filas={lista.data?.registros ?? []}
          columnas={COLUMNAS}
          idFila={(r) => String(r.id)}
          vacio="No hay registros con estos filtros."
          servidor={{
            pagina,
            porPagina: TAMANO,
            total,
            alCambiar: setPagina,
            cargando: lista.isPlaceholderData,
          }}
        />
      )}
    </Pagina>
  );
}
