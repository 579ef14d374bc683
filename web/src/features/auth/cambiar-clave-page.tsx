import { CambiarClaveSchema } from '@contrato/auth.ts';
import { Paper, Stack } from '@mantine/core';
import { CampoClave } from '../../ui/campo-clave.tsx';
import { Pagina } from '../../ui/componentes.tsx';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { useCambiarClave } from './api.ts';
import { ClaveNueva, conConfirmacion } from './clave-nueva.tsx';

export function CambiarClavePage({ obligatorio = false }: { obligatorio?: boolean }) {
  const cambiar = useCambiarClave();
  const form = useFormulario({
    inicial: { actual: '', nueva: '', confirmacion: '' },
    esquema: conConfirmacion(CambiarClaveSchema, 'nueva'),
    etiquetas: {
      actual: 'Contraseña actual',
      nueva: 'Nueva contraseña',
      confirmacion: 'Repita la nueva contraseña',
    },
  });
  return (
    <Pagina
      titulo="Cambiar contraseña"
      descripcion={
        obligatorio
          ? 'Está usando una contraseña temporal. Elija una propia para continuar.'
          : 'Use al menos 10 caracteres que combinen letras y números.'
      }
    >
      <Paper withBorder p="lg">
        <Formulario
          form={form}
          alEnviar={({ actual, nueva }) => cambiar.mutateAsync({ actual, nueva }).then(() => form.reset())}
          etiquetaEnviar="Guardar contraseña"
          exito="La contraseña se cambió."
        >
          <Stack>
            <CampoClave {...campo(form, 'actual')} autoComplete="current-password" required />
            <ClaveNueva
              form={form}
              clave="nueva"
              descripcion="Al menos 10 caracteres, con letras y números."
            />
          </Stack>
        </Formulario>
      </Paper>
    </Pagina>
  );
}
