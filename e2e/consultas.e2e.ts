// Citizen consultation in the browser: planeación of the demo entity opens its draft plan to comments; a citizen
// on a 390 px phone sends an incomplete form, reads each problem beside its field, then sends a comment and sees
// it published without a name. Axe on every state.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoyEnColombia, sumarDias } from '../src/core/calendario.ts';
import { DEMO } from '../src/modules/demo/demo.service.ts';
import { type Entorno, iniciarEntorno, revisarPagina, sesionApi } from './entorno.ts';

let e: Entorno;
let url: string;
// Dates as planeación in Colombia types them: at 20:00 in Mocoa it is already tomorrow in UTC.
const dia = (n: number) => sumarDias(hoyEnColombia(), n);

beforeAll(async () => {
  e = await iniciarEntorno({ demo: true });
  const planeacion = await sesionApi(e.url, `planeacion@${DEMO.dominio}`, DEMO.clave);
  const { entidades } = await planeacion<{ entidades: { id: string }[] }>('GET', '/api/auth/sesion');
  const c = await planeacion<{ urlPublica: string }>('POST', `/api/entidades/${entidades[0]!.id}/consultas`, {
    vigencia: Number(hoyEnColombia().slice(0, 4)),
    objeto: 'plan_accion',
    titulo: 'Proyecto de plan de acción',
    descripcion: 'Opine antes de que la Junta Directiva lo apruebe.',
    abre: dia(0),
    cierra: dia(10),
  });
  url = c.urlPublica;
});
afterAll(() => e?.cerrar());

async function ciudadano(ancho: number): Promise<Page> {
  const ctx = await e.navegador.newContext({ locale: 'es-CO', viewport: { width: ancho, height: 900 } });
  const p = await ctx.newPage();
  await p.goto(new URL(url, e.url).toString());
  return p;
}

describe('consulta ciudadana del proyecto de plan', () => {
  it('en un teléfono: un formulario incompleto dice qué falta junto a cada campo; luego el comentario se publica sin nombre', async () => {
    const p = await ciudadano(390);
    await p.getByRole('heading', { name: 'Proyecto de plan de acción', level: 1 }).waitFor();
    await revisarPagina(p, 'consulta-01-pagina');
    await p.getByLabel('Su comentario (obligatorio)').fill('Me');
    await p.getByLabel(/^Su correo/).fill('no-es-correo');
    await p.getByRole('button', { name: 'Enviar comentario' }).click();
    const resumen = p.getByRole('alert');
    await resumen.getByText('No se envió su comentario.').waitFor();
    expect(await resumen.textContent()).toContain(
      'Su comentario: el comentario debe tener al menos 3 caracteres',
    );
    await p.getByText('Escriba un correo válido o déjelo vacío.').waitFor();
    // What was typed is still there.
    expect(await p.getByLabel('Su comentario (obligatorio)').inputValue()).toBe('Me');
    await revisarPagina(p, 'consulta-02-errores');

    await p.getByLabel('Su comentario (obligatorio)').fill('Incluyan metas por dependencia.');
    await p.getByLabel(/^Su correo/).fill('maria@correo.example');
    await p.getByLabel(/^Su nombre/).fill('María Jamioy');
    await p.getByLabel('Leí el aviso sobre mis datos personales').check();
    await p.getByRole('button', { name: 'Enviar comentario' }).click();
    await p.getByText('quedó registrado con el número 1').waitFor();
    const recibidos = p.getByRole('region', { name: 'Comentarios recibidos y respuestas' });
    await recibidos.getByText('Incluyan metas por dependencia.').waitFor();
    expect(await p.locator('main').textContent()).not.toContain('María Jamioy');
    await revisarPagina(p, 'consulta-03-enviado');
    await p.context().close();
  });
});
