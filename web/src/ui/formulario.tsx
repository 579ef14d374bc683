import { Alert, Button, Group, List } from '@mantine/core';
import { type FormErrors, schemaResolver, type UseFormReturnType, useForm } from '@mantine/form';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ErrorApi } from '../api.ts';

type Valores = Record<string, unknown>;

export interface OpcionesFormulario<V extends Valores> {
  inicial: V;
  /** The contract's schema: the browser checks what the server will check, with the same Spanish messages. */
  esquema?: StandardSchemaV1;
  /** Field path → the label people see; errors are always named by label, never by the API's key. */
  etiquetas: Partial<Record<string, string>>;
}

export type Formulario<V extends Valores> = UseFormReturnType<V> & {
  etiquetas: Partial<Record<string, string>>;
};

export function useFormulario<V extends Valores>({
  inicial,
  esquema,
  etiquetas,
}: OpcionesFormulario<V>): Formulario<V> {
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: inicial,
    validate: esquema ? schemaResolver(esquema, { sync: true }) : undefined,
    // Checked on submit, not on blur: a message appearing as the pointer goes down on the button moves
    // the button away and the click is lost. Editing a field clears its message (Mantine's default).
    validateInputOnBlur: false,
  });
  return Object.assign(form, { etiquetas });
}

const mayuscula = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Server field keys ('metas.0.valor', 'cuerpo') onto form paths; the rest become a general message. */
export function repartirErrores(
  error: ErrorApi,
  campos: ReadonlySet<string>,
): { porCampo: FormErrors; generales: string[] } {
  const porCampo: FormErrors = {};
  const generales: string[] = [];
  for (const c of error.campos) {
    if (campos.has(c.campo)) porCampo[c.campo] = mayuscula(c.mensaje);
    else generales.push(mayuscula(c.mensaje));
  }
  if (error.campos.length === 0) generales.push(error.message);
  return { porCampo, generales };
}

/** Warns before closing or reloading the tab while a form holds unsaved changes. */
export function useAvisoCambiosSinGuardar(activo: boolean) {
  useEffect(() => {
    if (!activo) return;
    const avisar = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', avisar);
    return () => window.removeEventListener('beforeunload', avisar);
  }, [activo]);
}

interface PropsFormulario<V extends Valores> {
  form: Formulario<V>;
  /** Runs once per submission; a second click while it runs does nothing. */
  alEnviar: (valores: V) => Promise<unknown>;
  etiquetaEnviar: string;
  /** Text on the button while the request is under way. */
  enviando?: string;
  children: ReactNode;
  acciones?: ReactNode;
  /** Keep the unsaved-changes warning off (e.g. a search form). */
  sinAviso?: boolean;
}

/**
 * A form that validates in the browser with the contract's schema, lists every problem at once by the
 * fields' labels (with links to them), maps the server's field errors onto the fields, never shows the
 * browser's own (English) tooltips, disables its button while sending and warns before leaving unsaved.
 */
export function Formulario<V extends Valores>({
  form,
  alEnviar,
  etiquetaEnviar,
  enviando = 'Guardando…',
  children,
  acciones,
  sinAviso,
}: PropsFormulario<V>) {
  const [pendiente, setPendiente] = useState(false);
  const [generales, setGenerales] = useState<string[]>([]);
  // The summary belongs to a submit attempt; server errors set after one are shown with it.
  const [intentado, setIntentado] = useState(false);
  const enCurso = useRef(false);
  const resumen = useRef<HTMLDivElement>(null);
  useAvisoCambiosSinGuardar(!sinAviso && form.isDirty() && !pendiente);

  const errores = Object.entries(form.errors).filter(([, m]) => m);
  const problemas = !intentado
    ? []
    : [
        ...errores.map(([campo, mensaje]) => ({
          campo,
          texto: `${form.etiquetas[campo] ?? campo}: ${mensaje}`,
        })),
        ...generales.map((texto) => ({ campo: null, texto })),
      ];

  const enfocarResumen = () => requestAnimationFrame(() => resumen.current?.focus());

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        async (valores) => {
          if (enCurso.current) return;
          enCurso.current = true;
          setIntentado(true);
          setPendiente(true);
          setGenerales([]);
          try {
            await alEnviar(valores as V);
            form.resetDirty();
            setIntentado(false);
          } catch (e) {
            if (e instanceof ErrorApi) {
              const { porCampo, generales } = repartirErrores(e, new Set(Object.keys(form.etiquetas)));
              form.setErrors(porCampo);
              setGenerales(generales);
            } else setGenerales([e instanceof Error ? e.message : String(e)]);
            enfocarResumen();
          } finally {
            enCurso.current = false;
            setPendiente(false);
          }
        },
        () => {
          setIntentado(true);
          setGenerales([]);
          enfocarResumen();
        },
      )}
    >
      {problemas.length > 0 && (
        <Alert
          ref={resumen}
          tabIndex={-1}
          color="red.9"
          variant="outline"
          role="alert"
          title={problemas.length === 1 ? 'Revise este dato' : `Revise estos ${problemas.length} datos`}
          mb="md"
        >
          <List size="sm">
            {problemas.map((p) => (
              <List.Item key={p.texto}>
                {p.campo ? (
                  <a
                    href={`#${campoId(p.campo)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(campoId(p.campo!))?.focus();
                    }}
                  >
                    {p.texto}
                  </a>
                ) : (
                  p.texto
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {children}
      <Group mt="md">
        <Button
          type="submit"
          loading={pendiente}
          disabled={pendiente}
          loaderProps={{ 'aria-label': enviando }}
        >
          {etiquetaEnviar}
        </Button>
        {acciones}
      </Group>
    </form>
  );
}

/** The id the error summary links to: pass it to the field as `id={campoId('nombre')}`. */
export const campoId = (campo: string) => `campo-${campo.replaceAll('.', '-')}`;

/** Props for a Mantine input bound to a form field: value, error, label and the id the summary links to. */
export function campo<V extends Valores>(form: Formulario<V>, ruta: string) {
  return {
    ...form.getInputProps(ruta),
    id: campoId(ruta),
    label: form.etiquetas[ruta],
  };
}
