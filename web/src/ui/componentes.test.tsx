import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorApi } from '../api.ts';
import { MensajeError } from './componentes.tsx';

describe('MensajeError', () => {
  it('una validación que cita las claves del API se dice por las etiquetas de la pantalla', () => {
    const error = new ErrorApi(
      400,
      'Revise los datos: «descripcion»: describa en al menos 10 caracteres; «ruta actividadId»: no es válido.',
      [
        { campo: 'descripcion', mensaje: 'describa en al menos 10 caracteres' },
        { campo: 'ruta actividadId', mensaje: 'el identificador de la actividad no es válido' },
      ],
    );
    render(<MensajeError error={error} etiquetas={{ descripcion: 'Qué se hizo en el periodo' }} />);
    const aviso = screen.getByRole('alert');
    expect([...aviso.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Qué se hizo en el periodo: Describa en al menos 10 caracteres',
      // No label on this screen: the message alone, never the key.
      'El identificador de la actividad no es válido',
    ]);
    expect(aviso.textContent).not.toContain('«');
  });

  it('una frase escrita para personas se muestra tal cual, aunque marque un campo', () => {
    const error = new ErrorApi(409, 'Adjunte al menos una evidencia (archivo o enlace) antes de enviar.', [
      { campo: 'evidencias', mensaje: 'el reporte no tiene evidencias' },
    ]);
    render(<MensajeError error={error} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'No fue posible completar la acciónAdjunte al menos una evidencia (archivo o enlace) antes de enviar.',
    );
  });
});
