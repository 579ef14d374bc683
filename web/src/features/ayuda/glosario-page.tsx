import { glosarioOrdenado, sinTildes } from '@core/glosario.ts';
import { Paper, Text, TextInput } from '@mantine/core';
import { useLocation } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { Pagina } from '../../ui/componentes.tsx';
import { cantidad } from '../../ui/formato.ts';
import './glosario.css';

const ENTRADAS = glosarioOrdenado();

/** The glossary: every MIPG word of the platform, in plain words, searchable without accents. */
export function GlosarioPage() {
  const [busqueda, setBusqueda] = useState('');
  const ancla = useLocation({ select: (l) => l.hash });
  const b = sinTildes(busqueda.trim());
  const vistas = b
    ? ENTRADAS.filter((e) =>
        [e.termino, ...(e.otrasFormas ?? []), e.definicion].some((x) => sinTildes(x).includes(b)),
      )
    : ENTRADAS;
  // Arriving from «Ver en el glosario»: the term is brought into view and marked.
  useEffect(() => {
    if (!ancla) return;
    document.getElementById(ancla)?.scrollIntoView({ block: 'center' });
  }, [ancla]);
  return (
    <Pagina
      titulo="Glosario MIPG"
      descripcion="Las palabras del Modelo Integrado de Planeación y Gestión que usa la plataforma, explicadas para quien llega a la entidad. En las pantallas, las palabras subrayadas con puntos muestran su definición al tocarlas."
    >
      <TextInput
        type="search"
        label="Buscar un término"
        description="Escriba una palabra, con o sin tildes: por ejemplo, «vigencia» o «furag»."
        value={busqueda}
        onChange={(e) => setBusqueda(e.currentTarget.value)}
        maxLength={100}
        maw={480}
      />
      <Text role="status" size="sm">
        {b
          ? `${cantidad(vistas.length, 'término encontrado', 'términos encontrados')}.`
          : `${cantidad(ENTRADAS.length, 'término', 'términos')}.`}
      </Text>
      <Paper withBorder p="lg">
        {vistas.length === 0 ? (
          <Text>Ningún término coincide con «{busqueda.trim()}». Pruebe con otra palabra.</Text>
        ) : (
          <dl className="glosario">
            {vistas.map((e) => (
              <div key={e.clave} className="glosario-entrada" data-elegida={e.clave === ancla || undefined}>
                <dt id={e.clave}>{e.termino}</dt>
                <dd>
                  {e.definicion}
                  {e.otrasFormas && e.otrasFormas.length > 0 && (
                    <span className="glosario-nota">También: {e.otrasFormas.join(', ')}.</span>
                  )}
                  {e.fuente && <span className="glosario-nota">Fuente: {e.fuente}.</span>}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Paper>
    </Pagina>
  );
}
