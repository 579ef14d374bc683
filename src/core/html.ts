// Server-rendered HTML without a template library: every interpolated value is escaped unless it is
// already HTML built by `html` itself. Entity and activity names are user input; this is what keeps them text.

const ENTIDADES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside an element or a quoted attribute value. */
export const escaparHtml = (texto: string) => texto.replace(/[&<>"']/g, (c) => ENTIDADES[c]!);

/** HTML that was built safely (by `html` or `confiable`): interpolated as is. */
export class Html {
  constructor(readonly texto: string) {}
  toString() {
    return this.texto;
  }
}

type Valor = Html | string | number | null | undefined | false | readonly Valor[];

function aTexto(v: Valor): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.texto;
  if (Array.isArray(v)) return v.map(aTexto).join('');
  return escaparHtml(String(v));
}

/** Tagged template: html`<p>${nombre}</p>` escapes `nombre`; arrays are joined; null and false vanish. */
export function html(partes: TemplateStringsArray, ...valores: Valor[]): Html {
  let s = partes[0]!;
  for (let i = 0; i < valores.length; i++) s += aTexto(valores[i]!) + partes[i + 1]!;
  return new Html(s);
}

/** A constant written in the code (never user input) that is already HTML. */
export const confiable = (texto: string) => new Html(texto);
