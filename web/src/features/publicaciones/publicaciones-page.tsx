import type { DocumentoPaquete } from '@contrato/publicaciones.ts';
import { Alert, Anchor, Badge, Button, FileInput, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil, numero } from '../../ui/formato.ts';
import { type Columna, TablaDatos } from '../../ui/tabla-datos.tsx';
import { Ventana } from '../../ui/ventana.tsx';
import { DOCUMENTO_MAXIMO, paqueteQuery, usePublicarDocumento } from './api.ts';

const ESTADO = {
  publicado: { texto: 'Publicado', color: '#1e6b2e' },
  pendiente: { texto: 'Pendiente', color: '#8a4b00' },
  vencido: { texto: 'Vencido', color: '#a51d1d' },
} as const;

const tamano = (b: number) =>
  b >= 1024 * 1024 ? `${numero(Math.round(b / 104_857.6) / 10)} MB` : `${numero(Math.ceil(b / 1024))} KB`;

/**
 * The 31 January pack: what the entity must publish on its website this year, what is up and where, so the
 * planning office links each document from its transparency menu and pastes the address into FURAG.
 */
export function PublicacionesPage() {
  const { entidad, vigencia, puede } = useTrabajo();
  const paquete = useQuery(paqueteQuery(entidad?.id, vigencia));
  const [elegido, setElegido] = useState<DocumentoPaquete | null>(null);
  const [publicado, setPublicado] = useState<string | null>(null);
  const p = paquete.data;
  const origen = typeof window === 'undefined' ? '' : window.location.origin;
  const columnas: Columna<DocumentoPaquete>[] = [
    {
      id: 'documento',
      titulo: 'Documento',
      principal: true,
      valor: (d) => d.titulo,
      celda: (d) => (
        <>
          <Text fw={700} size="sm">
            {d.titulo}
          </Text>
          <Text size="xs">{d.norma}</Text>
        </>
      ),
    },
    { id: 'numeral', titulo: 'Numeral', valor: (d) => d.numeral },
    {
      id: 'estado',
      titulo: 'Estado',
      valor: (d) => ESTADO[d.estado].texto,
      filtro: true,
      celda: (d) => (
        <Badge color={ESTADO[d.estado].color} style={{ textTransform: 'none' }}>
          {ESTADO[d.estado].texto}
          {d.aTiempo === false ? ' fuera de plazo' : ''}
        </Badge>
      ),
    },
    {
      id: 'version',
      titulo: 'Última versión',
      valor: (d) => d.versiones[0]?.fechaPublicacion ?? null,
      celda: (d) => {
        const v = d.versiones[0];
        if (!v) return '—';
        return (
          <Text size="sm">
            Versión {v.version} del {fechaCivil(v.fechaPublicacion)} · {v.archivo.nombre} (
            {tamano(v.archivo.bytes)}){v.nota ? ` · ${v.nota}` : ''}
          </Text>
        );
      },
    },
    {
      id: 'direccion',
      titulo: 'Dirección pública',
      ordenable: false,
      valor: (d) => d.urlPublica,
      celda: (d) =>
        d.urlPublica ? (
          <Anchor
            href={d.urlPublica}
            style={{ overflowWrap: 'anywhere' }}
            aria-label={`Dirección pública de ${d.titulo}`}
          >
            {origen}
            {d.urlPublica}
          </Anchor>
        ) : (
          '—'
        ),
    },
    ...(puede('publicacion.gestionar')
      ? [
          {
            id: 'accion',
            titulo: 'Acción',
            ordenable: false,
            valor: () => null,
            celda: (d: DocumentoPaquete) => (
              <Button
                size="xs"
                variant={d.estado === 'publicado' ? 'outline' : 'filled'}
                onClick={() => setElegido(d)}
                aria-label={`${d.estado === 'publicado' ? 'Publicar nueva versión de' : 'Publicar'} ${d.titulo}`}
              >
                {d.estado === 'publicado' ? 'Nueva versión' : 'Publicar'}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Pagina
      titulo={`Publicaciones del 31 de enero de ${vigencia}`}
      descripcion="El plan de acción, los planes del Decreto 612 y el informe de gestión que la entidad publica en su sede electrónica, con la dirección permanente de cada uno para enlazar desde el menú de transparencia y para el FURAG."
    >
      {paquete.isPending && <Cargando que="las publicaciones" />}
      <MensajeError error={paquete.error} />
      {publicado && <Exito>{publicado}</Exito>}
      {p && p.vencidos > 0 && (
        <Alert color="red.9" variant="outline" title="Documentos sin publicar: plazo vencido">
          {p.vencidos === 1 ? 'Un documento debía' : `${p.vencidos} documentos debían`} publicarse a más
          tardar el {fechaCivil(p.limite)} (Ley 1474 de 2011, art. 74, y Decreto 612 de 2018).
        </Alert>
      )}
      {p && (
        <TablaDatos
          titulo={`Documentos del paquete de ${vigencia}`}
          sustantivo={['documento', 'documentos']}
          filas={p.documentos}
          columnas={columnas}
          idFila={(d) => d.clave}
          porPagina={50}
        />
      )}
      {elegido && entidad && (
        <Ventana opened onClose={() => setElegido(null)} title={`Publicar: ${elegido.titulo}`}>
          <FormularioPublicar
            entidadId={entidad.id}
            vigencia={vigencia}
            documento={elegido}
            alTerminar={(mensaje) => {
              setElegido(null);
              setPublicado(mensaje);
            }}
          />
        </Ventana>
      )}
    </Pagina>
  );
}

function FormularioPublicar({
  entidadId,
  vigencia,
  documento,
  alTerminar,
}: {
  entidadId: string;
  vigencia: number;
  documento: DocumentoPaquete;
  alTerminar: (mensaje: string) => void;
}) {
  const [archivo, setArchivo] = useState<File | null>(null);
  const [nota, setNota] = useState('');
  const publicar = usePublicarDocumento(entidadId, vigencia);
  const errores = erroresPorCampo(publicar.error);
  const siguiente = (documento.versiones[0]?.version ?? 0) + 1;
  const enviar = () =>
    publicar.mutate(
      { clave: documento.clave, archivo: archivo!, nota },
      { onSuccess: () => alTerminar(`Quedó publicada la versión ${siguiente} de «${documento.titulo}».`) },
    );
  return (
    <Stack>
      {publicar.isError && !Object.keys(errores).length && <MensajeError error={publicar.error} />}
      <Text size="sm">
        {documento.versiones.length
          ? `Será la versión ${siguiente}. La dirección pública pasará a servir este archivo; las versiones anteriores siguen disponibles.`
          : 'Será la primera versión. La dirección pública queda fija: enlácela desde el menú de transparencia.'}
      </Text>
      <FileInput
        label="Archivo del documento"
        description={`PDF, Excel, Word u OpenDocument, hasta ${numero(DOCUMENTO_MAXIMO / (1024 * 1024))} MB`}
        accept=".pdf,.xlsx,.docx,.ods,.odt"
        value={archivo}
        onChange={setArchivo}
        error={errores.archivo ?? errores.nombre}
        clearable
        clearButtonProps={{ 'aria-label': 'Quitar el archivo' }}
        required
      />
      <Textarea
        label="Qué cambió (opcional)"
        description="Se muestra junto a la versión; hasta 500 caracteres"
        maxLength={500}
        value={nota}
        onChange={(e) => setNota(e.currentTarget.value)}
        error={errores.nota}
        autosize
        minRows={2}
      />
      <Group justify="end">
        <Button onClick={enviar} disabled={!archivo} loading={publicar.isPending}>
          Publicar
        </Button>
      </Group>
    </Stack>
  );
}
