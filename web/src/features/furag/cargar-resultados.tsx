import { RESULTADOS_FURAG_MAXIMO_BYTES } from '@contrato/furag.ts';
import { Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorTabla } from '../../api-archivos.ts';
import { Exito, MensajeError } from '../../ui/componentes.tsx';
import { cantidad } from '../../ui/formato.ts';
import { Numero } from '../../ui/numero.tsx';
import { ProblemasImportacion } from '../../ui/problemas-importacion.tsx';
import { useCargarResultados } from './api.ts';

const TIPOS = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const MB = RESULTADOS_FURAG_MAXIMO_BYTES / (1024 * 1024);

/** The platform administrator loads the national results file Función Pública publishes for a vigencia. */
export function CargarResultados() {
  const [archivo, setArchivo] = useState<File | null>(null);
  const [vigencia, setVigencia] = useState<number | string>(new Date().getFullYear() - 1);
  const cargar = useCargarResultados();
  const problemas = cargar.error instanceof ErrorTabla ? cargar.error.problemas : [];
  const muyGrande = !!archivo && archivo.size > RESULTADOS_FURAG_MAXIMO_BYTES;
  const anio = typeof vigencia === 'number' ? vigencia : Number.NaN;
  const anioValido = Number.isInteger(anio) && anio >= 2000 && anio <= 2100;
  const r = cargar.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="furag-cargar">
      <Stack gap="sm">
        <Title order={2} size="h4" id="furag-cargar">
          Cargar el archivo oficial de resultados
        </Title>
        <Text size="sm">
          El archivo nacional que publica Función Pública para una vigencia (.xlsx o .csv, una fila por
          entidad). Las columnas se reconocen por su código (IDI, D1…D7, POL01…POL19, I01…), no por su
          posición; una celda vacía es «no aplica». Reemplaza la carga anterior de esa vigencia, todo o nada.
        </Text>
        <Group align="end" wrap="wrap">
          <Numero
            label="Vigencia de los resultados"
            value={vigencia}
            onChange={(v) => {
              setVigencia(v);
              cargar.reset();
            }}
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            error={anioValido ? undefined : 'Escriba un año entre 2000 y 2100.'}
            w="11rem"
          />
          <FileInput
            label="Archivo de resultados (.xlsx o .csv)"
            description={`Hasta ${MB} MB.`}
            accept={TIPOS}
            value={archivo}
            onChange={(f) => {
              setArchivo(f);
              cargar.reset();
            }}
            error={muyGrande ? `El archivo pesa más de ${MB} MB.` : undefined}
            clearable
            clearButtonProps={{ 'aria-label': 'Quitar el archivo' }}
            style={{ flex: '1 1 16rem' }}
          />
          <Button
            disabled={!archivo || muyGrande || !anioValido}
            loading={cargar.isPending}
            onClick={() =>
              cargar.mutate({ vigencia: anio, archivo: archivo! }, { onSuccess: () => setArchivo(null) })
            }
          >
            Cargar resultados
          </Button>
        </Group>
        {r && (
          <Exito>
            Se cargaron los resultados de {cantidad(r.entidades, 'entidad', 'entidades')} con{' '}
            {cantidad(r.columnas.reconocidas, 'columna de puntajes', 'columnas de puntajes')}.
            {r.columnas.ignoradas.length > 0 &&
              ` No se usaron estas columnas: ${r.columnas.ignoradas.map((c) => `«${c}»`).join(', ')}.`}
          </Exito>
        )}
        <MensajeError error={cargar.error} />
        <ProblemasImportacion problemas={problemas} />
      </Stack>
    </Paper>
  );
}
