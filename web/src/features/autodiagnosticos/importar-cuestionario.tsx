// A questionnaire of the entity, imported from its JSON format or the .xlsx template, with the report of what
// was wrong by row, section and item (nothing is imported when something is).
import { Anchor, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Exito, MensajeError } from '../../ui/componentes.tsx';
import { TablaTextos } from '../../ui/problemas-importacion.tsx';
import { ErrorCuestionario, useImportarCuestionario } from './api.ts';

const TIPOS =
  '.json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A questionnaire of the entity, as JSON or the .xlsx template: all or nothing, with its problems.
 * `descripcion` says which instrument the page expects (an autodiagnóstico, a FURAG bank).
 */
export function ImportarCuestionario({
  entidadId,
  descripcion = 'Cargue el instrumento de autodiagnóstico en el formato JSON de MIPG Abierto o en la plantilla de Excel.',
}: {
  entidadId: string;
  descripcion?: string;
}) {
  const [archivo, setArchivo] = useState<File | null>(null);
  const importar = useImportarCuestionario(entidadId);
  const problemas = importar.error instanceof ErrorCuestionario ? importar.error.problemas : [];
  const r = importar.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="importar-cuestionario">
      <Stack gap="sm">
        <Title order={2} size="h4" id="importar-cuestionario">
          Importar un cuestionario
        </Title>
        <Text size="sm">
          {descripcion} Si tiene un problema no se carga nada, y el informe dice en qué fila, sección e ítem.{' '}
          <Anchor href="/api/cuestionarios/plantilla.xlsx" underline="always">
            Descargar la plantilla (.xlsx)
          </Anchor>
        </Text>
        <Group align="end" wrap="wrap">
          <FileInput
            label="Archivo del cuestionario (.json o .xlsx)"
            description="Hasta 16 MB."
            accept={TIPOS}
            value={archivo}
            onChange={(f) => {
              setArchivo(f);
              importar.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': 'Quitar el archivo' }}
            style={{ flex: '1 1 16rem' }}
          />
          <Button
            disabled={!archivo}
            loading={importar.isPending}
            onClick={() => importar.mutate(archivo!, { onSuccess: () => setArchivo(null) })}
          >
            Importar el cuestionario
          </Button>
        </Group>
        {r && (
          <Exito>
            Se importó el cuestionario {r.codigo} de {r.vigencia} con {r.items} ítems en{' '}
            {r.secciones.filter((s) => s.nivel === 1).length} secciones.
          </Exito>
        )}
        <MensajeError error={importar.error} />
        {problemas.length > 0 && (
          <TablaTextos
            etiqueta="Problemas del cuestionario"
            columnas={['Fila', 'Sección', 'Ítem', 'Problema']}
            filas={problemas
              .slice(0, 200)
              .map((p) => [p.fila ?? '—', p.seccion ?? '—', p.item ?? '—', p.problema])}
          />
        )}
      </Stack>
    </Paper>
  );
}
