import { Anchor, Button, Container, Group, NativeSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { useSalir } from '../features/auth/api.ts';
import { vigenciasQuery } from '../features/catalogo/api.ts';
import { entidadQuery } from '../features/entidad/api.ts';
import { useTrabajo } from './contexto.tsx';
import { Enlace } from './router.tsx';

const TAMANOS = [87.5, 100, 112.5, 125, 150];

/** GOV.CO-style accessibility bar: text size and high contrast, remembered on this device. */
function BarraAccesibilidad() {
  const [tamano, setTamano] = useState(() => Number(localStorage.getItem('mipg.tamano')) || 100);
  const [contraste, setContraste] = useState(() => localStorage.getItem('mipg.contraste') === '1');
  useEffect(() => {
    document.documentElement.style.fontSize = `${tamano}%`;
    localStorage.setItem('mipg.tamano', String(tamano));
  }, [tamano]);
  useEffect(() => {
    document.documentElement.dataset.contraste = contraste ? 'alto' : 'normal';
    localStorage.setItem('mipg.contraste', contraste ? '1' : '0');
  }, [contraste]);
  const i = TAMANOS.indexOf(tamano);
  return (
    <nav className="barra-accesibilidad" aria-label="Opciones de accesibilidad">
      <button type="button" onClick={() => setTamano(TAMANOS[Math.max(0, i - 1)]!)} disabled={i <= 0}>
        <span aria-hidden>A−</span>
        <span className="solo-lector">Reducir el tamaño del texto</span>
      </button>
      <button type="button" onClick={() => setTamano(100)}>
        <span aria-hidden>A</span>
        <span className="solo-lector">Tamaño de texto normal</span>
      </button>
      <button
        type="button"
        onClick={() => setTamano(TAMANOS[Math.min(TAMANOS.length - 1, i + 1)]!)}
        disabled={i >= TAMANOS.length - 1}
      >
        <span aria-hidden>A+</span>
        <span className="solo-lector">Aumentar el tamaño del texto</span>
      </button>
      <button type="button" aria-pressed={contraste} onClick={() => setContraste(!contraste)}>
        <span aria-hidden>◐</span> Alto contraste
      </button>
    </nav>
  );
}

/** Skip link and GOV.CO bar, first on every page so keyboard users can jump to the content. */
function Superior() {
  return (
    <>
      <a href="#contenido" className="saltar">
        Saltar al contenido
      </a>
      <BarraGovCo />
    </>
  );
}

const CREDITO =
  'MIPG Abierto — software libre para el Modelo Integrado de Planeación y Gestión (Decreto 1499 de 2017).';

export function BarraGovCo() {
  return (
    <div className="barra-govco">
      <Container size="xl">
        <a href="https://www.gov.co" className="logo-govco" rel="noopener">
          GOV.CO<span className="solo-lector"> — Portal del Estado colombiano</span>
        </a>
      </Container>
    </div>
  );
}

const NAVEGACION: { a: string; texto: string; visible?: (t: ReturnType<typeof useTrabajo>) => boolean }[] = [
  { a: '/', texto: 'Inicio' },
  { a: '/tablero', texto: 'Tablero', visible: (t) => !!t.entidad },
  { a: '/plan', texto: 'Plan de acción', visible: (t) => !!t.entidad },
  { a: '/seguimiento', texto: 'Seguimiento', visible: (t) => !!t.entidad },
  { a: '/indicadores', texto: 'Indicadores', visible: (t) => !!t.entidad },
  { a: '/catalogo', texto: 'Catálogo MIPG' },
  { a: '/entidad', texto: 'Entidad', visible: (t) => !!t.entidad },
  { a: '/dependencias', texto: 'Dependencias', visible: (t) => !!t.entidad },
  { a: '/vigencia', texto: 'Vigencia y periodos', visible: (t) => !!t.entidad },
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
              {e.municipio && ` · ${e.municipio}${e.departamento ? `, ${e.departamento}` : ''}`}
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
  const salir = () =>
    cerrarSesion.mutate(undefined, {
      onSettled: () => navegar({ to: '/', search: { entidad: undefined, vigencia: undefined } }),
    });
  return (
    <>
      <Superior />
      <header className="cabecera">
        <Container size="xl">
          <Group justify="space-between" align="end" wrap="wrap" gap="sm" py="sm">
            <Enlace a="/" className="marca">
              MIPG Abierto
            </Enlace>
            <Group align="end" gap="sm" wrap="wrap">
              {t.sesion.entidades.length > 0 && (
                <NativeSelect
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
                label="Vigencia"
                value={String(t.vigencia)}
                onChange={(e) => t.elegirVigencia(Number(e.currentTarget.value))}
                data={(vigencias.data ?? [{ vigencia: t.vigencia }]).map((v) => String(v.vigencia))}
              />
              <div>
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
      </main>
      <PieEntidad entidadId={t.entidad?.id} />
    </>
  );
}

/** Frame for pages without a session (login, first setup): same bars, no navigation. */
export function MarcoPublico({ children, ancho = 'xs' }: { children: ReactNode; ancho?: 'xs' | 'xl' }) {
  return (
    <>
      <Superior />
      <header className="cabecera">
        <Container size="xl" py="sm">
          <span className="marca">MIPG Abierto</span>
        </Container>
        <BarraAccesibilidad />
      </header>
      <main id="contenido" tabIndex={-1}>
        <Container size={ancho} py="xl">
          {children}
        </Container>
      </main>
      <footer className="pie">
        <Container size="xl">
          <Text size="sm">{CREDITO}</Text>
        </Container>
      </footer>
    </>
  );
}
