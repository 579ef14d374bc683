import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Numero } from './numero.tsx';
import { renderConMantine } from './render-prueba.tsx';

let ultimo: number | string = '';
function Campo({ min, max }: { min?: number; max?: number }) {
  const [valor, setValor] = useState<number | string>('');
  return (
    <Numero
      label="Total acumulado al corte"
      min={min}
      max={max}
      value={valor}
      onChange={(v) => {
        ultimo = v;
        setValor(v);
      }}
    />
  );
}

const escribir = async (texto: string, props: { min?: number; max?: number } = {}) => {
  renderConMantine(<Campo {...props} />);
  const campo = screen.getByRole('textbox', { name: 'Total acumulado al corte' }) as HTMLInputElement;
  await userEvent.type(campo, texto);
  await userEvent.tab();
  return campo.value;
};

describe('una cifra escrita como en Colombia', () => {
  it('«1.234,5» es mil doscientos treinta y cuatro con cinco, no 1,2345', async () => {
    expect(await escribir('1.234,5')).toBe('1.234,5');
    expect(ultimo).toBe(1234.5);
  });

  it('«1234» se muestra con su punto de miles', async () => {
    expect(await escribir('1234')).toBe('1.234');
    expect(ultimo).toBe(1234);
  });

  it('fuera de rango queda como se escribió, para que el formulario diga por qué (no se cambia en silencio)', async () => {
    expect(await escribir('-5', { min: 0 })).toBe('-5');
    expect(ultimo).toBe(-5);
  });

  it('por encima del máximo tampoco se recorta', async () => {
    expect(await escribir('150', { min: 0, max: 100 })).toBe('150');
    expect(ultimo).toBe(150);
  });
});
