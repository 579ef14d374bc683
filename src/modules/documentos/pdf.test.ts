import { describe, expect, it } from 'vitest';
import { documentoPdf, seccionPdf, tablaPdf } from './pdf.ts';
import { paginasComoImagenes, textoPorPagina } from './pdf-prueba.ts';

const MEMBRETE = { nombre: 'E.S.E. Hospital José María Hernández', nit: 'NIT 891.200.240-8' };

describe('documentos PDF de la entidad', () => {
  it('una tabla larga pasa de página con membrete, encabezado de tabla y numeración en cada una', async () => {
    const filas = Array.from({ length: 150 }, (_, i) => [`A${i + 1}`, `Actividad número ${i + 1}`, '85,5 %']);
    const pdf = await documentoPdf({
      membrete: MEMBRETE,
      titulo: 'Informe trimestral al CIGD',
      subtitulo: 'Vigencia 2026 — primer trimestre',
      contenido: [
        seccionPdf('Actividades'),
        tablaPdf(['Código', 'Actividad', 'Avance'], filas, [50, '*', 60]),
      ],
      generado: new Date('2026-04-10T15:00:00Z'),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const paginas = textoPorPagina(pdf);
    expect(paginas.length).toBeGreaterThan(2);
    paginas.forEach((texto, i) => {
      expect(texto).toContain('E.S.E. Hospital José María Hernández');
      expect(texto).toContain(`Página ${i + 1} de ${paginas.length}`);
      // The table's header row repeats: the reader of page 3 knows what each column is.
      expect(texto).toMatch(/Código\s+Actividad\s+Avance/);
    });
    expect(paginas[0]).toContain('Informe trimestral al CIGD');
    expect(paginas[0]).toContain('Generado con MIPG Abierto el 10/04/2026 10:00');
    // Every row is somewhere, once, and none is cut between pages.
    const todo = paginas.join('\n');
    for (const [codigo, nombre] of filas) expect(todo).toMatch(new RegExp(`${codigo}\\s+${nombre}\\s`));
    // Carta size pages, as images.
    const imagenes = paginasComoImagenes(pdf);
    expect(imagenes).toHaveLength(paginas.length);
    for (const im of imagenes) expect([im.ancho, im.alto]).toEqual([612, 792]);
  });

  it('un título de sección no queda al pie de una página con su tabla en la siguiente', async () => {
    // Paragraphs that fill most of the first page, then a section whose table cannot start on it.
    const relleno = Array.from({ length: 35 }, (_, i) => `Párrafo de contexto número ${i + 1}.`);
    const pdf = await documentoPdf({
      membrete: MEMBRETE,
      titulo: 'Informe',
      contenido: [
        ...relleno,
        seccionPdf('Actividades en riesgo'),
        'Actividades atrasadas con la explicación de su reporte.',
        tablaPdf(
          ['Código', 'Explicación'],
          Array.from({ length: 3 }, (_, i) => [`R${i}`, 'Texto largo '.repeat(40)]),
        ),
      ],
    });
    const paginas = textoPorPagina(pdf);
    expect(paginas.length).toBe(2);
    expect(paginas[0]).toContain('Párrafo de contexto número 35.');
    expect(paginas[0]).not.toContain('Actividades en riesgo');
    expect(paginas[1]).toMatch(
      /Actividades en riesgo[\s\S]*Actividades atrasadas[\s\S]*Código\s+Explicación/,
    );
  });

  it('un logo WebP (que PDF no admite) se omite sin fallar', async () => {
    const pdf = await documentoPdf({
      membrete: { ...MEMBRETE, logo: { imagen: Buffer.from('RIFF0000WEBPVP8 '), tipo: 'image/webp' } },
      titulo: 'Acta',
      contenido: ['Texto'],
    });
    expect(textoPorPagina(pdf)[0]).toContain('Acta');
  });
});
