import { Modal, type ModalProps } from '@mantine/core';

// Its own module, apart from ui/componentes.tsx: Modal brings scroll locking, portals and transitions that
// the first screen does not need, so only the pages with a dialog download them.
/**
 * Modal whose close button is named in Spanish for screen readers. It opens inside the page's `main`: out
 * of any landmark (the default, at the end of `body`) its `<header>` reads as a second banner and its content
 * as text outside the page's regions (axe: landmark-no-duplicate-banner, landmark-unique, region).
 */
export function Ventana(props: ModalProps) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Cerrar' }}
      portalProps={{ target: document.getElementById('contenido') ?? undefined }}
      {...props}
    />
  );
}
