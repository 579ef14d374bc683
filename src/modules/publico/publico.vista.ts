// The public page as HTML, built on the server: no JavaScript, one small stylesheet, readable on a 390 px
// phone. Every value from the database goes through `html`, which escapes it.

import type { ActividadPublica, DatosAbiertos, PoliticaPublica } from '../../contrato/publico.ts';
import { DICCIONARIO } from '../../contrato/publico.ts';
import { NOMBRE_ACUMULACION } from '../../core/acumulacion.ts';
import {
  lugarTrasDireccion,
  NOMBRE_ORGANO,
  ORGANO_CON_ARTICULO,
  ORGANOS_APROBACION,
} from '../../core/entidad.ts';
import { NOMBRE_ACTO, type TipoActo } from '../../core/flujo-plan.ts';
import { cantidad, fechaCivil } from '../../core/formato.ts';
import { type Html, html } from '../../core/html.ts';
import { numeroCo } from '../../core/numeros.ts';
import { tipoPorMime } from '../../core/tipo-archivo.ts';
import type { ContactoEntidad } from './publico.repository.ts';
import type { VistaPublica } from './publico.service.ts';

export const POR_PAGINA = 50;

const CREDITO =
  'Publicado con MIPG Abierto, software libre para el Modelo Integrado de Planeación y Gestión (Decreto 1499 de 2017).';

export const numeroEsCo = (n: number) => n.toLocaleString('es-CO', { maximumFractionDigits: 1 });
const porcentaje = (n: number | null) => (n === null ? 'sin dato' : `${numeroEsCo(n)} %`);

interface Marco {
  titulo: string;
  descripcion: string;
  estilo: string;
  entidad?: ContactoEntidad;
  canonica?: string;
  contenido: Html;
}

export function documento({ titulo, descripcion, estilo, entidad, canonica, contenido }: Marco): string {
  return html`<!doctype html>
<html lang="es-CO">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${titulo}</title>
<meta name="description" content="${descripcion}">
${canonica ? html`<link rel="canonical" href="${canonica}">` : null}
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${estilo}">
</head>
<body>
<a class="saltar" href="#contenido">Saltar al contenido</a>
<header>
<div class="govco"><div class="ancho"><a href="https://www.gov.co" rel="noopener">GOV.CO<span class="solo-lector"> — Portal del Estado colombiano</span></a></div></div>
<div class="cabecera"><div class="ancho">${cabeceraEntidad(entidad)}</div></div>
</header>
<main id="contenido" class="ancho">
${contenido}
</main>
${pie(entidad)}
</body>
</html>
`.texto;
}

function cabeceraEntidad(e: ContactoEntidad | undefined) {
  if (!e) return html`<p class="marca">Transparencia y acceso a la información pública</p>`;
  return html`${
    e.logo ? html`<img class="logo" src="/api/entidades/${e.id}/logo" alt="" width="56" height="56">` : null
  }<p class="marca">${e.nombre}</p>`;
}

/** The entity's contact, once per page, on every state of it. */
function pie(e: ContactoEntidad | undefined) {
  if (!e) return html`<footer class="pie"><div class="ancho"><p>${CREDITO}</p></div></footer>`;
  const lugar = lugarTrasDireccion(e);
  const datos = [
    e.direccion
      ? html`<li>Dirección: ${e.direccion}${lugar ? `, ${lugar}` : ''}</li>`
      : lugar
        ? html`<li>${lugar}</li>`
        : null,
    e.telefono ? html`<li>Teléfono: ${e.telefono}</li>` : null,
    e.correo ? html`<li>Correo: <a href="mailto:${e.correo}">${e.correo}</a></li>` : null,
    e.horarioAtencion ? html`<li>Horario de atención: ${e.horarioAtencion}</li>` : null,
    e.sitioWeb && /^https?:\/\//i.test(e.sitioWeb)
      ? html`<li><a href="${e.sitioWeb}" rel="noopener">Sitio web institucional de la entidad</a></li>`
      : null,
  ].filter(Boolean);
  return html`<footer class="pie"><div class="ancho">
<h2 class="pie-titulo">Contacto de ${e.nombre}</h2>
<p>NIT ${e.nit}-${e.dv}</p>
${datos.length ? html`<ul class="contacto">${datos}</ul>` : html`<p>La entidad aún no ha registrado sus datos de contacto en la plataforma.</p>`}
<p class="credito">${CREDITO}</p>
</div></footer>`;
}

/** A bar of 0–100 drawn in SVG (no inline style: the CSP stays strict); the number is always beside it. */
function barra(valor: number | null) {
  const ancho = valor === null ? 0 : Math.max(0, Math.min(100, valor));
  return html`<svg class="barra" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="fondo" width="100" height="6"/><rect class="relleno" width="${ancho.toFixed(1)}" height="6"/></svg>`;
}

const semaforo = (nivel: string | null, texto: string) =>
  html`<span class="semaforo s-${nivel ?? 'sin'}">Semáforo: ${texto}</span>`;

function cifra(nombre: string, valor: number | null) {
  return html`<p class="cifra"><span>${nombre}</span> <strong>${porcentaje(valor)}</strong></p>${barra(valor)}`;
}

function explicacion(d: DatosAbiertos) {
  const s = d.semaforo;
  const e = s.etiquetas;
  return html`<section aria-labelledby="como-leer" class="caja">
<h2 id="como-leer">Cómo leer estas cifras</h2>
<dl>
<dt>Avance</dt><dd>Qué parte de la meta del año ya se logró. 100 % es la meta completa.</dd>
<dt>Cumplimiento</dt><dd>Qué parte de lo programado hasta la fecha de corte se logró. Puede pasar de 100 % si la actividad se adelantó.</dd>
<dt>Semáforo</dt><dd>Una palabra que resume el cumplimiento según los rangos que fijó la entidad:
${e.rojo} (menos de ${numeroEsCo(s.amarilloDesde)} %), ${e.amarillo} (desde ${numeroEsCo(s.amarilloDesde)} %), ${e.verde} (desde ${numeroEsCo(s.verdeDesde)} %) y ${e.azul} (más de ${numeroEsCo(s.azulSobre)} %). «Sin dato» quiere decir que aún no hay nada programado o reportado.</dd>
</dl>
<p>Las cifras salen de los reportes que la oficina de planeación revisó y aceptó.</p>
</section>`;
}

function vigencias(v: VistaPublica, ruta: string) {
  if (v.vigencias.length === 0) return null;
  return html`<nav aria-label="Vigencias publicadas" class="vigencias"><p>Planes publicados:</p><ul>${v.vigencias.map(
    (x) =>
      x === v.vigencia
        ? html`<li><a href="${ruta}?vigencia=${x}" aria-current="page">${x}</a></li>`
        : html`<li><a href="${ruta}?vigencia=${x}">${x}</a></li>`,
  )}</ul></nav>`;
}

function politicaItem(p: PoliticaPublica) {
  return html`<li class="politica">
<p class="nombre">${p.nombre}</p>
${cifra('Avance', p.avance)}
<p class="detalle">Cumplimiento ${porcentaje(p.cumplimiento)} · ${semaforo(p.semaforo, p.semaforoTexto)} · ${cantidad(p.actividades, 'actividad', 'actividades')}</p>
</li>`;
}

function actividadItem(a: ActividadPublica) {
  const meta = `${numeroEsCo(a.metaAnual)} ${a.unidad}`;
  return html`<li class="actividad">
<p class="nombre"><span class="codigo">${a.codigo}</span> ${a.nombre}</p>
<dl class="datos">
<dt>Producto</dt><dd>${a.producto}</dd>
<dt>Meta del año</dt><dd>${meta}</dd>
${a.acumulacion === 'suma' ? null : html`<dt>Tipo de meta</dt><dd>${NOMBRE_ACUMULACION[a.acumulacion]}</dd>`}
<dt>Fechas</dt><dd>${fechaCivil(a.fechaInicio)} a ${fechaCivil(a.fechaFin)}</dd>
${a.dependencia ? html`<dt>Responsable</dt><dd>${a.dependencia}</dd>` : null}
<dt>Situación</dt><dd>${a.estado}</dd>
</dl>
${cifra('Avance', a.avance)}
<p class="detalle">Cumplimiento ${porcentaje(a.cumplimiento)} · ${semaforo(a.semaforo, a.semaforoTexto)}</p>
</li>`;
}

function paginacion(ruta: string, vigencia: number, pagina: number, total: number) {
  const paginas = Math.max(1, Math.ceil(total / POR_PAGINA));
  if (paginas === 1) return null;
  const enlace = (n: number, texto: string, rel?: string) =>
    html`<a href="${ruta}?vigencia=${vigencia}&amp;pagina=${n}#actividades"${rel ? html` rel="${rel}"` : null}>${texto}</a>`;
  return html`<nav aria-label="Páginas de actividades" class="paginas"><p>Página ${pagina} de ${paginas}</p><ul>
${pagina > 1 ? html`<li>${enlace(pagina - 1, 'Anterior', 'prev')}</li>` : null}
${pagina < paginas ? html`<li>${enlace(pagina + 1, 'Siguiente', 'next')}</li>` : null}
</ul></nav>`;
}

function actividades(d: DatosAbiertos, ruta: string, pagina: number) {
  const total = d.actividades.length;
  const desde = (pagina - 1) * POR_PAGINA;
  const lote = d.actividades.slice(desde, desde + POR_PAGINA);
  const grupos: Html[] = [];
  for (let i = 0; i < lote.length; ) {
    const p = lote[i]!.politica;
    let j = i;
    while (j < lote.length && lote[j]!.politica === p) j++;
    grupos.push(
      html`<h3>${lote[i]!.politicaNombre}</h3><ul class="lista">${lote.slice(i, j).map(actividadItem)}</ul>`,
    );
    i = j;
  }
  return html`<section aria-labelledby="actividades">
<h2 id="actividades">Actividades del plan</h2>
<p>${cantidad(total, 'actividad', 'actividades')}${total > POR_PAGINA ? html`, de ${desde + 1} a ${Math.min(total, desde + POR_PAGINA)} en esta página` : null}, ordenadas por política.</p>
${lote.length ? grupos : html`<p>No hay actividades en esta página. <a href="${ruta}?vigencia=${d.vigencia}#actividades">Volver a la primera</a>.</p>`}
${paginacion(ruta, d.vigencia, pagina, total)}
</section>`;
}

function descargas(ruta: string, vigencia: number) {
  const q = `?vigencia=${vigencia}`;
  return html`<section aria-labelledby="datos-abiertos" class="caja">
<h2 id="datos-abiertos">Datos abiertos</h2>
<p>Descargue el plan publicado y su avance para revisarlo o reutilizarlo.</p>
<ul>
<li><a href="${ruta}/actividades.csv${q}">Actividades y su avance (CSV para Excel)</a></li>
<li><a href="${ruta}/politicas.csv${q}">Avance por política (CSV para Excel)</a></li>
<li><a href="${ruta}/datos.json${q}">Todo en JSON</a></li>
<li><a href="/publico/diccionario">Diccionario de datos: qué significa cada columna</a></li>
<li><a href="${ruta}/metadatos.json${q}">Metadatos para registrar estos datos en el portal de datos abiertos (JSON)</a></li>
</ul>
</section>`;
}

/**
 * The documents of the 31 January packs, newest first, each at its permanent address: what the entity links
 * from its transparency menu (Ley 1712 de 2014; numbering of Resolución 1519 de 2020, Anexo 2).
 */
function documentosPublicados(v: VistaPublica, ruta: string): Html | null {
  if (!v.documentos.length) return null;
  const filas = v.documentos.map(
    (d) => html`<li><a href="${ruta}/documentos/${String(d.vigencia)}/${d.clave}">${d.titulo}</a>
<span class="detalle"> · numeral ${d.numeral} · publicado el ${fechaCivil(d.fechaPublicacion)}${d.version > 1 ? ` · versión ${d.version}` : ''} · ${tipoLegible(d.tipo)}, ${tamanoLegible(d.bytes)}</span></li>`,
  );
  return html`<section aria-labelledby="documentos" class="caja">
<h2 id="documentos">Documentos publicados</h2>
<p>Los planes y el informe de gestión que la entidad publica cada año a más tardar el 31 de enero (Ley 1474 de 2011, art. 74, y Decreto 612 de 2018), del más reciente al más antiguo. Cada enlace lleva siempre a la última versión.</p>
<ul class="lista">${filas}</ul>
</section>`;
}

const tipoLegible = (mime: string) => tipoPorMime(mime)?.nombre ?? 'archivo';
const tamanoLegible = (b: number) =>
  b >= 1024 * 1024
    ? `${numeroCo(b / (1024 * 1024), 1)} MB`
    : `${numeroCo(Math.max(1, Math.ceil(b / 1024)), 0)} KB`;

/** The page of an entity and vigencia, in every state: published or not, with or without figures. */
/** Who approved the plan, the act that adopted it (with its PDF) and where the entity published it. */
function aprobacion(d: DatosAbiertos, enlacePdf: string): Html {
  const a = d.aprobacion;
  const acto = a.acto
    ? html` y adoptado mediante ${NOMBRE_ACTO[a.acto.tipo as TipoActo] ?? a.acto.tipo} ${a.acto.numero} del ${fechaCivil(a.acto.fecha)}${a.acto.pdf ? html` (<a href="${enlacePdf}">PDF del acto</a>)` : null}`
    : null;
  const publicado = a.fechaPublicacion
    ? html` Publicado el ${fechaCivil(a.fechaPublicacion)}${a.urlPublicacion ? html` en la <a href="${a.urlPublicacion}">sede electrónica de la entidad</a>` : null}.`
    : null;
  const clave = ORGANOS_APROBACION.find((o) => NOMBRE_ORGANO[o] === a.organo);
  return html`<p>Aprobado por ${clave ? ORGANO_CON_ARTICULO[clave] : a.organo}${acto}.${publicado}</p>`;
}

export function paginaEntidad(v: VistaPublica, pagina: number, estilo: string): string {
  const e = v.entidad;
  const ruta = `/publico/${v.slug}`;
  const d = v.datos;
  const titulo = `Plan de acción ${v.vigencia} de ${e.nombre}`;
  const intro = html`<p class="intro">Lo que la entidad planeó hacer en el año dentro del Modelo Integrado de Planeación y Gestión (MIPG) y cuánto ha avanzado, con las cifras que revisó su oficina de planeación.</p>`;
  let cuerpo: Html;
  if (!d) {
    const otras = v.vigencias.length
      ? html` Puede consultar los planes de otros años en la lista de planes publicados.`
      : null;
    cuerpo = html`${vigencias(v, ruta)}<section aria-labelledby="estado" class="caja aviso">
<h2 id="estado">Aún no hay un plan publicado</h2>
<p>${e.nombre} todavía no ha publicado su plan de acción de ${v.vigencia}.${otras} Si necesita información, use los datos de contacto al final de esta página.</p>
</section>`;
  } else {
    const corte = d.corte
      ? html`<p>Cifras con corte al <strong>${fechaCivil(d.corte.fecha)}</strong> (${d.corte.nombre.toLowerCase()})${d.corte.cifrasDelCierre ? ', del cierre del periodo' : ', aún en curso: pueden cambiar con nuevos reportes'}. Versión ${d.versionPlan} del plan.</p>`
      : html`<p>Aún no hay cifras de avance para esta vigencia. Versión ${d.versionPlan} del plan.</p>`;
    const dimensiones = d.dimensiones.map(
      (x) => html`<section aria-labelledby="dim-${x.codigo}" class="dimension">
<h3 id="dim-${x.codigo}">${x.nombre}</h3>
${cifra('Avance de la dimensión', x.avance)}
<ul class="lista">${d.politicas.filter((p) => p.dimension === x.codigo).map(politicaItem)}</ul>
</section>`,
    );
    cuerpo = html`${vigencias(v, ruta)}
<section aria-labelledby="avance" class="caja destacado">
<h2 id="avance">Avance general</h2>
${cifra('Avance del plan de acción', d.avance)}
<p class="detalle">Es el avance del plan de acción de la entidad, no el Índice de Desempeño Institucional (IDI) que publica Función Pública con el FURAG.</p>
${corte}
${aprobacion(d, `${ruta}/acto.pdf?vigencia=${v.vigencia}`)}
<p><a href="#datos-abiertos">Descargar estos datos (CSV y JSON)</a></p>
</section>
${explicacion(d)}
<section aria-labelledby="por-politica">
<h2 id="por-politica">Avance por dimensión y política</h2>
${dimensiones}
</section>
${actividades(d, ruta, pagina)}
${descargas(ruta, v.vigencia)}`;
  }
  cuerpo = html`${cuerpo}${documentosPublicados(v, ruta)}`;
  return documento({
    titulo: `${titulo} | Transparencia`,
    descripcion: `Plan de acción ${v.vigencia} de ${e.nombre} y su avance, con datos abiertos.`,
    estilo,
    entidad: e,
    canonica: `${ruta}?vigencia=${v.vigencia}`,
    contenido: html`<h1>${titulo}</h1>${intro}${cuerpo}`,
  });
}

/** A Spanish error page (unknown address, bad year): still the GOV.CO frame, still no JavaScript. */
export function paginaError(titulo: string, mensaje: string, estilo: string, entidad?: ContactoEntidad) {
  return documento({
    titulo: `${titulo} | Transparencia`,
    descripcion: mensaje,
    estilo,
    entidad,
    contenido: html`<h1>${titulo}</h1><p>${mensaje}</p><p><a href="https://www.gov.co">Ir al portal GOV.CO</a></p>`,
  });
}

export function paginaDiccionario(estilo: string) {
  const tablas = DICCIONARIO.archivos.map(
    (a) => html`<section aria-labelledby="arch-${a.archivo.replace('.', '-')}">
<h2 id="arch-${a.archivo.replace('.', '-')}">${a.archivo}</h2>
<p>${a.descripcion}</p>
<div class="tabla" tabindex="0" role="region" aria-label="Columnas de ${a.archivo} (se desplaza a los lados)"><table>
<caption>Columnas de ${a.archivo}</caption>
<thead><tr><th scope="col">Columna</th><th scope="col">Tipo</th><th scope="col">Descripción</th><th scope="col">Unidad</th></tr></thead>
<tbody>${a.columnas.map((c) => html`<tr><th scope="row"><code>${c.nombre}</code></th><td>${c.tipo}</td><td>${c.descripcion}</td><td>${c.unidad ?? '—'}</td></tr>`)}</tbody>
</table></div>
</section>`,
  );
  return documento({
    titulo: `${DICCIONARIO.titulo} | Transparencia`,
    descripcion: 'Qué significa cada columna de los datos abiertos del plan de acción.',
    estilo,
    contenido: html`<h1>${DICCIONARIO.titulo}</h1>
<p>${DICCIONARIO.formato}</p>
<p>El mismo diccionario en formato de máquina: <a href="/publico/diccionario.json">diccionario.json</a>. El archivo JSON de cada entidad trae los mismos datos con los nombres de campo del esquema.</p>
${tablas}
<section aria-labelledby="arch-json">
<h2 id="arch-json">datos.json</h2>
<dl>${DICCIONARIO.json.campos.map((c) => html`<dt><code>${c.campo}</code></dt><dd>${c.descripcion}</dd>`)}</dl>
</section>`,
  });
}
