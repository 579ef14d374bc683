import { ConfiguracionInicialSchema } from '@contrato/auth.ts';
import { Paper, Stack, TextInput } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { CampoClave } from '../../ui/campo-clave.tsx';
import { Exito, Pagina } from '../../ui/componentes.tsx';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { useConfiguracionInicial } from './api.ts';

export function ConfiguracionInicialPage() {
  const token = useSearch({ from: '/configuracion-inicial' }).token ?? '';
  const crear = useConfiguracionInicial();
  const form = useFormulario({
    inicial: { nombre: '', correo: '', clave: '' },
    esquema: ConfiguracionInicialSchema,
    etiquetas: { nombre: 'Nombre completo', correo: 'Correo electrónico', clave: 'Contraseña' },
    transformar: (v) => ({ ...v, token }),
  });
  return (
    <Pagina
      titulo="Configuración inicial"
      descripcion="Cree la cuenta del administrador de la plataforma. Este enlace sirve una sola vez."
    >
      {crear.isSuccess ? (
        <Exito>
          La cuenta quedó creada. <a href="/">Ingrese con su correo y contraseña</a>.
        </Exito>
      ) : (
        <Paper withBorder p="lg">
          <Formulario
            form={form}
            alEnviar={(datos) => crear.mutateAsync(datos)}
            etiquetaEnviar="Crear administrador"
          >
            <Stack>
              <TextInput {...campo(form, 'nombre')} autoComplete="name" required />
              <TextInput {...campo(form, 'correo')} type="email" autoComplete="email" required />
              <CampoClave
                {...campo(form, 'clave')}
                description="Al menos 10 caracteres, con letras y números."
                autoComplete="new-password"
                required
              />
            </Stack>
          </Formulario>
        </Paper>
      )}
    </Pagina>
  );
}
