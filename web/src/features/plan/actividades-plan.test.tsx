import type { ActividadDelPlan, PlanAccion } from '@contrato/plan.ts';
import type { UsuarioEntidad } from '@contrato/usuarios.ts';
import type { EstadoActividad } from '@core/semaforo.ts';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { ActividadesPlan } from './actividades-plan.tsx';

// The router's link needs a router; a plain anchor shows where it points.
vi.mock('../../ui/router.tsx', () => ({
  Enlace: ({ a, children }: { a: string; children: React.ReactNode }) => <a href={a}>{children}</a>,
}));

const politicas = [
  { clave: 'talento_humano', codigoFurag: 'P1', nombre: 'Gestión estratégica del talento humano' },
  { clave: 'integridad', codigoFurag: 'P2', nombre: 'Integridad' },
  { clave: 'gestion_documental', codigoFurag: 'P13', nombre: 'Gestión documental' },
].map((p) => ({ ...p, lider: 'Función Pública', formularios: ['MIPG' as const], indices: [] }));

const dependencias = [
  { id: 'd1', nombre: 'Talento Humano', codigo: null, padreId: null },
  { id: 'd2', nombre: 'Secretaría General', codigo: null, padreId: null },
];
const persona = (id: string, nombre: string): UsuarioEntidad => ({
  id,
  nombre,
  correo: `${id}@entidad.example`,
  cargo: null,
  activo: true,
  bloqueado: false,
  gestionable: true,
  roles: ['responsable_actividad'],
});
const personas = [persona('u1', 'Ana Gómez'), persona('u2', 'Óscar Peña')];

const actividad = (
  id: string,
  politica: string,
  nombre: string,
  ponderacion: number,
  dependenciaId: string,
  responsableId: string,
): ActividadDelPlan => ({
  id,
  politica,
  codigo: id.toUpperCase(),
  indiceFurag: null,
  plan612: null,
  planPropio: null,
  objetivo: null,
  nombre,
  producto: 'Informe',
  metaAnual: 1,
  acumulacion: 'suma',
  unidad: 'informe',
  metasPeriodo: [1],
  ponderacion,
  dependenciaId,
  responsableId,
  dependenciaNombre: dependencias.find((d) => d.id === dependenciaId)?.nombre ?? null,
  responsableNombre: personas.find((p) => p.id === responsableId)?.nombre ?? null,
  corresponsables: [],
  indicadorId: null,
  fechaInicio: '2026-01-01',
  fechaFin: '2026-12-31',
  presupuesto: null,
  rubro: null,
  bpin: null,
  riesgo: null,
});

// Deliberately out of the catalogue's order: the sections follow the catalogue.
const actividades = [
  actividad('in-01', 'integridad', 'Socializar el código de integridad', 60, 'd2', 'u2'),
  actividad('th-01', 'talento_humano', 'Plan de capacitación', 50, 'd1', 'u1'),
  actividad('th-02', 'talento_humano', 'Medir el clima laboral', 50, 'd1', 'u2'),
  {
    ...actividad('in-02', 'integridad', 'Conflictos de interés', 30, 'd2', 'u1'),
    propuestaPor: 'u2',
    autodiagnosticoId: 'a1',
    autodiagnosticoItem: 'EJ-04',
  },
];
const plan: PlanAccion = {
  modoPonderacion: 'politica',
  plan: null,
  organo: { clave: 'cigd', nombre: 'Comité Institucional de Gestión y Desempeño', conArticulo: 'el Comité' },
  publicacion: { limite: '2026-01-31', vencida: false, direccion: '/publico/hs' },
  cambio: null,
  actividades,
  ponderaciones: [
    { politica: 'talento_humano', suma: 100, actividades: 2, ok: true, mensaje: null },
    {
      politica: 'integridad',
      suma: 90,
      actividades: 2,
      ok: false,
      mensaje: 'Las ponderaciones de Integridad suman 90 %; deben sumar 100 %.',
    },
  ],
};
const estados = new Map<string, EstadoActividad>([
  ['in-01', 'cumplida'],
  ['th-01', 'atrasada'],
  ['th-02', 'en_curso'],
  ['in-02', 'atrasada'],
]);

const mostrar = (
  editable = false,
  consultaInicial?: { busqueda?: string; filtros?: Record<string, string> },
) => {
  const alEditar = vi.fn();
  const alCambiarConsulta = vi.fn();
  renderConMantine(
    <ActividadesPlan
      consultaInicial={consultaInicial}
      alCambiarConsulta={alCambiarConsulta}
      plan={plan}
      politicas={politicas}
      dependencias={dependencias}
      personas={personas}
      estados={estados}
      editable={editable}
      alEditar={alEditar}
      alQuitar={vi.fn()}
    />,
  );
  return { alEditar, alCambiarConsulta };
};

const secciones = () =>
  screen.getAllByRole('button', { expanded: true }).map((b) => b.textContent?.replace(/^▾ /, ''));
const codigos = () =>
  screen
    .queryAllByRole('cell')
    .filter((c) => c.getAttribute('data-etiqueta') === 'Código')
    .map((c) => c.textContent);

describe('actividades del plan agrupadas por política', () => {
  it('una actividad que vino de una propuesta de la primera línea dice quién la propuso', () => {
    mostrar();
    expect(screen.getAllByText(/^Propuesta por /).map((x) => x.textContent)).toEqual([
      'Propuesta por Óscar Peña',
    ]);
  });

  it('una acción de mejora dice de qué brecha del autodiagnóstico salió y enlaza al autodiagnóstico', () => {
    mostrar();
    const enlace = screen.getByRole('link', { name: /^Acción de mejora de una brecha del autodiagnóstico/ });
    expect(enlace.textContent).toBe('Acción de mejora de una brecha del autodiagnóstico (ítem EJ-04)');
    expect(enlace.getAttribute('href')).toBe('/autodiagnosticos/a1');
  });

  it('un enlace a una actividad (desde una brecha o una recomendación) abre el plan buscándola', () => {
    mostrar(false, { busqueda: 'TH-02' });
    expect((screen.getByLabelText('Buscar en actividades del plan') as HTMLInputElement).value).toBe('TH-02');
    expect(codigos()).toEqual(['TH-02']);
  });

  it('una sección por política en el orden del catálogo, con cuántas actividades y la suma de pesos', () => {
    mostrar();
    expect(secciones()).toEqual([
      'P1 Gestión estratégica del talento humano (2) · pesos 100 %',
      'P2 Integridad (2) · pesos 90 % (revisar)',
    ]);
    expect(screen.getByText('Las ponderaciones de Integridad suman 90 %; deben sumar 100 %.')).toBeTruthy();
  });

  it('plegar una política oculta sus actividades pero deja su cuenta y su suma de pesos', async () => {
    mostrar();
    const talento = screen.getByRole('button', { name: /Talento humano \(2\)/i });
    await userEvent.click(talento);
    expect(talento.getAttribute('aria-expanded')).toBe('false');
    expect(talento.textContent).toContain('(2) · pesos 100 %');
    expect(codigos()).toEqual(['IN-01', 'IN-02']);
    await userEvent.click(talento);
    expect(codigos()).toEqual(['TH-01', 'TH-02', 'IN-01', 'IN-02']);
  });

  it('filtra por dependencia, por responsable y por estado, y lo dice', async () => {
    mostrar();
    await userEvent.selectOptions(screen.getByLabelText('Dependencia'), 'Talento Humano');
    expect(codigos()).toEqual(['TH-01', 'TH-02']);
    expect(screen.getByRole('status').textContent).toBe('2 de 4 actividades');
    await userEvent.selectOptions(screen.getByLabelText('Responsable'), 'Óscar Peña');
    expect(codigos()).toEqual(['TH-02']);
    await userEvent.click(screen.getByRole('button', { name: 'Quitar filtros' }));
    const estado = screen.getByLabelText('Estado') as HTMLSelectElement;
    expect([...estado.options].map((o) => o.text)).toEqual([
      'Todos',
      'Sin iniciar',
      'En curso',
      'Atrasada',
      'Cumplida',
      'Sin reporte',
    ]);
    await userEvent.selectOptions(estado, 'Atrasada');
    expect(codigos()).toEqual(['TH-01', 'IN-02']);
    expect(secciones()).toEqual([
      'P1 Gestión estratégica del talento humano (1) · pesos 100 %',
      'P2 Integridad (1) · pesos 90 % (revisar)',
    ]);
  });

  it('cada búsqueda y filtro se avisa para la dirección, y una dirección con filtros abre el plan filtrado', async () => {
    const { alCambiarConsulta } = mostrar();
    await userEvent.selectOptions(screen.getByLabelText('Dependencia'), 'Talento Humano');
    await userEvent.selectOptions(screen.getByLabelText('Estado'), 'Atrasada');
    expect(alCambiarConsulta).toHaveBeenLastCalledWith({
      busqueda: '',
      filtros: { dependencia: 'Talento Humano', estado: 'Atrasada' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Quitar filtros' }));
    expect(alCambiarConsulta).toHaveBeenLastCalledWith({ busqueda: '', filtros: {} });
    cleanup();

    // A value the drop-down does not offer (a stale name in an old link) is ignored, rather than hiding rows
    // behind a drop-down that says «Todos».
    mostrar(false, { filtros: { estado: 'Sin nombre' } });
    expect(codigos()).toHaveLength(4);
    cleanup();

    // The shared link: the same rows, the filters chosen in their drop-downs; a filter of no column is ignored.
    mostrar(false, { filtros: { dependencia: 'Talento Humano', estado: 'Atrasada', color: 'rojo' } });
    expect(codigos()).toEqual(['TH-01']);
    expect((screen.getByLabelText('Dependencia') as HTMLSelectElement).value).toBe('Talento Humano');
    expect((screen.getByLabelText('Estado') as HTMLSelectElement).value).toBe('Atrasada');
    expect(screen.getByRole('status').textContent).toBe('1 de 4 actividades');
  });

  it('busca sin tildes y deja solo las secciones con resultados', async () => {
    mostrar();
    await userEvent.type(screen.getByLabelText('Buscar en actividades del plan'), 'codigo de INTEGRIDAD');
    expect(codigos()).toEqual(['IN-01']);
    expect(secciones()).toEqual(['P2 Integridad (1) · pesos 90 % (revisar)']);
  });

  it('quien edita el plan tiene los botones de cada actividad; quien no, no', async () => {
    const { alEditar } = mostrar(true);
    await userEvent.click(screen.getByRole('button', { name: 'Editar la actividad TH-02' }));
    expect(alEditar).toHaveBeenCalledWith(expect.objectContaining({ id: 'th-02' }));
    expect(screen.getByRole('button', { name: 'Quitar la actividad IN-01' })).toBeTruthy();
  });

  it('sin permiso para ver a las personas no hay columna ni filtro de responsable', () => {
    renderConMantine(
      <ActividadesPlan
        plan={plan}
        politicas={politicas}
        dependencias={dependencias}
        editable={false}
        alEditar={vi.fn()}
        alQuitar={vi.fn()}
      />,
    );
    expect(screen.queryByLabelText('Responsable')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Editar/ })).toBeNull();
    const fila = screen.getAllByRole('row').find((f) => f.textContent?.includes('TH-01'))!;
    expect(
      within(fila)
        .getAllByRole('cell')
        .map((c) => c.getAttribute('data-etiqueta')),
    ).toEqual(['Código', 'Actividad', 'Dependencia', 'Meta anual', 'Peso', 'Fechas', 'Presupuesto']);
  });
});
