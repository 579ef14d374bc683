import { Alert, Button, type ButtonProps, Group, List } from '@mantine/core';
import { type FormErrors, schemaResolver, type UseFormReturnType, useForm } from '@mantine/form';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ErrorApi } from '../api.ts';
import { useAvisoCambiosSinGuardar } from './cambios-sin-guardar.ts';
import '../zod-es.ts';
import { type Etiquetas, etiquetaDe, mayuscula, problemaDeCampo } from './etiquetas.ts';

type Valores = Record<string, unknown>;

export interface OpcionesFormulario<V extends Valores, T = V> {
  inicial: V;
  /** The contract's schema: the browser checks what the server will check, with the same Spanish messages. */
  esquema?: StandardSchemaV1;
  /** Field path → the label people see; errors are always named by label, never by the API's key. */
  etiquetas: Etiquetas;
  /**
   * What the form holds → what the API takes (dd/mm/aaaa → aaaa-mm-dd, '' → null, text → number): the
   * schema checks the result, so its messages are the server's, and `alEnviar` receives it.
   */
  transformar?: (valores: V) => T;
}

export type Formulario<V extends Valores, T = V> = UseFormReturnType<V> & {
  etiquetas: Etiquetas;
  /** Unique per form: two forms on a page may both have a «codigo» field. */
  prefijo: string;
  transformar?: (valores: V) => T;
};

export function useFormulario<V extends Valores, T = V>({
  inicial,
  esquema,
  etiquetas,
  transformar,
}: OpcionesFormulario<V, T>): Formulario<V, T> {
  const resolver = esquema && schemaResolver(esquema, { sync: true });
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: inicial,
    validate: resolver
      ? (valores: V) => {
          // The contract words its messages to follow «Revise el campo …:»; under a field they start a sentence.
          const errores = resolver(transformar ? transformar(valores) : valores);
          return Object.fromEntries(Object.entries(errores).map(([k, m]) => [k, mayuscula(String(m))]));
        }
      : undefined,
    // Checked on submit, not on blur: a message appearing as the pointer goes down on the button moves
    // the button away and the click is lost. Editing a field clears its message (Mantine's default).
    validateInputOnBlur: false,
  });
  const prefijo = useId();
  return Object.assign(form, { etiquetas, transformar, prefijo });
}

/** Server field keys ('metas.0.valor', 'cuerpo') onto form paths; the rest become a general message. */
export function repartirErrores(
  error: ErrorApi,
  campos: ReadonlySet<string>,
): { porCampo: FormErrors; generales: string[] } {
  const porCampo: FormErrors = {};
  const generales: string[] = [];
  for (const c of error.campos) {
    if (campos.has(c.campo) || campos.has(c.campo.split('.')[0]!)) porCampo[c.campo] = mayuscula(c.mensaje);
    else generales.push(mayuscula(c.mensaje));
  }
  if (error.campos.length === 0) generales.push(error.message);
  return { porCampo, generales };
}

interface PropsFormulario<V extends Valores, T> {
  form: Formulario<V, T>;
  /** Runs once per submission (with the transformed values); a second click while it runs does nothing. */
  alEnviar: (valores: T) => Promise<unknown>;
  etiquetaEnviar: string;
  /** Text on the button while the request is under way. */
  enviando?: string;
  children: ReactNode;
  acciones?: ReactNode;
  /** Keep the unsaved-changes warning off (e.g. a search form). */
  sinAviso?: boolean;
  /** Read-only: no submit button. */
  sinBoton?: boolean;
  propsBoton?: ButtonProps;
  /** Shown above the fields after a successful submission, until the next change. */
  exito?: ReactNode;
}

/**
 * A form that validates in the browser with the contract's schema, lists every problem at once by the
 * fields' labels (with links to them), maps the server's field errors onto the fields, never shows the
 * browser's own (English) tooltips, disables its button while sending and warns before leaving unsaved.
 */
export function Formulario<V extends Valores, T = V>({
  form,
  alEnviar,
  etiquetaEnviar,
  enviando = 'Guardando…',
  children,
  acciones,
  sinAviso,
  sinBoton,
  propsBoton,
  exito,
}: PropsFormulario<V, T>) {
  const [enviado, setEnviado] = useState(false);
  const [pendiente, setPendiente] = useState(false);
  const [generales, setGenerales] = useState<string[]>([]);
  // The summary belongs to a submit attempt; server errors set after one are shown with it.
  const [intentado, setIntentado] = useState(false);
  const enCurso = useRef(false);
  const resumen = useRef<HTMLDivElement>(null);
  // Released while sending: saving may change the address by itself (a first entity lands in it, a new
  // committee session opens its page), and that is no exit to ask about.
  useAvisoCambiosSinGuardar(!sinAviso && form.isDirty() && !pendiente);

  // In the order the fields appear (the order of `etiquetas`), not the schema's.
  const orden = Object.keys(form.etiquetas);
  const posicion = (campo: string) => {
    const i = orden.findIndex((k) => campo === k || campo.startsWith(`${k}.`));
    return i < 0 ? orden.length : i;
  };
  const errores = Object.entries(form.errors)
    .filter(([, m]) => m)
    .sort(([a], [b]) => posicion(a) - posicion(b));
  const problemas = !intentado
    ? []
    : [
        ...errores.map(([campo, mensaje]) => {
          // Never the API's key: an unlabelled path links nowhere and shows the message alone.
          return {
            campo: etiquetaDe(form.etiquetas, campo) ? campo : null,
            texto: problemaDeCampo(form.etiquetas, { campo, mensaje: String(mensaje) }),
          };
        }),
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
          setEnviado(false);
          try {
            await alEnviar((form.transformar ? form.transformar(valores as V) : valores) as T);
            form.resetDirty();
            setIntentado(false);
            setEnviado(true);
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
          title={
            errores.length === 0
              ? undefined
              : problemas.length === 1
                ? 'Revise este dato'
                : `Revise estos ${problemas.length} datos`
          }
          mb="md"
        >
          <List size="sm">
            {problemas.map((p) => (
              <List.Item key={p.texto}>
                {p.campo ? (
                  <a
                    href={`#${campoId(form, p.campo)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(campoId(form, p.campo!))?.focus();
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
      {exito && enviado && !form.isDirty() && problemas.length === 0 && (
        <Alert color="green.9" variant="outline" role="status" mb="md">
          {exito}
        </Alert>
      )}
      {children}
      {!sinBoton && (
        <Group mt="md">
          <Button
            type="submit"
            loading={pendiente}
            disabled={pendiente}
            loaderProps={{ 'aria-label': enviando }}
            {...propsBoton}
          >
            {etiquetaEnviar}
          </Button>
          {acciones}
        </Group>
      )}
    </form>
  );
}

/** A NumberInput holds '' while empty: that is no number, so the schema says «escriba … como número». */
export const aNumero = (x: number | string) => (x === '' ? Number.NaN : Number(x));

/** The id the error summary links to (`campo()` sets it on the field). */
export const campoId = (form: { prefijo: string }, campo: string) =>
  `campo${form.prefijo.replace(/[^\w-]/g, '')}-${campo.replaceAll('.', '-')}`;

/** Props for a Mantine input bound to a form field: value, error, label and the id the summary links to. */
export function campo<V extends Valores, T>(form: Formulario<V, T>, ruta: string) {
  return {
    ...form.getInputProps(ruta),
    id: campoId(form, ruta),
    label: form.etiquetas[ruta],
  };
}

/**
 * For a parent that hands over `mutate` (no promise) with its `isPending` and `error`: turns one call into a
 * promise that settles when that request ends, so `Formulario` still sends once and places the server's
 * errors at their fields. A call that already returns a promise (`mutateAsync`) is used as it is.
 */
export function usePromesaDeEnvio(pendiente: boolean, error: unknown) {
  const espera = useRef<{ visto: boolean; resolver: () => void; rechazar: (e: unknown) => void } | null>(
    null,
  );
  useEffect(() => {
    const e = espera.current;
    if (!e) return;
    if (pendiente) e.visto = true;
    else if (e.visto) {
      espera.current = null;
      if (error) e.rechazar(error);
      else e.resolver();
    }
  }, [pendiente, error]);
  return (lanzar: () => unknown) =>
    new Promise<void>((resolver, rechazar) => {
      const r = lanzar();
      if (r instanceof Promise) r.then(() => resolver(), rechazar);
      else espera.current = { visto: pendiente, resolver, rechazar };
    });
}
