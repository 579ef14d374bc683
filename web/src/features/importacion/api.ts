import type { AnalisisHoja, HojaPropia, LecturaHoja } from '@contrato/plan-propio.ts';
import { LIMITES_HOJA_PROPIA } from '@contrato/plan-propio.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, leerCsrf } from '../../api.ts';
import { ErrorTabla, importarTabla } from '../../api-archivos.ts';

const base = (entidadId: string, vigencia: number) =>
  `/api/entidades/${entidadId}/plan/${vigencia}/hoja-propia`;

/** The file, read once: its cells, the header row found, and every suggestion. */
export function useLeerHoja(entidadId: string, vigencia: number) {
  return useMutation({
    mutationFn: (archivo: File) =>
      importarTabla<LecturaHoja>(`${base(entidadId, vigencia)}/leer`, archivo, LIMITES_HOJA_PROPIA.bytes),
  });
}

/** The same cells with the choices made on screen: what would be imported. */
export function useRevisarHoja(entidadId: string, vigencia: number) {
  return useMutation({
    mutationFn: (hoja: HojaPropia) => api<AnalisisHoja>('POST', `${base(entidadId, vigencia)}/revisar`, hoja),
  });
}

/** All the activities or none, with the report by row and by the office's own column. */
export function useImportarHoja(entidadId: string, vigencia: number) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: async (hoja: HojaPropia) => {
      const r = await fetch(`${base(entidadId, vigencia)}/importar`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': leerCsrf() },
        body: JSON.stringify(hoja),
      }).catch(() => {
        throw new Error(
          'No hay conexión con el servidor. Revise su conexión a internet e inténtelo de nuevo.',
        );
      });
      const datos = await r.json().catch(() => null);
      if (!r.ok)
        throw new ErrorTabla(
          r.status,
          datos?.mensaje ?? 'No fue posible importar el plan.',
          datos?.problemas ?? [],
        );
      return datos as { importadas: number };
    },
    onSuccess: () => cliente.invalidateQueries(),
  });
}
