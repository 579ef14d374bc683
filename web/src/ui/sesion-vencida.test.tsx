import type { Sesion } from '@contrato/auth.ts';
import { Button, TextInput } from '@mantine/core';
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, fijarCsrf } from '../api.ts';
import { authKeys } from '../features/auth/api.ts';
import { MensajeError } from './componentes.tsx';
import { renderConMantine } from './render-prueba.tsx';
import { SesionVencida } from './sesion-vencida.tsx';

const SESION: Sesion = {
  usuario: {
    id: 'u-1',
    nombre: 'Yolanda Responsable',
    correo: 'yolanda@prueba.example',
    adminPlataforma: false,
    debeCambiarClave: false,
  },
  entidades: [],
  csrf: 'viejo',
};

interface Peticion {
  metodo: string;
  url: string;
  csrf: string | null;
  cuerpo: unknown;
}

/**
 * A tiny server in front of fetch: the session is over until someone logs in with the right password;
 * every request is recorded with its CSRF header and body.
 */
function servidor({ clave = 'Sibundoy2026x', otraPersona = false } = {}) {
  const peticiones: Peticion[] = [];
  let vigente = false;
  const json = (status: number, cuerpo: unknown) =>
    new Response(JSON.stringify(cuerpo), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const cuerpo = init.body ? JSON.parse(String(init.body)) : undefined;
      const csrf = (init.headers as Record<string, string>)['x-csrf-token'] ?? null;
      peticiones.push({ metodo: init.method ?? 'GET', url, csrf, cuerpo });
      if (url === '/api/auth/login') {
        if (cuerpo.password !== clave) return json(401, { mensaje: 'Correo o contraseña incorrectos.' });
        vigente = true;
        const usuario = otraPersona ? { ...SESION.usuario, id: 'u-2' } : SESION.usuario;
        return json(200, { ...SESION, usuario, csrf: 'nuevo' });
      }
      if (!vigente || csrf !== 'nuevo') return json(401, { mensaje: 'Debe iniciar sesión para continuar.' });
      return json(200, { guardado: cuerpo.texto });
    }),
  );
  return peticiones;
}

/** A page with a form whose data goes through the shared `api` wrapper. */
function Pagina() {
  const [texto, setTexto] = useState('');
  const guardar = useMutation({
    mutationFn: (t: string) => api<{ guardado: string }>('POST', '/api/notas', { texto: t }),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        guardar.mutate(texto);
      }}
    >
      <TextInput label="Observaciones" value={texto} onChange={(e) => setTexto(e.currentTarget.value)} />
      <Button type="submit">Guardar</Button>
      <MensajeError error={guardar.error} />
      {guardar.data && <p role="status">Guardado: {guardar.data.guardado}</p>}
    </form>
  );
}

function montar() {
  const cliente = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  cliente.setQueryData(authKeys.sesion, SESION);
  renderConMantine(
    <QueryClientProvider client={cliente}>
      <Pagina />
      <SesionVencida correo={SESION.usuario.correo} usuarioId={SESION.usuario.id} />
    </QueryClientProvider>,
  );
  return cliente;
}

const TEXTO = 'Faltan las firmas del acta del comité.';

beforeEach(() => fijarCsrf('viejo'));
afterEach(() => vi.unstubAllGlobals());

// Typing letter by letter is slow on a loaded machine: more than the default 5 s.
describe('la sesión vence mientras se trabaja', { timeout: 20_000 }, () => {
  it('pide la contraseña en un diálogo sobre la página y, al ingresar, reenvía lo escrito', async () => {
    const peticiones = servidor();
    const cliente = montar();
    await userEvent.type(screen.getByLabelText('Observaciones'), TEXTO);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));

    const dialogo = await screen.findByRole('dialog', { name: 'Su sesión terminó' });
    expect(dialogo.textContent).toContain('Lo que escribió sigue en la página');
    expect(screen.getByLabelText<HTMLInputElement>(/^Correo electrónico/).value).toBe(SESION.usuario.correo);
    // The password field has the focus: the person only types it.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Contraseña/)));

    await userEvent.type(screen.getByLabelText(/^Contraseña/), 'Sibundoy2026x');
    await userEvent.click(screen.getByRole('button', { name: 'Ingresar y continuar' }));

    expect((await screen.findByRole('status')).textContent).toBe(`Guardado: ${TEXTO}`);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Observaciones').value).toBe(TEXTO);
    expect(screen.queryByRole('alert')).toBeNull();
    // The same request again, with the new session's CSRF code and the same body.
    const notas = peticiones.filter((p) => p.url === '/api/notas');
    expect(notas.map((p) => [p.csrf, p.cuerpo])).toEqual([
      ['viejo', { texto: TEXTO }],
      ['nuevo', { texto: TEXTO }],
    ]);
    expect(cliente.getQueryData<Sesion>(authKeys.sesion)?.csrf).toBe('nuevo');
  });

  it('una contraseña errada se dice en el diálogo; cancelar deja el error en el formulario y lo escrito', async () => {
    servidor();
    montar();
    await userEvent.type(screen.getByLabelText('Observaciones'), TEXTO);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await screen.findByRole('dialog', { name: 'Su sesión terminó' });
    await userEvent.type(screen.getByLabelText(/^Contraseña/), 'otra-clave');
    await userEvent.click(screen.getByRole('button', { name: 'Ingresar y continuar' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Correo o contraseña incorrectos.');
    expect(screen.getByRole('dialog', { name: 'Su sesión terminó' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await screen.findByRole('alert')).textContent).toContain('Debe iniciar sesión para continuar.');
    expect(screen.getByLabelText<HTMLInputElement>('Observaciones').value).toBe(TEXTO);
  });

  it('si ingresa otra persona, no se reenvía nada de la anterior: la plataforma empieza de nuevo', async () => {
    const peticiones = servidor({ otraPersona: true });
    const ir = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign: ir });
    montar();
    await userEvent.type(screen.getByLabelText('Observaciones'), TEXTO);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await screen.findByRole('dialog', { name: 'Su sesión terminó' });
    const correo = screen.getByLabelText(/^Correo electrónico/);
    await userEvent.clear(correo);
    await userEvent.type(correo, 'otra@prueba.example');
    await userEvent.type(screen.getByLabelText(/^Contraseña/), 'Sibundoy2026x');
    await userEvent.click(screen.getByRole('button', { name: 'Ingresar y continuar' }));
    await waitFor(() => expect(ir).toHaveBeenCalledWith('/'));
    expect(peticiones.filter((p) => p.url === '/api/notas')).toHaveLength(1);
  });

  it('sin sesión en la memoria (después de salir) un 401 no abre el diálogo', async () => {
    servidor();
    const cliente = montar();
    cliente.clear();
    await userEvent.type(screen.getByLabelText('Observaciones'), TEXTO);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Debe iniciar sesión para continuar.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
