// The public page of a consultation (server-rendered HTML, no JavaScript): the draft, the comment form with
// the personal-data notice, and the comments with the entity's answers, without names.
import {
  AVISO_DATOS_PERSONALES,
  LIMITES_COMENTARIO,
  NOMBRE_OBJETO,
  type ObjetoConsulta,
} from '../../core/consulta.ts';
import { fechaCivil } from '../../core/formato.ts';
import { type Html, html } from '../../core/html.ts';
import { numeroCo } from '../../core/numeros.ts';
import type { ContactoEntidad } from '../publico/publico.repository.ts';
import { documento } from '../publico/publico.vista.ts';
import type { consultaPublica } from './consultas.service.ts';

type Vista = Awaited<ReturnType<typeof consultaPublica>>;
export interface EstadoFormulario {
  valores?: { nombre?: string; correo?: string; texto?: string };
  errores?: Record<string, string>;
  enviado?: number;
}

const mayuscula = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const campoError = (errores: Record<string, string> | undefined, campo: string) =>
  errores?.[campo] ? html`<p class="error" id="error-${campo}">${mayuscula(errores[campo])}.</p>` : null;
/** The fields by the name the form shows, for the summary above it. */
const ETIQUETAS: Record<string, string> = {
  texto: 'Su comentario',
  nombre: 'Su nombre',
  correo: 'Su correo',
  acepto: 'El aviso de datos personales',
};
const ORDEN = Object.keys(ETIQUETAS);
const describe = (errores: Record<string, string> | undefined, campo: string) =>
  errores?.[campo] ? `error-${campo}` : undefined;

function formulario(accion: string, f: EstadoFormulario): Html {
  const e = f.errores;
  const v = f.valores ?? {};
  return html`<form class="formulario" method="post" action="${accion}#comentar" novalidate>
<label for="texto">Su comentario (obligatorio)</label>
<textarea id="texto" name="texto" rows="6" maxlength="${String(LIMITES_COMENTARIO.texto)}" required aria-required="true"${e?.texto ? html` aria-invalid="true" aria-describedby="error-texto"` : null}>${v.texto ?? ''}</textarea>
${campoError(e, 'texto')}
<label for="nombre">Su nombre (opcional)</label>
<input type="text" id="nombre" name="nombre" autocomplete="name" maxlength="${String(LIMITES_COMENTARIO.nombre)}" value="${v.nombre ?? ''}"${describe(e, 'nombre') ? html` aria-invalid="true" aria-describedby="error-nombre"` : null}>
${campoError(e, 'nombre')}
<label for="correo">Su correo, si quiere que le escribamos (opcional)</label>
<input type="email" id="correo" name="correo" autocomplete="email" maxlength="${String(LIMITES_COMENTARIO.correo)}" value="${v.correo ?? ''}"${e?.correo ? html` aria-invalid="true" aria-describedby="error-correo"` : null}>
${campoError(e, 'correo')}
<div class="oculto" aria-hidden="true"><label for="sitio">No escriba aquí</label><input type="text" id="sitio" name="sitio" tabindex="-1" autocomplete="off"></div>
<p>${AVISO_DATOS_PERSONALES}</p>
<label class="casilla" for="acepto"><input type="checkbox" id="acepto" name="acepto" value="si" required${e?.acepto ? html` aria-invalid="true" aria-describedby="error-acepto"` : null}> Leí el aviso sobre mis datos personales</label>
${campoError(e, 'acepto')}
<button type="submit">Enviar comentario</button>
</form>`;
}

export function paginaConsulta(
  v: Vista,
  entidad: ContactoEntidad,
  ruta: string,
  estilo: string,
  f: EstadoFormulario = {},
): string {
  const c = v.consulta;
  const objeto = NOMBRE_OBJETO[c.objeto as ObjetoConsulta];
  const estado =
    c.estado === 'abierta'
      ? html`<p>Recibe comentarios <strong>hasta el ${fechaCivil(c.cierra)}</strong>.</p>`
      : c.estado === 'programada'
        ? html`<p>Recibirá comentarios del ${fechaCivil(c.abre)} al ${fechaCivil(c.cierra)}.</p>`
        : html`<p>Recibió comentarios del ${fechaCivil(c.abre)} al ${fechaCivil(c.cierra)}. <a href="${ruta}/informe.pdf">Informe de comentarios y respuestas (PDF)</a>.</p>`;
  const errores = f.errores && Object.keys(f.errores).length;
  const comentar =
    c.estado === 'abierta'
      ? html`<section aria-labelledby="comentar" class="caja">
<h2 id="comentar">Deje su comentario</h2>
${f.enviado ? html`<p class="caja exito" role="status">Gracias: su comentario quedó registrado con el número ${String(f.enviado)}. La entidad publicará su respuesta en esta página.</p>` : null}
${
  errores
    ? html`<div class="caja aviso-error" role="alert"><p><strong>No se envió su comentario.</strong> Revise ${errores === 1 ? 'este campo' : 'estos campos'}:</p><ul>${Object.entries(
        f.errores!,
      )
        .sort(([a], [b]) => ORDEN.indexOf(a) - ORDEN.indexOf(b))
        .map(
          ([campo, m]) => html`<li><a href="#${campo}">${ETIQUETAS[campo] ?? campo}</a>: ${m}</li>`,
        )}</ul></div>`
    : null
}
${formulario(ruta, f)}
</section>`
      : null;
  const actividades = v.actividades.length
    ? html`<ol class="lista">${v.actividades.map(
        (a) =>
          html`<li><strong>${a.codigo}</strong> ${a.nombre}<br><span class="detalle">Producto: ${a.producto} · meta ${numeroCo(a.metaAnual)} ${a.unidad} · hasta el ${fechaCivil(a.fechaFin)}</span></li>`,
      )}</ol>`
    : html`<p>El proyecto aún no tiene actividades.</p>`;
  const comentarios = v.comentarios.length
    ? html`<ol class="lista">${v.comentarios.map(
        (x) =>
          html`<li><p><strong>Comentario ${String(x.numero)}:</strong> ${x.texto}</p><p><strong>Respuesta de la entidad:</strong> ${x.respuesta ?? 'pendiente'}</p></li>`,
      )}</ol>`
    : html`<p>Aún no hay comentarios.</p>`;
  return documento({
    titulo: `${c.titulo} | Consulta ciudadana | ${entidad.nombre}`,
    descripcion: `${objeto} ${c.vigencia} de ${entidad.nombre} abierto a comentarios de la ciudadanía.`,
    estilo,
    entidad,
    contenido: html`<h1>${c.titulo}</h1>
<p class="intro">${objeto} ${String(c.vigencia)} de ${entidad.nombre}, abierto a los comentarios de la ciudadanía antes de su aprobación.</p>
<section aria-labelledby="estado" class="caja aviso"><h2 id="estado">Fechas</h2>${estado}${c.descripcion ? html`<p>${c.descripcion}</p>` : null}</section>
${comentar}
<section aria-labelledby="borrador"><h2 id="borrador">Lo que se propone</h2>${actividades}</section>
<section aria-labelledby="recibidos"><h2 id="recibidos">Comentarios recibidos y respuestas</h2>${comentarios}</section>`,
  });
}
