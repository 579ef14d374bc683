import type { Plugin } from 'vite';

/** The id under which Vite's import analysis brings in `__vitePreload` (vite/src/node/plugins/importAnalysisBuild.ts). */
const AYUDANTE = '\0vite/preload-helper.js';

/**
 * Vite's own helper, with one change: the `<link rel="modulepreload">` of a route's JavaScript chunks are
 * added two at a time, each pair in a task of its own. Adding one starts its download, which costs the
 * main thread 1–2,5 ms (measured in Chromium, unthrottled); the dashboard asks for ~50 at once when the router
 * opens it, so Vite's helper blocked the thread 40–60 ms (160–240 ms on Lighthouse's 4× slower phone), just
 * when the page was about to draw; in batches of six, each batch still took 30–60 ms on a 4× slower CPU. The
 * downloads all start within a few tasks, in the same order, with no import waterfall. Stylesheets are still
 * awaited before the chunk runs, as in Vite.
 */
const codigo = `
const LOTE = 2;
const vistos = new Set();
const cola = [];
let enHtml;
const canal = typeof MessageChannel === 'function' ? new MessageChannel() : null;
let programado = false;
function programar() {
  if (programado) return;
  programado = true;
  if (canal) canal.port2.postMessage(0);
  else setTimeout(vaciar, 0);
}
function vaciar() {
  programado = false;
  for (const href of cola.splice(0, LOTE)) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.as = 'script';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  }
  if (cola.length) programar();
}
if (canal) canal.port1.onmessage = vaciar;
function yaEnHtml(href, css) {
  if (!enHtml) {
    enHtml = { all: new Set(), styles: new Set() };
    for (const l of document.getElementsByTagName('link')) {
      enHtml.all.add(l.href);
      if (l.rel === 'stylesheet') enHtml.styles.add(l.href);
    }
  }
  return (css ? enHtml.styles : enHtml.all).has(href);
}
const hojas = new Map();
function hoja(href) {
  let p = hojas.get(href);
  if (p) return p;
  p = new Promise((res, rej) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.crossOrigin = '';
    link.href = href;
    link.addEventListener('load', res);
    link.addEventListener('error', () => {
      // The next import of the route tries again (a dropped connection on a rural network).
      hojas.delete(href);
      link.remove();
      rej(new Error('Unable to preload CSS for ' + href));
    });
    document.head.appendChild(link);
  });
  hojas.set(href, p);
  return p;
}
function fallo(err) {
  const e = new Event('vite:preloadError', { cancelable: true });
  e.payload = err;
  window.dispatchEvent(e);
  if (!e.defaultPrevented) throw err;
}
export const __vitePreload = (baseModule, deps) => {
  const esperas = [];
  for (const dep of deps ?? []) {
    const href = new URL('/' + dep, location.href).href;
    const css = href.endsWith('.css');
    if (css) {
      if (!yaEnHtml(href, true)) esperas.push(hoja(href).catch(fallo));
    } else if (!vistos.has(href)) {
      vistos.add(href);
      if (!yaEnHtml(href, false)) cola.push(href);
    }
  }
  if (cola.length) programar();
  const listo = esperas.length ? Promise.all(esperas) : Promise.resolve();
  return listo.then(() => baseModule().catch(fallo));
};
`;

export function precargaEscalonada(): Plugin {
  let usado = false;
  return {
    name: 'mipg-precarga-escalonada',
    apply: 'build',
    enforce: 'pre',
    // Chunks are addressed from the site's root, as `base: '/'` builds them.
    configResolved(config) {
      if (config.base !== '/') throw new Error('precarga-escalonada.ts supone base «/»');
    },
    resolveId: (id) => (id === AYUDANTE || id === 'vite/preload-helper.js' ? AYUDANTE : null),
    load(id) {
      if (id !== AYUDANTE) return null;
      usado = true;
      return codigo;
    },
    // A Vite that names or loads its helper otherwise would silently bring back the one-task preloads.
    generateBundle() {
      if (!usado)
        this.error(
          'Vite ya no pide su ayudante de precarga por «vite/preload-helper.js»: revise precarga-escalonada.ts',
        );
    },
  };
}
