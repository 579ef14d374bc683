import type { Entidad } from '@contrato/entidades.ts';
import { Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { Exito, MensajeError } from '../../ui/componentes.tsx';
import { useSubirLogo } from './api.ts';

export function LogoEntidad({ entidad }: { entidad: Entidad }) {
  const [archivo, setArchivo] = useState<File | null>(null);
  const [version, setVersion] = useState(0);
  const subir = useSubirLogo(entidad.id);
  const subirLogo = () =>
    subir.mutate(archivo!, {
      onSuccess: () => {
        setArchivo(null);
        setVersion((v) => v + 1);
      },
    });
  const errores = erroresPorCampo(subir.error);
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h3">
          Logo para las páginas públicas
        </Title>
        {entidad.tieneLogo ? (
          <img
            src={`/api/entidades/${entidad.id}/logo?v=${version}`}
            alt={`Logo actual de ${entidad.nombre}`}
            style={{ maxHeight: 96, maxWidth: 280, alignSelf: 'flex-start' }}
          />
        ) : (
          <Text>La entidad aún no tiene logo.</Text>
        )}
        {subir.isSuccess && <Exito>El logo quedó cargado.</Exito>}
        {subir.isError && !Object.keys(errores).length && <MensajeError error={subir.error} />}
        <Group align="end">
          <FileInput
            label="Archivo del logo"
            description="PNG, JPG o WebP, hasta 512 KB"
            accept="image/png,image/jpeg,image/webp"
            value={archivo}
            onChange={setArchivo}
            error={errores.logo}
            clearable
            clearButtonProps={{ 'aria-label': 'Quitar el archivo' }}
            w={320}
          />
          <Button onClick={subirLogo} disabled={!archivo} loading={subir.isPending}>
            Cargar logo
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
