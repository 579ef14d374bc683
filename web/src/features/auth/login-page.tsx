import { Paper, Stack, TextInput } from '@mantine/core';
import { CampoClave } from '../../ui/campo-clave.tsx';
import { Pagina } from '../../ui/componentes.tsx';
import { ENCABEZADOS } from '../../ui/esqueleto.tsx';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { useIngresar } from './api.ts';
import { AvisoPrimerArranque } from './aviso-primer-arranque.tsx';
import { useEstadoPlataforma } from './estado-plataforma.ts';

export function LoginPage() {
  const estado = useEstadoPlataforma();
  const ingresar = useIngresar();
  // No schema here: the entry page stays light (zod is 25 KB gzip); the server answers in the same words, at
  // each field.
  const form = useFormulario({
    inicial: { email: '', password: '' },
    etiquetas: ENCABEZADOS.ingreso.etiquetas,
  });
  return (
    <Pagina titulo={ENCABEZADOS.ingreso.titulo()} descripcion={ENCABEZADOS.ingreso.descripcion}>
      <Paper withBorder p="lg">
        <Formulario
          form={form}
          alEnviar={(datos) => ingresar.mutateAsync(datos)}
          etiquetaEnviar="Ingresar"
          enviando="Ingresando…"
          propsBoton={{ size: 'md' }}
          acciones={<a href="/olvide-clave">¿Olvidó su contraseña?</a>}
          sinAviso
        >
          <Stack>
            <TextInput {...campo(form, 'email')} type="email" autoComplete="username" required />
            <CampoClave {...campo(form, 'password')} autoComplete="current-password" required />
          </Stack>
        </Formulario>
      </Paper>
      {/* Below the form: it arrives with its own request and must not push the form down (layout shift). */}
      {estado.data?.sinAdministrador && <AvisoPrimerArranque />}
    </Pagina>
  );
}
