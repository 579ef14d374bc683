import { AuditoriaPage } from './features/auditoria/auditoria-page.tsx';
import { CambiarClavePage } from './features/auth/cambiar-clave-page.tsx';
import { ConfiguracionInicialPage } from './features/auth/configuracion-inicial-page.tsx';
import { LoginPage } from './features/auth/login-page.tsx';
import { CatalogoPage } from './features/catalogo/catalogo-page.tsx';
import { DependenciasPage } from './features/dependencias/dependencias-page.tsx';
import { EntidadPage } from './features/entidad/entidad-page.tsx';
import { EntidadesPage } from './features/entidad/entidades-page.tsx';
import { IndicadoresPage } from './features/indicadores/indicadores-page.tsx';
import { InicioPage } from './features/inicio/inicio-page.tsx';
import { PlanPage } from './features/plan/plan-page.tsx';
import { SeguimientoPage } from './features/seguimiento/seguimiento-page.tsx';
import { TableroPage } from './features/tablero/tablero-page.tsx';
import { UsuariosPage } from './features/usuarios/usuarios-page.tsx';
import { VigenciasPage } from './features/vigencias/vigencias-page.tsx';
import { Cargando, MensajeError, Pagina } from './ui/componentes.tsx';
import { ProveedorTrabajo, useSesion } from './ui/contexto.tsx';
import { Marco, MarcoPublico } from './ui/marco.tsx';
import { Enlace, useRuta } from './ui/router.tsx';

const PAGINAS: Record<string, () => React.JSX.Element> = {
  '/': InicioPage,
  '/catalogo': CatalogoPage,
  '/entidad': EntidadPage,
  '/entidades': EntidadesPage,
  '/dependencias': DependenciasPage,
  '/usuarios': UsuariosPage,
  '/auditoria': AuditoriaPage,
  '/vigencia': VigenciasPage,
  '/plan': PlanPage,
  '/seguimiento': SeguimientoPage,
  '/tablero': TableroPage,
  '/indicadores': IndicadoresPage,
};

function NoEncontrada() {
  return (
    <Pagina titulo="Página no encontrada">
      <p>
        La dirección no existe. <Enlace a="/">Volver al inicio</Enlace>.
      </p>
    </Pagina>
  );
}

export function App() {
  const { ruta } = useRuta();
  const sesion = useSesion();
  const camino = ruta.split('?')[0]!;

  // The public page (/publico/…) is HTML served by the server (src/modules/publico), not this app.
  if (camino === '/configuracion-inicial')
    return (
      <MarcoPublico>
        <ConfiguracionInicialPage />
      </MarcoPublico>
    );
  if (sesion.isPending)
    return (
      <MarcoPublico>
        <Cargando que="su sesión" />
      </MarcoPublico>
    );
  if (sesion.isError)
    return (
      <MarcoPublico>
        <MensajeError error={sesion.error} />
      </MarcoPublico>
    );
  if (!sesion.data)
    return (
      <MarcoPublico>
        <LoginPage />
      </MarcoPublico>
    );
  if (sesion.data.usuario.debeCambiarClave)
    return (
      <MarcoPublico>
        <CambiarClavePage obligatorio />
      </MarcoPublico>
    );
  const Contenido =
    PAGINAS[camino] ?? (camino === '/cambiar-clave' ? () => <CambiarClavePage /> : NoEncontrada);
  return (
    <ProveedorTrabajo sesion={sesion.data}>
      <Marco>
        <Contenido />
      </Marco>
    </ProveedorTrabajo>
  );
}
