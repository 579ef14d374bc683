// The accessibility bar's choices (text size, high contrast), kept in two cookies rather than localStorage:
// the server writes them on the first paint's <html> (src/server/pagina-web.ts), so someone who reads at 150 %
// never sees the page jump from 100 %, and the web's first render opens no storage (the first read of
// localStorage blocked the main thread ≈ 16 ms on each load, 64 ms on a slow phone).

/** The sizes the bar steps through, in % of the browser's own text size. */
export const TAMANOS_TEXTO = [87.5, 100, 112.5, 125, 150] as const;
export const TAMANO_NORMAL = 100;
export const COOKIE_TAMANO = 'mipg_tamano';
export const COOKIE_CONTRASTE = 'mipg_contraste';

export interface PreferenciasVista {
  tamano: number;
  contraste: boolean;
}

/** What a Cookie header (or `document.cookie`) says; anything unknown or hand-edited gives the defaults. */
export function preferenciasDeCookies(
  cookies: string | undefined,
): PreferenciasVista & { guardadas: boolean } {
  let tamano: number = TAMANO_NORMAL;
  let contraste = false;
  let guardadas = false;
  for (const parte of (cookies ?? '').split(';')) {
    const i = parte.indexOf('=');
    const nombre = parte.slice(0, i).trim();
    const valor = parte.slice(i + 1).trim();
    if (nombre === COOKIE_TAMANO) {
      guardadas = true;
      const n = Number(valor);
      if ((TAMANOS_TEXTO as readonly number[]).includes(n)) tamano = n;
    } else if (nombre === COOKIE_CONTRASTE) {
      guardadas = true;
      contraste = valor === '1';
    }
  }
  return { tamano, contraste, guardadas };
}

/** The attributes of <html> for these choices: none for the defaults (the page as built). */
export function atributosHtml(p: PreferenciasVista): string {
  return (
    (p.tamano !== TAMANO_NORMAL ? ` style="font-size:${p.tamano}%"` : '') +
    (p.contraste ? ' data-contraste="alto"' : '')
  );
}

/** `document.cookie = …` for one choice: a year, the whole site, not sent to other sites. */
export function cookieDePreferencia(nombre: string, valor: string, segura: boolean): string {
  return `${nombre}=${valor}; path=/; max-age=31536000; samesite=lax${segura ? '; secure' : ''}`;
}

/** The key of the bar drawn at build time for some choices (web/esqueletos.ts, src/server/pagina-web.ts). */
export const claveBarra = (p: PreferenciasVista) => `${p.tamano}|${p.contraste ? 1 : 0}`;

/** What each button of the bar does: the same in the web app and in the form the server answers without it. */
export const ACCIONES_BARRA = ['menos', 'normal', 'mas', 'contraste'] as const;
export type AccionBarra = (typeof ACCIONES_BARRA)[number];

export function aplicarAccionBarra(p: PreferenciasVista, accion: AccionBarra): PreferenciasVista {
  const i = Math.max(0, TAMANOS_TEXTO.indexOf(p.tamano as (typeof TAMANOS_TEXTO)[number]));
  switch (accion) {
    case 'menos':
      return { ...p, tamano: TAMANOS_TEXTO[Math.max(0, i - 1)]! };
    case 'mas':
      return { ...p, tamano: TAMANOS_TEXTO[Math.min(TAMANOS_TEXTO.length - 1, i + 1)]! };
    case 'normal':
      return { ...p, tamano: TAMANO_NORMAL };
    case 'contraste':
      return { ...p, contraste: !p.contraste };
  }
}

/** Whether the bar's button can do anything (the smallest size cannot shrink). */
export const accionPosible = (p: PreferenciasVista, accion: AccionBarra) =>
  aplicarAccionBarra(p, accion).tamano !== p.tamano || accion === 'contraste' || accion === 'normal';
