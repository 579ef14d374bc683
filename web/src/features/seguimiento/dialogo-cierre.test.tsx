import type { FilaSeguimiento } from '@contrato/seguimiento.ts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { DialogoCierre, pendientesDeCierre } from './seguimiento-page.tsx';

vi.mock('../../ui/router.tsx', () => ({
  Enlace: ({ a, children }: { a: string; children: React.ReactNode }) => <a href={a}>{children}</a>,
}));

/** A sheet row: an activity and its report's state (null: nothing reported). */
const fila = (codigo: string, estado: string | null, sinCorte: string | null = null) =>
  ({
    actividad: { id: codigo, codigo, nombre: `Actividad ${codigo}` },
    sinCorte,
    reporte: estado && { estado },
  }) as unknown as FilaSeguimiento;

const FILAS = [
  fila('IN-01', 'enviado'),
  fila('IN-02', 'aceptado'),
  fila('IN-03', 'borrador'),
  fila('IN-04', null),
  fila('IN-05', 'devuelto'),
  // The PTEP by cuatrimestres owes nothing in a trimester without its cut-off.
  fila('PT-01', null, 'Sin corte en este periodo'),
];

describe('cerrar un periodo con reportes pendientes', () => {
  it('cuenta lo que espera a planeación y lo no enviado; lo sin corte no cuenta', () => {
    const { porRevisar, sinEnviar } = pendientesDeCierre(FILAS);
    expect(porRevisar.map((f) => f.actividad.codigo)).toEqual(['IN-01']);
    expect(sinEnviar.map((f) => f.actividad.codigo)).toEqual(['IN-03', 'IN-04', 'IN-05']);
  });

  it('los nombra y da a elegir: revisarlos primero, o cerrar dejándolos por fuera', async () => {
    const revisarPrimero = vi.fn();
    const cerrarAsi = vi.fn();
    renderConMantine(
      <DialogoCierre
        pendientes={pendientesDeCierre(FILAS)}
        configurada
        cerrando={false}
        error={null}
        revisarPrimero={revisarPrimero}
        cerrarAsi={cerrarAsi}
      />,
    );
    expect(screen.getByText('1 reporte espera la revisión de planeación')).toBeTruthy();
    expect(screen.getByText('IN-01 — Actividad IN-01')).toBeTruthy();
    expect(screen.getByText('3 actividades no han enviado su reporte.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Revisarlos primero' }));
    expect(revisarPrimero).toHaveBeenCalledTimes(1);
    expect(cerrarAsi).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Cerrar y dejarlos por fuera' }));
    expect(cerrarAsi).toHaveBeenCalledTimes(1);
  });

  it('sin pendientes, un solo botón: cerrar el periodo', () => {
    renderConMantine(
      <DialogoCierre
        pendientes={pendientesDeCierre([fila('IN-02', 'aceptado')])}
        configurada
        cerrando={false}
        error={null}
        revisarPrimero={() => {}}
        cerrarAsi={() => {}}
      />,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Cerrar el periodo']);
  });
});
