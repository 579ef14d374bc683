import { TABLA_MAXIMA_BYTES } from '@contrato/excel.ts';
import { Anchor, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { ErrorTabla } from '../api-archivos.ts';
import { MensajeError } from './componentes.tsx';
import { numero } from './formato.ts';
import { ProblemasImportacion } from './problemas-importacion.tsx';

const TIPOS = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * Upload of a template (people, dependencias): the template's link, the file refused in the browser when it
 * weighs too much, and the file's all-or-nothing report by row and column, or what was created.
 */
export function ImportarPlantilla<R>({
  titulo,
  descripcion,
  plantilla,
  que,
  limite,
  importar,
  resultado,
}: {
  titulo: string;
  descripcion: ReactNode;
  /** The template's address. */
  plantilla: string;
  /** «personas», «dependencias»: the link and the file field name it. */
  que: string;
  /** «500 personas»: the file field's description says it with the size limit. */
  limite: string;
  importar: UseMutationResult<R, Error, File>;
  resultado: (r: R) => ReactNode;
}) {
  const id = useId();
  const [archivo, setArchivo] = useState<File | null>(null);
  const problemas = importar.error instanceof ErrorTabla ? importar.error.problemas : [];
  const megas = numero(TABLA_MAXIMA_BYTES / (1024 * 1024));
  const muyGrande = !!archivo && archivo.size > TABLA_MAXIMA_BYTES;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {titulo}
        </Title>
        <Text size="sm">{descripcion}</Text>
        <Anchor href={plantilla} download>
          Descargar la plantilla de {que} (.xlsx)
        </Anchor>
        <Group align="end" wrap="wrap">
          <FileInput
            label={`Archivo de ${que} (.xlsx o .csv)`}
            description={`Hasta ${megas} MB y ${limite}.`}
            accept={TIPOS}
            value={archivo}
            onChange={(f) => {
              setArchivo(f);
              importar.reset();
            }}
            error={muyGrande ? `El archivo pesa más de ${megas} MB. Divídalo en varios archivos.` : undefined}
            clearable
            clearButtonProps={{ 'aria-label': 'Quitar el archivo' }}
            style={{ flex: '1 1 16rem' }}
          />
          <Button
            disabled={!archivo || muyGrande}
            loading={importar.isPending}
            onClick={() => importar.mutate(archivo!, { onSuccess: () => setArchivo(null) })}
          >
            Importar
          </Button>
        </Group>
        {importar.data !== undefined && resultado(importar.data)}
        <MensajeError error={importar.error} />
        <ProblemasImportacion problemas={problemas} />
      </Stack>
    </Paper>
  );
}
