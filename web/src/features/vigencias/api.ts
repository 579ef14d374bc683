import type { VigenciaEntidad } from '@contrato/vigencias.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { vigenciaKeys } from './consultas.ts';

export { periodoSugerido, periodoVigente, vigenciaKeys, vigenciaQuery } from './consultas.ts';

export type ConfiguracionVigencia = Pick<
  VigenciaEntidad,
  'esquema' | 'diasHabilesReporte' | 'semaforo' | 'modoPonderacion' | 'esquemasInstrumento'
>;

export function useGuardarVigencia(entidadId: string, vigencia: number) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: ConfiguracionVigencia) =>
      api<VigenciaEntidad>('PUT', `/api/entidades/${entidadId}/vigencias/${vigencia}`, datos),
    onSuccess: (v) => cliente.setQueryData(vigenciaKeys.vigencia(entidadId, vigencia), v),
  });
}
