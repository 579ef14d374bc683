import type { Catalogo } from '@contrato/catalogo.ts';
import { AsignarResponsableSchema, type Responsable } from '@contrato/responsables.ts';
import { aplicaPolitica, DESCRIPCION_FORMULARIO } from '@core/catalogo.ts';
import {
  Badge,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Cargando, MensajeError, Pagina, TablaDesplazable } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { Termino } from '../../ui/termino.tsx';
import { Ventana } from '../../ui/ventana.tsx';
import { dependenciasQuery } from '../dependencias/api.ts';
import { entidadQuery } from '../entidad/api.ts';
import { usuariosQuery } from '../usuarios/api.ts';
import { catalogoQuery, responsablesQuery, useAsignarResponsable } from './api.ts';

type Politica = Catalogo['dimensiones'][number]['politicas'][number];

function AsignarResponsable({
  politica,
  actual,
  cerrar,
}: {
  politica: Politica;
  actual?: Responsable;
  cerrar: () => void;
}) {
  const { entidad, vigencia } = useTrabajo();
  const usuarios = useQuery(usuariosQuery(entidad?.id));
  const dependencias = useQuery(dependenciasQuery(entidad?.id));
  const guardar = useAsignarResponsable(entidad!.id, vigencia);
  const form = useFormulario({
    inicial: { usuarioId: actual?.usuarioId ?? '', dependenciaId: actual?.dependenciaId ?? '' },
    esquema: AsignarResponsableSchema,
    etiquetas: { usuarioId: 'Persona responsable', dependenciaId: 'Dependencia responsable' },
    transformar: (d) => ({ usuarioId: d.usuarioId || null, dependenciaId: d.dependenciaId || null }),
  });
  return (
    <Ventana opened onClose={cerrar} title={`Responsable de ${politica.nombre} (${vigencia})`} size="lg">
      <Formulario
        form={form}
        alEnviar={(d) => guardar.mutateAsync({ politica: politica.clave, ...d }).then(cerrar)}
        etiquetaEnviar="Guardar"
        acciones={
          <Button variant="outline" onClick={cerrar}>
            Cancelar
          </Button>
        }
      >
        <Stack>
          <NativeSelect
            {...campo(form, 'usuarioId')}
            data={[
              { value: '', label: 'Sin asignar' },
              ...(usuarios.data ?? []).map((u) => ({
                value: u.id,
                label: `${u.nombre}${u.cargo ? ` — ${u.cargo}` : ''}`,
              })),
            ]}
          />
          <NativeSelect
            {...campo(form, 'dependenciaId')}
            data={[
              { value: '', label: 'Sin asignar' },
              ...(dependencias.data ?? []).map((d) => ({ value: d.id, label: d.nombre })),
            ]}
          />
        </Stack>
      </Formulario>
    </Ventana>
  );
}

export function CatalogoPage() {
  const { entidad, vigencia, puede } = useTrabajo();
  const [editando, setEditando] = useState<Politica | null>(null);
  const catalogo = useQuery(catalogoQuery(vigencia));
  const perfil = useQuery(entidadQuery(entidad?.id));
  const formulario = perfil.data?.tipoFormulario;
  const responsables = useQuery(responsablesQuery(entidad?.id, vigencia));
  const porPolitica = new Map((responsables.data ?? []).map((r) => [r.politica, r]));
  const asignar = puede('responsable.asignar') && !!entidad;
  const c = catalogo.data;
  const nombrePolitica = new Map(
    c?.dimensiones.flatMap((d) => d.politicas.map((p) => [p.clave, p.nombre])) ?? [],
  );
  const total = c?.dimensiones.reduce((n, d) => n + d.politicas.length, 0) ?? 0;
  const aplicables =
    c && formulario
      ? c.dimensiones.flatMap((d) => d.politicas).filter((p) => aplicaPolitica(p, formulario)).length
      : total;
  return (
    <Pagina
      titulo={`Modelo MIPG — vigencia ${vigencia}`}
      descripcion={
        c ? (
          <>
            {c.dimensiones.length} <Termino t="dimension">dimensiones</Termino> y {total}{' '}
            <Termino t="politica">políticas</Termino> de gestión y desempeño
            {aplicables < total && (
              <>
                {' '}
                (a esta entidad, que responde el <Termino t="formulario-furag">formulario FURAG</Termino>{' '}
                {formulario}, le aplica{aplicables === 1 ? '' : 'n'} {aplicables})
              </>
            )}
            . Fuente: {c.fuente}.
          </>
        ) : undefined
      }
    >
      {catalogo.isPending && <Cargando que="el catálogo" />}
      <MensajeError error={catalogo.error} />
      {c && (
        <>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {c.componentes.map((comp) => (
              <Card key={comp.codigo} withBorder>
                <Title order={2} size="h4">
                  Componente: {comp.nombre}
                </Title>
                <Text size="sm" mt="xs">
                  {comp.descripcion}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {c.dimensiones.map((d) => (
              <Card
                key={d.codigo}
                withBorder
                padding={0}
                component="section"
                aria-labelledby={`dim-${d.codigo}`}
              >
                <div className="tarjeta-dimension-cabecera" style={{ background: d.color }}>
                  <h2 id={`dim-${d.codigo}`}>
                    Dimensión {d.codigo.slice(1)}: {d.nombre}
                  </h2>
                </div>
                <Stack p="md" gap="md">
                  {d.politicas.map((p) => {
                    const r = porPolitica.get(p.clave);
                    const aplica = !formulario || aplicaPolitica(p, formulario);
                    return (
                      <div key={p.clave}>
                        <Group gap="xs" wrap="nowrap" align="start">
                          {p.codigoFurag && (
                            <Badge variant="outline" color="dark" radius="sm" style={{ flexShrink: 0 }}>
                              {p.codigoFurag}
                            </Badge>
                          )}
                          <Title order={3} size="h5">
                            {p.nombre}
                          </Title>
                        </Group>
                        <Text size="sm">Líder nacional: {p.lider}</Text>
                        {!aplica && (
                          <Text size="sm" fw={700}>
                            No aplica a esta entidad: responde el formulario FURAG{' '}
                            {DESCRIPCION_FORMULARIO[formulario!]}.
                          </Text>
                        )}
                        {entidad && aplica && (
                          <Text size="sm">
                            Responsable en la entidad:{' '}
                            <strong>
                              {r?.usuarioNombre || r?.dependenciaNombre
                                ? [r.usuarioNombre, r.dependenciaNombre].filter(Boolean).join(' — ')
                                : 'sin asignar'}
                            </strong>
                          </Text>
                        )}
                        <Group gap="sm" mt={4}>
                          {p.indices.length > 0 && (
                            <details>
                              <summary>
                                <Text span size="sm">
                                  {p.indices.length} índices FURAG
                                </Text>
                              </summary>
                              <List size="sm" mt={4}>
                                {p.indices.map((i) => (
                                  <List.Item key={i.codigo}>
                                    <strong>
                                      {i.codigo} — {i.nombre}
                                    </strong>
                                    {i.descripcion && (
                                      <Text span size="sm" display="block">
                                        {i.descripcion}
                                      </Text>
                                    )}
                                  </List.Item>
                                ))}
                              </List>
                            </details>
                          )}
                          {asignar && aplica && (
                            <Button
                              size="xs"
                              variant="outline"
                              onClick={() => setEditando(p)}
                              aria-label={`Asignar responsable de ${p.nombre}`}
                            >
                              Asignar responsable
                            </Button>
                          )}
                        </Group>
                      </div>
                    );
                  })}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
          <Card withBorder>
            <Title order={2} size="h3" mb="sm">
              Planes del Decreto 612 de 2018
            </Title>
            <Text size="sm" mb="sm">
              Se integran al Plan de Acción y se publican a más tardar el 31 de enero. Cada plan aporta a una
              o varias políticas: sus actividades pueden ser de cualquiera de ellas.
            </Text>
            <TablaDesplazable etiqueta="Planes del Decreto 612">
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">N.º</Table.Th>
                    <Table.Th scope="col">Plan</Table.Th>
                    <Table.Th scope="col">Políticas</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.planesDecreto612.map((p, i) => (
                    <Table.Tr key={p.clave}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>
                        {p.nombre}
                        {p.sigla && !p.nombre.includes(`(${p.sigla})`) ? ` (${p.sigla})` : ''}
                      </Table.Td>
                      <Table.Td>{p.politicas.map((x) => nombrePolitica.get(x) ?? x).join(' · ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TablaDesplazable>
          </Card>
        </>
      )}
      {editando && (
        <AsignarResponsable
          politica={editando}
          actual={porPolitica.get(editando.clave)}
          cerrar={() => setEditando(null)}
        />
      )}
    </Pagina>
  );
}
