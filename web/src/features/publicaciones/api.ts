import type { Paquete } from '@contrato/publicaciones.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ErrorApi } from '../../api.ts';
import { subirArchivo } from '../../api-archivos.ts';

/** As the server's limit (publicaciones.service.ts): a larger file is refused here, before it travels. */
export const DOCUMENTO_MAXIMO = 25 * 1024 * 1024;

export const publicacionesKeys = {
  paquete: (entidadId: string | undefined, vigencia: number) =>
    ['publicaciones', entidadId, vigencia] as const,
};

const url = (entidadId: string | undefined, vigencia: number) =>
  `/api/entidades/${entidadId}/publicaciones/${vigencia}`;

export const paqueteQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: publicacionesKeys.paquete(entidadId, vigencia),
    queryFn: () => api<Paquete>('GET', url(entidadId, vigencia)),
    enabled: !!entidadId,
  });

export function usePublicarDocumento(entidadId: string, vigencia: number) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: async ({ clave, archivo, nota }: { clave: string; archivo: File; nota: string }) => {
      if (archivo.size > DOCUMENTO_MAXIMO)
        throw new ErrorApi(413, 'El archivo pesa más de 25 MB.', [
          { campo: 'archivo', mensaje: 'el archivo pesa más de 25 MB: redúzcalo o divídalo' },
        ]);
      const consulta = new URLSearchParams({ nombre: archivo.name });
      if (nota.trim()) consulta.set('nota', nota.trim());
      await subirArchivo(`${url(entidadId, vigencia)}/${clave}?${consulta}`, archivo, {
        metodo: 'POST',
        tipo: 'application/octet-stream',
      });
    },
    onSuccess: () => cliente.invalidateQueries({ queryKey: publicacionesKeys.paquete(entidadId, vigencia) }),
  });
}
