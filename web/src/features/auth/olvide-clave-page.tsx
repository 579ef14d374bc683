import { type OlvideClave, type OlvideClaveRespuesta, OlvideClaveSchema } from '@contrato/correo.ts';
import { Paper, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { Cargando, Exito, Pagina } from '../../ui/componentes.tsx';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { useEstadoPlataforma } from './estado-plataforma.ts';

/** /olvide-clave: asks for a set-password link by e-mail; the answer never says whether the account exists. */
export function OlvideClavePage() {
  const estado = useEstadoPlataforma();
  const pedir = useMutation({
    mutationFn: (datos: OlvideClave) => api<OlvideClaveRespuesta>('POST', '/api/auth/olvide-clave', datos),
  });
  const form = useFormulario({
    inicial: { correo: '' },
    esquema: OlvideClaveSchema,
    etiquetas: { correo: 'Correo electrónico' },
  });
  if (estado.isPending) return <Cargando />;
  if (estado.data && !estado.data.correoActivo)
    return (
      <Pagina titulo="¿Olvidó su contraseña?">
        <p>
          Esta plataforma no envía correos. Pida al administrador de su entidad que restablezca su contraseña
          en «Usuarios y roles»: le entregará un enlace de un solo uso para que defina una nueva.
        </p>
        <p>
          <a href="/">Volver a la página de ingreso</a>
        </p>
      </Pagina>
    );
  return (
    <Pagina
      titulo="¿Olvidó su contraseña?"
      descripcion="Escriba el correo con el que ingresa: le enviaremos un enlace para definir una nueva contraseña."
    >
      {pedir.isSuccess ? (
        <Exito>
          {pedir.data.mensaje} <a href="/">Volver a la página de ingreso</a>.
        </Exito>
      ) : (
        <Paper withBorder p="lg">
          <Formulario
            form={form}
            alEnviar={(datos) => pedir.mutateAsync(datos)}
            etiquetaEnviar="Enviarme el enlace"
            enviando="Enviando…"
            acciones={<a href="/">Volver a la página de ingreso</a>}
            sinAviso
          >
            <TextInput {...campo(form, 'correo')} type="email" autoComplete="username" required />
          </Formulario>
        </Paper>
      )}
    </Pagina>
  );
}
