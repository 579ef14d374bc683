import { Anchor, Button, Group, NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';

// The evidence of an answer, shared by autodiagnósticos and the FURAG rehearsal: both link files already
// uploaded in seguimiento (one file, never a copy), so both show and pick them the same way.

export interface EvidenciaMostrada {
  /** Stable key of the row. */
  clave: string;
  nombre: string;
  href: string;
}

/** The evidence already linked, each with «Quitar» when the person may change it. */
export function ListaEvidencias({
  titulo,
  lista,
  item,
  puedeQuitar,
  quitando,
  alQuitar,
}: {
  titulo: string;
  lista: EvidenciaMostrada[];
  item: string;
  puedeQuitar: boolean;
  /** While a change is saved: the row being removed (loading), or null; the other buttons wait. */
  quitando?: string | null;
  alQuitar: (clave: string) => void;
}) {
  if (!lista.length) return null;
  return (
    <>
      <Text size="sm" fw={700}>
        {titulo}
      </Text>
      <ul className="evidencias-item">
        {lista.map((e) => (
          <li key={e.clave}>
            <Anchor href={e.href} target="_blank" rel="noopener" underline="always">
              {e.nombre}
            </Anchor>
            {puedeQuitar && (
              <Button
                variant="subtle"
                size="compact-sm"
                ml="xs"
                loading={quitando === e.clave}
                disabled={quitando !== undefined && quitando !== e.clave}
                onClick={() => alQuitar(e.clave)}
                aria-label={`Quitar la evidencia ${e.nombre} de ${item}`}
              >
                Quitar
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export interface EvidenciaElegible {
  id: string;
  nombre: string;
  actividad: string;
  periodo: number;
  vigencia: number;
}

/** Picks one of the entity's seguimiento evidence not linked yet, and links it. */
export function ElegirEvidencia({
  opciones,
  item,
  enlazando,
  deshabilitado,
  alEnlazar,
}: {
  opciones: EvidenciaElegible[];
  item: string;
  enlazando: boolean;
  deshabilitado?: boolean;
  alEnlazar: (evidenciaId: string) => void;
}) {
  const [elegida, setElegida] = useState('');
  if (!opciones.length) return null;
  const valor = opciones.some((e) => e.id === elegida) ? elegida : opciones[0]!.id;
  return (
    <Group align="end" wrap="wrap" gap="xs">
      <NativeSelect
        label="Enlazar una evidencia del seguimiento"
        value={valor}
        onChange={(e) => setElegida(e.currentTarget.value)}
        data={opciones.map((e) => ({
          value: e.id,
          label: `${e.nombre} — ${e.actividad} periodo ${e.periodo} de ${e.vigencia}`,
        }))}
        style={{ flex: '1 1 16rem', minWidth: 0 }}
      />
      <Button
        variant="outline"
        loading={enlazando}
        disabled={deshabilitado}
        onClick={() => alEnlazar(valor)}
        aria-label={`Enlazar la evidencia a ${item}`}
      >
        Enlazar
      </Button>
    </Group>
  );
}
