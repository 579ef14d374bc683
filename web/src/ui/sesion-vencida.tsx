import type { Sesion } from '@contrato/auth.ts';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { api, atenderSesionVencida, erroresPorCampo, fijarCsrf } from '../api.ts';
import { authKeys } from '../features/auth/api.ts';
import { CampoClave } from './campo-clave.tsx';
import { MensajeError } from './componentes.tsx';

interface Espera {
  promesa: Promise<boolean>;
  resolver: (ok: boolean) => void;
}

// The browser's own modal <dialog>: focus kept inside, the page behind inert, Escape closes; no dialog
// library in the first download for something most sessions never show.
const ESTILO_DIALOGO = `
.sesion-vencida { border: 0; border-radius: 8px; padding: 1.5rem; width: min(28rem, calc(100vw - 2rem));
  box-shadow: 0 10px 40px rgb(0 0 0 / 35%); }
.sesion-vencida::backdrop { background: rgb(0 0 0 / 55%); }`;

/**
 * When the session ends while someone works (it lasts 12 hours, or it was closed elsewhere), every API
 * call that meets the 401 waits here: a dialog over the same page asks for the password again, and once
 * logged in those calls are sent again. The page is never unmounted, so forms keep what was typed.
 * Cancelling lets the calls fail with the API's message; the next one asks again.
 */
export function SesionVencida({ correo, usuarioId }: { correo: string; usuarioId: string }) {
  const cliente = useQueryClient();
  const dialogo = useRef<HTMLDialogElement>(null);
  const espera = useRef<Espera | null>(null);
  const [abierto, setAbierto] = useState(false);
  const [email, setEmail] = useState(correo);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pendiente, setPendiente] = useState(false);
  const titulo = useId();
  const clave = useRef<HTMLInputElement>(null);

  const terminar = (ok: boolean) => {
    const e = espera.current;
    espera.current = null;
    setAbierto(false);
    setPassword('');
    setError(null);
    e?.resolver(ok);
  };

  useEffect(() => {
    atenderSesionVencida(() => {
      // Logging out empties the cache first: a late 401 then is no expiry to ask about.
      if (!cliente.getQueryData(authKeys.sesion)) return Promise.resolve(false);
      // Several calls may fail at once: one dialog, and all of them go again after one login.
      if (!espera.current) {
        let resolver: (ok: boolean) => void = () => {};
        const promesa = new Promise<boolean>((r) => {
          resolver = r;
        });
        espera.current = { promesa, resolver };
        setAbierto(true);
      }
      return espera.current.promesa;
    });
    return () => {
      atenderSesionVencida(null);
      espera.current?.resolver(false);
      espera.current = null;
    };
  }, [cliente]);

  useEffect(() => {
    const d = dialogo.current;
    if (!d) return;
    if (abierto && !d.open) {
      d.showModal();
      clave.current?.focus();
    }
    if (!abierto && d.open) d.close();
  }, [abierto]);

  const ingresar = async (e: FormEvent) => {
    e.preventDefault();
    if (pendiente) return;
    setPendiente(true);
    setError(null);
    try {
      const s = await api<Sesion>('POST', '/api/auth/login', { email, password });
      // Someone else logged in on this device: nothing of the previous person's page is theirs to send.
      if (s.usuario.id !== usuarioId) {
        window.location.assign('/');
        return;
      }
      fijarCsrf(s.csrf);
      cliente.setQueryData(authKeys.sesion, s);
      terminar(true);
    } catch (x) {
      setError(x);
    } finally {
      setPendiente(false);
    }
  };
  const errores = erroresPorCampo(error);

  return (
    <dialog
      ref={dialogo}
      className="sesion-vencida"
      aria-labelledby={titulo}
      onCancel={(e) => {
        e.preventDefault();
        terminar(false);
      }}
    >
      <style>{ESTILO_DIALOGO}</style>
      {abierto && (
        <form onSubmit={ingresar} noValidate>
          <Stack>
            <Title order={2} size="h3" id={titulo}>
              Su sesión terminó
            </Title>
            <Text>
              Por seguridad, la sesión se cierra después de un tiempo. Lo que escribió sigue en la página:
              ingrese de nuevo y se completa lo que estaba haciendo.
            </Text>
            {!!error && !Object.keys(errores).length && <MensajeError error={error} />}
            <TextInput
              label="Correo electrónico"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errores.email}
            />
            <CampoClave
              label="Contraseña"
              autoComplete="current-password"
              required
              ref={clave}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errores.password}
            />
            <Group>
              <Button type="submit" loading={pendiente} disabled={pendiente}>
                Ingresar y continuar
              </Button>
              <Button variant="subtle" onClick={() => terminar(false)} disabled={pendiente}>
                Cancelar
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </dialog>
  );
}
