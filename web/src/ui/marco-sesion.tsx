// The frame of signed-in pages: entity and year selectors, sections, sign-out and the entity's footer. Its own
// chunk (raiz.tsx loads it once a session exists), so the login page never downloads it.

import type { Sesion } from '@contrato/auth.ts';
import { lugarTrasDireccion } from '@core/entidad.ts';
import { Anchor, Button, Container, Group, NativeSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { useSalir } from '../features/auth/api.ts';
import { vigenciasQuery } from '../features/catalogo/api.ts';
import { entidadQuery } from '../features/entidad/api.ts';
import { AvisoSalida, confirmarSalida } from './aviso-salida.tsx';
import { ProveedorTrabajo, useTrabajo } from './contexto.tsx';
import { BarraAccesibilidad, CREDITO, Superior } from './marco.tsx';
import { Enlace } from './router.tsx';

const NAVEGACION: { a: string; texto: string; visible?: (t: ReturnType<typeof useTrabajo>) => boolean }[] = [
  { a: '/', texto: 'Inicio' },
  { a: '/tablero', texto: 'Tablero', visible: (t) => !!t.entidad },
  { a: '/plan', texto: 'Plan de acción', visible: (t) => !!t.entidad },
  { a: '/seguimiento', texto: 'Seguimiento', visible: (t) => !!t.entidad },
  { a: '/indicadores', texto: 'Indicadores', visible: (t) => !!t.entidad },
  {
    a: '/furag',
    texto: 'Resultados FURAG',
    visible: (t) => !!t.entidad || t.sesion.usuario.adminPlataforma,
  },
  { a: '/furag/recomendaciones', texto: 'Recomendaciones FURAG', visible: (t) => !!t.entidad },
  { a: '/autodiagnosticos', texto: 'Autodiagnósticos', visible: (t) => !!t.entidad },
  { a: '/simulacros', texto: 'Simulacro FURAG', visible: (t) => !!t.entidad },
  { a: '/publicaciones', texto: 'Publicaciones', visible: (t) => !!t.entidad },
  { a: '/comites', texto: 'Comités', visible: (t) => !!t.entidad },
  { a: '/catalogo', texto: 'Catálogo MIPG' },
  { a: '/entidad', texto: 'Entidad', visible: (t) => !!t.entidad },
  { a: '/dependencias', texto: 'Dependencias', visible: (t) => !!t.entidad },
  { a: '/vigencia', texto: 'Vigencia y periodos', visible: (t) => !!t.entidad },
  { a: '/calendario', texto: 'Calendario', visible: (t) => !!t.entidad },
  { a: '/usuarios', texto: 'Usuarios y roles', visible: (t) => !!t.entidad && t.puede('usuario.ver') },
  { a: '/auditoria', texto: 'Auditoría', visible: (t) => !!t.entidad && t.puede('auditoria.ver') },
  { a: '/entidades', texto: 'Entidades', visible: (t) => t.sesion.usuario.adminPlataforma },
  { a: '/glosario', texto: 'Glosario' },
];

function PieEntidad({ entidadId }: { entidadId: string | undefined }) {
  const { data: e } = useQuery(entidadQuery(entidadId));
  return (
    <footer className="pie">
      <Container size="xl">
        {e ? (
          <>
            {e.tieneLogo && (
              <img src={`/api/entidades/${e.id}/logo`} alt={`Logo de ${e.nombre}`} className="logo-entidad" />
            )}
            <Text fw={700}>{e.nombre}</Text>
            <Text size="sm">
              NIT {e.nit}
              {e.direccion && ` · ${e.direccion}`}
              {lugarTrasDireccion(e) && ` · ${lugarTrasDireccion(e)}`}
            </Text>
            <Text size="sm">
              {e.telefono && `Teléfono ${e.telefono}`}
              {e.correo && (
                <>
                  {' · '}
                  <Anchor href={`mailto:${e.correo}`} c="inherit" underline="always">
                    {e.correo}
                  </Anchor>
                </>
              )}
              {e.horarioAtencion && ` · ${e.horarioAtencion}`}
            </Text>
          </>
        ) : null}
        <Text size="sm" mt="sm">
          {CREDITO}
        </Text>
      </Container>
    </footer>
  );
}

export function Marco({ children }: { children: ReactNode }) {
  const t = useTrabajo();
  const navegar = useNavigate();
  const ruta = useLocation({ select: (l) => l.href });
  const [menuAbierto, setMenuAbierto] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes whenever the page changes
  useEffect(() => setMenuAbierto(false), [ruta]);
  const vigencias = useQuery(vigenciasQuery());
  const cerrarSesion = useSalir();
  // Asked before the session ends, not after: «Seguir en la página» must leave a working session behind.
  const salir = async () => {
    if (!(await confirmarSalida())) return;
    cerrarSesion.mutate(undefined, {
      onSettled: () =>
        navegar({ to: '/', search: { entidad: undefined, vigencia: undefined }, ignoreBlocker: true }),
    });
  };
  return (
    <>
      <Superior />
      <header className="cabecera">
        <Container size="xl">
          <Group justify="space-between" align="end" wrap="wrap" gap="sm" py="sm" className="cabecera-fila">
            <Enlace a="/" className="marca">
              MIPG Abierto
            </Enlace>
            <Group align="end" gap="sm" wrap="wrap" className="cabecera-controles">
              {t.sesion.entidades.length > 0 && (
                <NativeSelect
                  className="cabecera-entidad"
                  label="Entidad"
                  value={t.entidad?.id ?? ''}
                  onChange={(e) => t.elegirEntidad(e.currentTarget.value)}
                  data={t.sesion.entidades.map((e) => ({
                    value: e.id,
                    label: e.sigla ? `${e.sigla} — ${e.nombre}` : e.nombre,
                  }))}
                  maw={320}
                />
              )}
              <NativeSelect
                className="cabecera-vigencia"
                label="Vigencia"
                value={String(t.vigencia)}
                onChange={(e) => t.elegirVigencia(Number(e.currentTarget.value))}
                data={(vigencias.data ?? [{ vigencia: t.vigencia }]).map((v) => String(v.vigencia))}
              />
              <div className="cabecera-usuario">
                <Text size="sm" className="usuario-nombre">
                  {t.sesion.usuario.nombre}
                </Text>
                <Button variant="outline" size="xs" onClick={salir}>
                  Cerrar sesión
                </Button>
              </div>
            </Group>
          </Group>
        </Container>
        <BarraAccesibilidad />
        <nav className="navegacion" aria-label="Secciones">
          <Container size="xl">
            {/* On a phone the sections fold behind one button, so the page starts on the first screen. */}
            <Button
              className="menu-movil"
              variant="outline"
              my="xs"
              aria-expanded={menuAbierto}
              aria-controls="lista-secciones"
              onClick={() => setMenuAbierto((x) => !x)}
            >
              {menuAbierto ? 'Cerrar el menú' : 'Menú de secciones'}
            </Button>
            <ul id="lista-secciones" data-abierto={menuAbierto}>
              {/* On a phone the person's name is here, not in the header's first screen. */}
              <li className="solo-telefono usuario-menu">Sesión de {t.sesion.usuario.nombre}</li>
              {NAVEGACION.filter((n) => !n.visible || n.visible(t)).map((n) => (
                <li key={n.a}>
                  <Enlace a={n.a}>{n.texto}</Enlace>
                </li>
              ))}
            </ul>
          </Container>
        </nav>
      </header>
      <main id="contenido" tabIndex={-1}>
        <Container size="xl" py="lg">
          {children}
        </Container>
        <AvisoSalida />
      </main>
      <PieEntidad entidadId={t.entidad?.id} />
    </>
  );
}

/** The signed-in frame with the entity and year at work: one chunk, which the login page never downloads. */
export function MarcoConTrabajo({ sesion, children }: { sesion: Sesion; children: ReactNode }) {
  return (
    <ProveedorTrabajo sesion={sesion}>
      <Marco>{children}</Marco>
    </ProveedorTrabajo>
  );
}
