import { numeroCo } from '@core/numeros.ts';
import { Anchor, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Exito, MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { ProblemasImportacion } from '../../ui/problemas-importacion.tsx';
import { Enlace } from '../../ui/router.tsx';
import { ErrorImportacion, useImportarPlan } from './api.ts';

/** Export, template and import of the plan: the bridge with the offices that still work in Excel. */
export function ExcelPlan({
  base,
  vigencia,
  puedeImportar,
}: {
  base: string;
  vigencia: number;
  puedeImportar: boolean;
}) {
  const { entidad } = useTrabajo();
  const [archivo, setArchivo] = useState<File | null>(null);
  const importar = useImportarPlan(entidad!.id, vigencia);
  const problemas = importar.error instanceof ErrorImportacion ? importar.error.problemas : [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="excel-plan">
      <Stack gap="sm">
        <Title order={2} size="h4" id="excel-plan">
          Excel
        </Title>
        <Group>
          <Anchor href={`${base}/export.xlsx`} download>
            Descargar el plan y su seguimiento (.xlsx)
          </Anchor>
          <Anchor href={`${base}/plantilla.xlsx`} download>
            Descargar la plantilla para importar
          </Anchor>
        </Group>
        {puedeImportar && (
          <>
            <Text>
              ¿Su plan ya está en una hoja con sus propias columnas?{' '}
              <Enlace a="/plan/importar">Impórtelo tal como está</Enlace>: la plataforma reconoce las columnas
              y los nombres y usted solo revisa.
            </Text>
            <Group align="end">
              <FileInput
                label="Importar actividades desde la plantilla"
                description={`Se agregan al plan ${vigencia} en borrador; si una fila tiene un problema no se importa nada.`}
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={archivo}
                onChange={setArchivo}
                clearable
                clearButtonProps={{ 'aria-label': 'Quitar el archivo' }}
                style={{ flex: 1 }}
              />
              <Button
                variant="outline"
                disabled={!archivo}
                loading={importar.isPending}
                onClick={() => importar.mutate(archivo!, { onSuccess: () => setArchivo(null) })}
              >
                Importar
              </Button>
            </Group>
            {importar.isSuccess && (
              <Exito>Se importaron {numeroCo(importar.data.importadas)} actividades.</Exito>
            )}
            <MensajeError error={importar.error} />
            <ProblemasImportacion problemas={problemas} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
