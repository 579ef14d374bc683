import { Table } from '@mantine/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CLASES_TABLA } from './elementos-simples.tsx';
import { renderConMantine } from './render-prueba.tsx';
import { type Columna, PROPIEDADES_TABLA, TablaDatos } from './tabla-datos.tsx';

interface Actividad {
  id: string;
  nombre: string;
  politica: string;
  avance: number | null;
}

const actividades: Actividad[] = [
  { id: 'a1', nombre: 'Socializar el código de integridad', politica: 'Integridad', avance: 80 },
  {
    id: 'a2',
    nombre: 'Actualizar la política de gestión documental',
    politica: 'Gestión documental',
    avance: 20,
  },
  { id: 'a3', nombre: 'Publicar el plan anticorrupción', politica: 'Transparencia', avance: null },
  { id: 'a4', nombre: 'Capacitar en gestión del riesgo', politica: 'Integridad', avance: 55.5 },
];

const columnas: Columna<Actividad>[] = [
  { id: 'nombre', titulo: 'Actividad', valor: (a) => a.nombre, principal: true },
  { id: 'politica', titulo: 'Política', valor: (a) => a.politica, filtro: true },
  { id: 'avance', titulo: 'Avance', valor: (a) => a.avance, numerica: true },
];

const tabla = (props: Partial<Parameters<typeof TablaDatos<Actividad>>[0]> = {}) =>
  renderConMantine(
    <TablaDatos
      titulo="Actividades del plan"
      sustantivo={['actividad', 'actividades']}
      filas={actividades}
      columnas={columnas}
      idFila={(a) => a.id}
      {...props}
    />,
  );

const nombresEnOrden = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((f) => within(f).getAllByRole('cell')[0]?.textContent);

describe('tabla de datos', () => {
  it('busca sin importar tildes ni mayúsculas y dice cuántas coinciden', async () => {
    tabla();
    expect(screen.getByRole('status').textContent).toBe('4 actividades');
    await userEvent.type(screen.getByLabelText('Buscar en actividades del plan'), 'GESTION');
    expect(nombresEnOrden()).toEqual([
      'Actualizar la política de gestión documental',
      'Capacitar en gestión del riesgo',
    ]);
    expect(screen.getByRole('status').textContent).toBe('2 de 4 actividades');
    await userEvent.type(screen.getByLabelText('Buscar en actividades del plan'), ' xyz');
    expect(screen.getByText('Ningún registro coincide con la búsqueda.')).toBeTruthy();
  });

  it('filtra por la lista de valores presentes y quita los filtros', async () => {
    tabla();
    const filtro = screen.getByLabelText('Política') as HTMLSelectElement;
    expect([...filtro.options].map((o) => o.text)).toEqual([
      'Todas',
      'Gestión documental',
      'Integridad',
      'Transparencia',
    ]);
    await userEvent.selectOptions(filtro, 'Integridad');
    expect(screen.getByRole('status').textContent).toBe('2 de 4 actividades');
    await userEvent.click(screen.getByRole('button', { name: 'Quitar filtros' }));
    expect(screen.getByRole('status').textContent).toBe('4 actividades');
  });

  it('ordena al pulsar el encabezado y lo anuncia con aria-sort; los vacíos quedan al final', async () => {
    tabla();
    const boton = screen.getByRole('button', { name: /^Avance/ });
    await userEvent.click(boton);
    const th = boton.closest('th')!;
    const primero = th.getAttribute('aria-sort');
    const orden1 = nombresEnOrden();
    await userEvent.click(boton);
    const segundo = th.getAttribute('aria-sort');
    expect(new Set([primero, segundo])).toEqual(new Set(['ascending', 'descending']));
    const orden2 = nombresEnOrden();
    expect(orden1.at(-1)).toBe('Publicar el plan anticorrupción');
    expect(orden2.at(-1)).toBe('Publicar el plan anticorrupción');
    expect(orden1.slice(0, 3)).toEqual(orden2.slice(0, 3).reverse());
  });

  it('muestra las cifras en formato es-CO y «—» cuando no hay dato', () => {
    tabla();
    expect(screen.getByText('55,5')).toBeTruthy();
    expect(screen.getByText('—')).toBeTruthy();
  });

  it('pagina con controles en español', async () => {
    tabla({ porPagina: 3 });
    expect(screen.getAllByRole('row')).toHaveLength(4);
    await userEvent.click(screen.getByRole('button', { name: 'Página siguiente' }));
    expect(nombresEnOrden()).toEqual(['Capacitar en gestión del riesgo']);
  });

  it('agrupa por política en secciones que se pliegan', async () => {
    tabla({ agruparPor: 'politica' });
    const integridad = screen.getByRole('button', { name: /Integridad \(2\)/ });
    expect(integridad.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(integridad);
    expect(integridad.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('Socializar el código de integridad')).toBeNull();
    expect(screen.getByText('Publicar el plan anticorrupción')).toBeTruthy();
  });

  it('cada celda lleva el nombre de su columna para la vista de teléfono', () => {
    tabla();
    const celdas = within(screen.getAllByRole('row')[1]!).getAllByRole('cell');
    expect(celdas.map((c) => c.getAttribute('data-etiqueta'))).toEqual(['Actividad', 'Política', 'Avance']);
  });

  it('la tabla se ve como la de Mantine: rayada, con borde, encabezado fijo y su relleno (mismas clases y atributos)', () => {
    const { container } = renderConMantine(
      <Table {...PROPIEDADES_TABLA}>
        <Table.Caption>título</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>columna</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>referencia</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>,
    );
    const suya = container.querySelector('table')!;
    const nuestra = tabla().container.querySelector('table')!;
    // Each part of Mantine's table has, in ours, its classes and the same value of each of its attributes;
    // ours add their own (the phone layout's classes, the column's name, the sorting state).
    for (const selector of [
      '',
      'caption',
      'thead',
      'thead tr',
      'thead th',
      'tbody',
      'tbody tr',
      'tbody td',
    ]) {
      const [s, n] = [suya, nuestra].map((t) => (selector ? t.querySelector(selector)! : t));
      for (const atributo of s!.attributes) {
        if (atributo.name === 'class')
          expect(
            [...s!.classList].filter((c) => !n!.classList.contains(c)),
            `clases de Mantine que faltan en ${selector || 'table'}`,
          ).toEqual([]);
        else
          expect(n!.getAttribute(atributo.name), `${selector || 'table'}[${atributo.name}]`).toBe(
            atributo.value,
          );
      }
    }
    expect(Object.values(CLASES_TABLA).sort()).toEqual(
      Object.entries(Table.classes)
        .filter(([k]) => k in CLASES_TABLA)
        .map(([, v]) => v)
        .sort(),
    );
  });

  it('con «1» usa el singular', () => {
    tabla({ filas: actividades.slice(0, 1) });
    expect(screen.getByRole('status').textContent).toBe('1 actividad');
  });
});

describe('tabla de datos: secciones y listas del servidor', () => {
  it('con plegarGrupos empieza plegada, una búsqueda abre las secciones y un botón las abre o pliega todas', async () => {
    tabla({ agruparPor: 'politica', plegarGrupos: true });
    expect(screen.queryAllByRole('cell')).toHaveLength(0);
    expect(screen.getByRole('button', { name: /Integridad \(2\)/ }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    await userEvent.type(screen.getByLabelText('Buscar en actividades del plan'), 'codigo');
    expect(screen.getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Socializar el código de integridad',
      'Integridad',
      '80',
    ]);
    await userEvent.clear(screen.getByLabelText('Buscar en actividades del plan'));
    await userEvent.click(screen.getByRole('button', { name: 'Abrir todas las secciones' }));
    expect(screen.getAllByRole('cell')).toHaveLength(12);
    await userEvent.click(screen.getByRole('button', { name: 'Plegar todas las secciones' }));
    expect(screen.queryAllByRole('cell')).toHaveLength(0);
  });

  it('cada sección dice su resumen aun plegada y muestra su detalle cuando está abierta', async () => {
    tabla({
      agruparPor: 'politica',
      resumenGrupo: (g) => `suma ${g.filas.reduce((n, a) => n + (a.avance ?? 0), 0)}`,
      detalleGrupo: (g) => (g.clave === 'Integridad' ? <p>Detalle de {g.clave}</p> : null),
    });
    const integridad = screen.getByRole('button', { name: /Integridad \(2\)/ });
    expect(integridad.textContent).toContain('(2) · suma 135.5');
    expect(screen.getByText('Detalle de Integridad')).toBeTruthy();
    await userEvent.click(integridad);
    expect(integridad.textContent).toContain('(2) · suma 135.5');
    expect(screen.queryByText('Detalle de Integridad')).toBeNull();
  });

  it('una columna oculta se busca y se filtra, pero no se muestra', async () => {
    tabla({ columnas: columnas.map((c) => (c.id === 'politica' ? { ...c, oculta: true } : c)) });
    expect(screen.queryByRole('columnheader', { name: /Política/ })).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Política'), 'Transparencia');
    expect(nombresEnOrden()).toEqual(['Publicar el plan anticorrupción']);
  });

  it('en una lista del servidor, la búsqueda, los filtros y las páginas se piden al servidor', async () => {
    const consultas: unknown[] = [];
    const paginas: number[] = [];
    tabla({
      columnas: columnas.map((c) =>
        c.id === 'politica'
          ? { ...c, opciones: [{ value: 'integridad', label: 'Integridad' }], todas: 'Todas las políticas' }
          : c,
      ),
      servidor: {
        pagina: 1,
        porPagina: 4,
        total: 9,
        alCambiar: (p) => paginas.push(p),
        consulta: { busqueda: '', filtros: {}, alCambiar: (c) => consultas.push(c) },
      },
    });
    // The rows are the server's page: nothing is hidden or counted in the browser.
    expect(screen.getByRole('status').textContent).toBe('9 actividades');
    await userEvent.type(screen.getByLabelText('Buscar en actividades del plan'), 'x');
    await userEvent.selectOptions(screen.getByLabelText('Política'), 'Integridad');
    expect(consultas).toEqual([
      { busqueda: 'x', filtros: {} },
      { busqueda: '', filtros: { politica: 'integridad' } },
    ]);
    expect(nombresEnOrden()).toHaveLength(4);
    await userEvent.click(screen.getByRole('button', { name: 'Página 3' }));
    expect(paginas).toEqual([3]);
  });

  it('las herramientas van junto a la búsqueda', () => {
    tabla({ herramientas: <button type="button">Importar personas</button> });
    expect(screen.getByRole('button', { name: 'Importar personas' })).toBeTruthy();
  });
});
