import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BarraAccesibilidad } from './marco.tsx';

// The test plays the browser: it writes the cookies a person's earlier visit left.
const ponerCookie = (c: string) => {
  // biome-ignore lint/suspicious/noDocumentCookie: the test document's own cookies.
  document.cookie = c;
};
const borrarCookies = () => {
  for (const c of document.cookie.split(';')) {
    const nombre = c.split('=')[0]!.trim();
    if (nombre) ponerCookie(`${nombre}=; max-age=0; path=/`);
  }
};

afterEach(() => {
  borrarCookies();
  localStorage.clear();
  document.documentElement.removeAttribute('style');
  delete document.documentElement.dataset.contraste;
});

describe('barra de accesibilidad', () => {
  it('lo elegido queda en cookies para que el servidor pinte la próxima página con ello', async () => {
    ponerCookie('mipg_tamano=100; path=/');
    render(<BarraAccesibilidad />);
    await userEvent.click(screen.getByRole('button', { name: 'Aumentar el tamaño del texto' }));
    await userEvent.click(screen.getByRole('button', { name: 'Alto contraste' }));
    expect(document.documentElement.style.fontSize).toBe('112.5%');
    expect(document.documentElement.dataset.contraste).toBe('alto');
    expect(document.cookie).toContain('mipg_tamano=112.5');
    expect(document.cookie).toContain('mipg_contraste=1');
  });

  it('al abrir, toma lo que dicen las cookies sin tocar localStorage', () => {
    ponerCookie('mipg_tamano=150; path=/');
    ponerCookie('mipg_contraste=1; path=/');
    const leer = vi.spyOn(Storage.prototype, 'getItem');
    render(<BarraAccesibilidad />);
    expect(screen.getByRole('button', { name: 'Alto contraste' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Aumentar el tamaño del texto' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(leer).not.toHaveBeenCalled();
    leer.mockRestore();
  });

  it('lo que una versión anterior guardó en localStorage pasa a las cookies una vez', async () => {
    localStorage.setItem('mipg.tamano', '125');
    localStorage.setItem('mipg.contraste', '1');
    render(<BarraAccesibilidad />);
    await vi.waitFor(() => expect(document.documentElement.style.fontSize).toBe('125%'), { timeout: 3000 });
    expect(document.documentElement.dataset.contraste).toBe('alto');
    expect(document.cookie).toContain('mipg_tamano=125');
    expect(localStorage.getItem('mipg.tamano')).toBeNull();
  });

  it('lo que la persona elige antes de ese paso gana sobre lo guardado por la versión anterior', async () => {
    localStorage.setItem('mipg.tamano', '150');
    render(<BarraAccesibilidad />);
    await userEvent.click(screen.getByRole('button', { name: 'Aumentar el tamaño del texto' }));
    // The old values are still removed, but they do not overwrite the fresh choice.
    await vi.waitFor(() => expect(localStorage.getItem('mipg.tamano')).toBeNull(), { timeout: 3000 });
    expect(document.documentElement.style.fontSize).toBe('112.5%');
    expect(document.cookie).toContain('mipg_tamano=112.5');
  });
});
