// Conditional requests and content negotiation for answers the server keeps as bytes (the dashboard).

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
export function coincideEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const propia = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((x) => {
    const t = x.trim();
    return t === '*' || t.replace(/^W\//, '') === propia;
  });
}

/** The compression a client accepts, brotli first; null sends the bytes as they are (RFC 9110 §12.5.3). */
export function codificacionAceptada(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const calidad = new Map<string, number>();
  for (const parte of acceptEncoding.toLowerCase().split(',')) {
    const [nombre, ...params] = parte.trim().split(';');
    if (!nombre) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    calidad.set(nombre.trim(), q === undefined ? 1 : Number(q));
  }
  const de = (c: string) => calidad.get(c) ?? calidad.get('*') ?? 0;
  const br = de('br');
  const gz = Math.max(de('gzip'), calidad.get('x-gzip') ?? 0);
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return null;
}
