import { TABLA_MAXIMA_BYTES } from '@contrato/excel.ts';
import { Anchor, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorTabla } from '../../api-archivos.ts';
import { Exito, MensajeError } from '../../ui/componentes.tsx';
import { cantidad } from '../../ui/formato.ts';
import { ProblemasImportacion, TablaTextos } from '../../ui/problemas-importacion.tsx';
import { useImportarPersonas } from './api.ts';

const TIPOS = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** Upload of the people template: the file's report when it is refused, or who was created. */
export function ImportarPersonas({ entidadId }: { entidadId: string }) {
  const [archivo, setArchivo] = useState<File | null>(null);
  const importar = useImportarPersonas(entidadId);
  const problemas = importar.error instanceof ErrorTabla ? importar.error.problemas : [];
  const r = importar.data;
  const muyGrande = !!archivo && archivo.size > TABLA_MAXIMA_BYTES;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="importar-personas">
      <Stack gap="sm">
        <Title order={2} size="h4" id="importar-personas">
          Importar personas
        </Title>
        <Text size="sm">
          Llene la plantilla con nombre, correo, roles y cargo. Cada persona recibe un enlace para definir su
          contraseña. Si una fila tiene un problema no se crea ninguna cuenta.
        </Text>
        <Anchor href={`/api/entidades/${entidadId}/usuarios/plantilla.xlsx`} download>
          Descargar la plantilla de personas (.xlsx)
        </Anchor>
        <Group align="end" wrap="wrap">
          <FileInput
            label="Archivo de personas (.xlsx o .csv)"
            description="Hasta 5 MB y 500 personas."
            accept={TIPOS}
            value={archivo}
            onChange={(f) => {
              setArchivo(f);
              importar.reset();
            }}
            error={muyGrande ? 'El archivo pesa más de 5 MB. Divídalo en varios archivos.' : undefined}
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
        {r && (
          <Exito>
            Se {r.importadas === 1 ? 'creó' : 'crearon'} {cantidad(r.importadas, 'cuenta', 'cuentas')}.{' '}
            {r.correoEnviado
              ? 'Cada persona recibirá un correo con el enlace para definir su contraseña.'
              : 'El correo está apagado: entregue a cada persona su enlace (vale 72 horas y sirve una sola vez).'}
          </Exito>
        )}
        {r && r.enlaces.length > 0 && (
          <TablaTextos
            etiqueta="Enlaces para definir la contraseña"
            columnas={['Persona', 'Correo', 'Enlace para definir la contraseña']}
            filas={r.enlaces.map((e) => [e.nombre, e.correo, `${window.location.origin}${e.enlaceClave}`])}
          />
        )}
        <MensajeError error={importar.error} />
        <ProblemasImportacion problemas={problemas} />
      </Stack>
    </Paper>
  );
}
