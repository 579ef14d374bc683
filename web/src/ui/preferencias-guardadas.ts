// The accessibility bar's choices as an older version kept them, in localStorage: read and removed once, on a
// device without the cookies yet (marco.tsx), apart from the first load. Nothing imported: a chunk of its own.
export function traerDeLocalStorage(): { tamano: number; contraste: boolean } | null {
  try {
    const tamano = Number(localStorage.getItem('mipg.tamano'));
    const contraste = localStorage.getItem('mipg.contraste') === '1';
    localStorage.removeItem('mipg.tamano');
    localStorage.removeItem('mipg.contraste');
    return { tamano, contraste };
  } catch {
    // Storage blocked by the browser.
    return null;
  }
}
