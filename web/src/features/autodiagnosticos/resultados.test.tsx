import type { Catalogo } from '@contrato/catalogo.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import type { Autodiagnostico } from './api.ts';
import { Resultados } from './resultados.tsx';

// The router's link needs a router; a plain anchor shows where it points.
vi.mock('../../ui/router.tsx', () => ({
  Enlace: ({ a, children }: { a: string; children: React.ReactNode }) => <a href={a}>{children}</a>,
}));

// Who is looking: planeación (adds to the plan) or the policy's responsible (proposes), in 2026.
const trabajo = vi.hoisted(() => ({ roles: ['planeacion'] as string[] }));
vi.mock('../../ui/contexto.tsx', async () => {
  const { rolesPermiten } = await import('@core/roles.ts');
  return {
    useTrabajo: () => ({
      sesion: { usuario: { id: 'u-th', adminPlataforma: false } },
      entidad: { id: 'e1', nombre: 'E.S.E. de prueba', roles: trabajo.roles },
      vigencia: 2026,
      puede: (p: Parameters<typeof rolesPermiten>[1]) => rolesPermiten(trabajo.roles, p),
    }),
  };
});

const seccion = (
  codigo: string,
  nombre: string,
  puntaje: number | null,
  completitud: number,
  secciones: unknown[] = [],
) => ({
  codigo,
  nombre,
  puntaje,
  completitud,
  respondidos: completitud === 75 ? 3 : 1,
  aplicables: 4,
  sinEvidencia: 0,
  secciones,
});

const resultado = (puntaje: number, completitud: number, pla: number | null, des: number | null) => ({
  puntaje,
  nivel: puntaje > 40 ? 'Básico operativo alto' : 'Básico operativo medio',
  completitud,
  respondidos: completitud / 12.5,
  aplicables: 8,
  sinEvidencia: 1,
  secciones: [
    seccion('PLA', 'Planeación', pla, 75, [
      seccion('PLA.1', 'Conocimiento de la planta', pla, 75),
      seccion('PLA.2', 'Plan estratégico', pla, 75),
    ]),
    seccion('DES', 'Desarrollo', des, 25),
  ],
});

const sinAcciones = { actividades: [], propuestas: [] };

const datos = (cambios: Partial<Autodiagnostico> = {}) =>
  ({
    autodiagnostico: {
      id: 'a1',
      codigo: 'EJEMPLO-TH',
      vigencia: 2026,
      politica: 'talento_humano',
      resultado: resultado(47.5, 50, 47.5, null),
    },
    cuestionario: {
      secciones: [
        {
          codigo: 'PLA',
          nombre: 'Planeación',
          items: [],
          secciones: [{ codigo: 'PLA.2', nombre: 'Plan estratégico', items: [], secciones: [] }],
        },
      ],
    },
    brechas: [
      {
        item: 'EJ-04',
        texto: '¿Qué planes integró?',
        secciones: ['PLA', 'PLA.2'],
        puntaje: 0,
        ...sinAcciones,
      },
    ],
    accionesMejora: {},
    anteriores: [],
    ...cambios,
  }) as unknown as Autodiagnostico;

const catalogo: Catalogo = {
  vigencia: 2026,
  fuente: 'prueba',
  equivalencias: {},
  componentes: [],
  dimensiones: [
    {
      codigo: 'D1',
      nombre: 'Talento humano',
      color: '#000',
      politicas: ['talento_humano', 'integridad'].map((clave) => ({
        clave,
        codigoFurag: clave === 'integridad' ? 'P2' : 'P1',
        nombre: clave === 'integridad' ? 'Integridad' : 'Gestión estratégica del talento humano',
        lider: 'Función Pública',
        formularios: ['MIPG' as const],
        indices: [],
      })),
    },
  ],
  planesDecreto612: [],
};

/** The API as the page meets it; the plan of 2026 in `estadoPlan`. Returns what the page sent. */
function servidor(estadoPlan = 'borrador') {
  const enviados: { metodo: string; url: string; cuerpo: unknown }[] = [];
  const respuestas: [RegExp, unknown][] = [
    [/^\/api\/catalogo\?vigencia=2026$/, catalogo],
    [
      /\/vigencias\/2026$/,
      {
        vigencia: 2026,
        configurada: true,
        esquema: 'trimestral',
        esquemasInstrumento: {},
        periodos: [1, 2, 3, 4].map((n) => ({ numero: n, nombre: `Trimestre ${n}` })),
      },
    ],
    [/\/planes\/2026$/, { plan: { id: 'p1', estado: estadoPlan, version: 1 }, actividades: [] }],
    [/\/responsables\?vigencia=2026$/, [{ politica: 'talento_humano', usuarioId: 'u-th' }]],
    [/\/(dependencias|usuarios|objetivos)$/, []],
  ];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const metodo = init.method ?? 'GET';
      if (metodo !== 'GET') {
        enviados.push({ metodo, url, cuerpo: JSON.parse(String(init.body)) });
        return new Response(JSON.stringify({ id: 'nueva' }), { status: 201 });
      }
      const r = respuestas.find(([patron]) => patron.test(url));
      return r
        ? new Response(JSON.stringify(r[1]), { status: 200 })
        : new Response(JSON.stringify({ mensaje: `sin respuesta para ${url}` }), { status: 404 });
    }),
  );
  return enviados;
}

/** A table's rows as text, header cells included (a component's name heads its group of years). */
const filasDe = (tabla: HTMLElement) =>
  within(tabla)
    .getAllByRole('row')
    .map((f) => [...f.querySelectorAll('th, td')].map((c) => c.textContent));

const montar = (d: Autodiagnostico) =>
  renderConMantine(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <Resultados d={d} entidadId="e1" />
    </QueryClientProvider>,
  );

beforeEach(() => {
  trabajo.roles = ['planeacion'];
});
afterEach(() => vi.unstubAllGlobals());

describe('resultados del autodiagnóstico', { timeout: 20_000 }, () => {
  it('el puntaje nunca va solo: nivel y completitud al lado, por componente también', () => {
    servidor();
    montar(datos());
    expect(screen.getByText('47,5 puntos (Básico operativo alto) · completitud 50 % (4 de 8)')).toBeTruthy();
    const tabla = screen.getByRole('region', { name: 'Puntaje y completitud por componente' });
    // Each component's score with its completeness in the same row; a blank section says so, never zero.
    expect(filasDe(tabla)).toEqual([
      ['Vigencia', 'Puntaje', 'Completitud'],
      ['Planeación'],
      ['2026', '47,5', '75 % (3 de 4)'],
      ['Planeación › Conocimiento de la planta'],
      ['2026', '47,5', '75 % (3 de 4)'],
      ['Planeación › Plan estratégico'],
      ['2026', '47,5', '75 % (3 de 4)'],
      ['Desarrollo'],
      ['2026', 'sin puntaje', '25 % (1 de 4)'],
    ]);
    // A radar would draw the blank section as a zero: with it, no radar.
    expect(screen.queryByRole('img', { name: /^Radar/ })).toBeNull();
    expect(screen.getByText(/^Sin radar por ahora: alguna sección quedó sin puntaje/)).toBeTruthy();
    expect(
      screen.getByText(/Aún no hay autodiagnósticos de esta política en vigencias anteriores/),
    ).toBeTruthy();
    expect(screen.getByText('1 ítem respondido exige evidencia y aún no la tiene.')).toBeTruthy();
  });

  it('frente a vigencias anteriores: totales, barras, radar y la tabla por componente y vigencia', () => {
    servidor();
    montar(
      datos({
        autodiagnostico: { ...datos().autodiagnostico, resultado: resultado(62.5, 100, 70, 55) },
        anteriores: [
          {
            id: 'x',
            vigencia: 2025,
            codigo: 'EJEMPLO-TH',
            nombre: 'x',
            estado: 'revisado',
            resultado: resultado(40, 75, 45, 30),
          },
          {
            id: 'y',
            vigencia: 2024,
            codigo: 'EJEMPLO-TH',
            nombre: 'y',
            estado: 'revisado',
            resultado: resultado(20, 25, 20, null),
          },
        ],
      } as unknown as Partial<Autodiagnostico>),
    );
    screen.getByRole('heading', { name: 'Por componente, frente a vigencias anteriores' });
    // Both charts say what they show; their figures are in the table.
    expect(
      screen.getByRole('img', { name: /^Barras del puntaje por componente en 2024, 2025, 2026/ }),
    ).toBeTruthy();
    // Two components only: the radar opens them into their sections; 2024 has a section without a score, and a
    // radar would draw it as a zero, so it stays out and the page says so.
    expect(screen.getByRole('img', { name: /^Radar del puntaje por sección en 2025, 2026/ })).toBeTruthy();
    expect(screen.getByText(/^2024 no aparece en el radar/)).toBeTruthy();
    // The totals, each with its level and completeness.
    expect(
      within(screen.getByRole('list', { name: 'Total por vigencia' }))
        .getAllByRole('listitem')
        .map((x) => x.textContent),
    ).toEqual([
      '2026: 62,5 puntos (Básico operativo alto) · completitud 100 % (8 de 8)',
      '2025: 40 puntos (Básico operativo medio) · completitud 75 % (6 de 8)',
      '2024: 20 puntos (Básico operativo medio) · completitud 25 % (2 de 8)',
    ]);
    const tabla = screen.getByRole('region', { name: 'Puntaje y completitud por componente y vigencia' });
    // A group per component (and per section the radar shows), a row per year.
    expect(filasDe(tabla).slice(1, 9)).toEqual([
      ['Planeación'],
      ['2026', '70', '75 % (3 de 4)'],
      ['2025', '45', '75 % (3 de 4)'],
      ['2024', '20', '75 % (3 de 4)'],
      ['Planeación › Conocimiento de la planta'],
      ['2026', '70', '75 % (3 de 4)'],
      ['2025', '45', '75 % (3 de 4)'],
      ['2024', '20', '75 % (3 de 4)'],
    ]);
    expect(filasDe(tabla).slice(-2)).toEqual([
      ['2025', '30', '25 % (1 de 4)'],
      ['2024', 'sin puntaje', '25 % (1 de 4)'],
    ]);
    // The year and the component head each row for a screen reader.
    expect(
      within(tabla)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toContain('2024');
  });

  it('planeación convierte una brecha en actividad del plan con la política del autodiagnóstico', async () => {
    const enviados = servidor();
    montar(datos());
    const brechas = screen.getByRole('list', { name: 'Brechas del autodiagnóstico' });
    expect(brechas.textContent).toContain('EJ-04 · 0 puntos');
    expect(brechas.textContent).toContain('Planeación › Plan estratégico');
    expect(brechas.textContent).toContain('Aún no tiene acción de mejora.');
    await userEvent.click(await screen.findByRole('button', { name: 'Crear acción de mejora para EJ-04' }));
    const ventana = await screen.findByRole('dialog', { name: 'Crear la acción de mejora en el plan 2026' });
    // Only the autodiagnóstico's policy is offered; the gap's text opens the activity's name.
    const politica = within(ventana).getByLabelText('Política') as HTMLSelectElement;
    expect([...politica.options].map((o) => o.value)).toEqual(['talento_humano']);
    const nombre = within(ventana).getByRole('textbox', { name: 'Actividad' }) as HTMLTextAreaElement;
    expect(nombre.value).toBe('Acción de mejora de EJ-04: ¿Qué planes integró?');
    const escribir = (etiqueta: string | RegExp, valor: string) =>
      fireEvent.change(within(ventana).getByLabelText(etiqueta), { target: { value: valor } });
    escribir(/^Código/, 'TH-09');
    escribir(/^Actividad/, 'Integrar el plan de bienestar al plan estratégico');
    escribir(/^Unidad de medida/, 'plan');
    escribir(/^Producto o entregable/, 'Plan estratégico con el plan de bienestar');
    escribir('Meta: Trimestre 2', '1');
    await userEvent.click(within(ventana).getByRole('button', { name: 'Agregar la actividad al plan' }));
    await waitFor(() => expect(enviados).toHaveLength(1));
    expect(enviados[0]).toMatchObject({
      metodo: 'POST',
      url: '/api/entidades/e1/autodiagnosticos/a1/brechas/EJ-04/actividad',
      cuerpo: {
        vigencia: 2026,
        actividad: {
          politica: 'talento_humano',
          codigo: 'TH-09',
          nombre: 'Integrar el plan de bienestar al plan estratégico',
        },
      },
    });
    expect((await screen.findByRole('status')).textContent).toBe('La actividad TH-09 quedó en el plan 2026.');
  });

  it('una brecha con acción enlaza su actividad en el plan y su propuesta pendiente', () => {
    servidor();
    const b = datos().brechas[0]!;
    montar(
      datos({
        brechas: [
          {
            ...b,
            actividades: [
              {
                id: 'act',
                codigo: 'TH-09',
                nombre: 'Integrar el plan',
                vigencia: 2026,
                estadoPlan: 'borrador',
              },
            ],
            propuestas: [
              {
                id: 'p',
                codigo: 'TH-10',
                nombre: 'Medir el plan',
                vigencia: 2026,
                estado: 'pendiente',
                actividadId: null,
              },
            ],
          },
        ],
      }),
    );
    const enlace = screen.getByRole('link', { name: 'Actividad TH-09 «Integrar el plan»' });
    expect(enlace.getAttribute('href')).toBe('/plan?vigencia=2026&buscar=TH-09');
    expect(enlace.closest('li')!.textContent).toBe(
      'Actividad TH-09 «Integrar el plan» del plan 2026 (borrador)',
    );
    expect(screen.getByText('Propuesta TH-10 «Medir el plan» para el plan 2026: pendiente')).toBeTruthy();
  });

  it('con el plan publicado no se ofrece el botón y se dice por qué', async () => {
    servidor('publicado');
    montar(datos());
    await screen.findByText(/^El plan de 2026 está publicado: las brechas se convierten en actividades/);
    expect(screen.queryByRole('button', { name: /Crear acción de mejora/ })).toBeNull();
  });

  it('el responsable de la política la propone a planeación', async () => {
    trabajo.roles = ['responsable_politica'];
    const enviados = servidor();
    montar(datos());
    await userEvent.click(await screen.findByRole('button', { name: 'Crear acción de mejora para EJ-04' }));
    const ventana = await screen.findByRole('dialog', { name: 'Proponer la acción de mejora' });
    const escribir = (etiqueta: string | RegExp, valor: string) =>
      fireEvent.change(within(ventana).getByLabelText(etiqueta), { target: { value: valor } });
    escribir(/^Código/, 'TH-10');
    escribir(/^Unidad de medida/, 'plan');
    escribir(/^Producto o entregable/, 'Plan integrado');
    escribir('Meta: Trimestre 2', '1');
    await userEvent.click(within(ventana).getByRole('button', { name: 'Enviar la propuesta a planeación' }));
    await waitFor(() => expect(enviados).toHaveLength(1));
    expect(enviados[0]!.url).toBe('/api/entidades/e1/autodiagnosticos/a1/brechas/EJ-04/propuesta');
    expect((await screen.findByRole('status')).textContent).toBe(
      'La propuesta TH-10 quedó enviada a planeación.',
    );
  });
});
