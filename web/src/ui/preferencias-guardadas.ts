// Saving the accessibility bar's choices, apart from the first load: it runs only when someone presses a
// button of the bar, or once on a device that still has the choices of an older version in localStorage.
import {
  COOKIE_CONTRASTE,
  COOKIE_TAMANO,
  cookieDePreferencia,
  TAMANO_NORMAL,
  TAMANOS_TEXTO,
} from '@core/preferencias-vista.ts';

export function guardarPreferencias(tamano: number, contraste: boolean) {
  const segura = location.protocol === 'https:';
  // biome-ignore-start lint/suspicious/noDocumentCookie: the Cookie Store API is missing in the older Safari and Firefox still on phones; the values are bounded by cookieDePreferencia.
  document.cookie = cookieDePreferencia(COOKIE_TAMANO, String(tamano), segura);
  document.cookie = cookieDePreferencia(COOKIE_CONTRASTE, contraste ? '1' : '0', segura);
  // biome-ignore-end lint/suspicious/noDocumentCookie: see above
}

/**
 * The choices an older version kept in localStorage, moved to the cookies (then localStorage is never opened
 * again on this device); the defaults when there were none.
 */
export function traerDeLocalStorage(): { tamano: number; contraste: boolean } {
  let tamano = TAMANO_NORMAL;
  let contraste = false;
  try {
    tamano = Number(localStorage.getItem('mipg.tamano')) || TAMANO_NORMAL;
    contraste = localStorage.getItem('mipg.contraste') === '1';
    localStorage.removeItem('mipg.tamano');
    localStorage.removeItem('mipg.contraste');
  } catch {
    // Storage blocked by the browser: the defaults.
  }
  if (!(TAMANOS_TEXTO as readonly number[]).includes(tamano)) tamano = TAMANO_NORMAL;
  guardarPreferencias(tamano, contraste);
  return { tamano, contraste };
}
