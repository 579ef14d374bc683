import { useParams, useSearch } from '@tanstack/react-router';
import { PublicoPage } from './publico-page.tsx';

/** The route's typed params and search, handed to the public page. */
export function PublicoRuta() {
  const { entidadId } = useParams({ from: '/publico/$entidadId' });
  const { vigencia } = useSearch({ from: '/publico/$entidadId' });
  return (
    <PublicoPage
      key={entidadId}
      entidadId={entidadId}
      vigenciaInicial={vigencia ?? new Date().getFullYear()}
    />
  );
}
