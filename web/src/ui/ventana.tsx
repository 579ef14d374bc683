import { Modal, type ModalProps } from '@mantine/core';

// Its own module, apart from ui/componentes.tsx: Modal brings scroll locking, portals and transitions that
// the first screen does not need, so only the pages with a dialog download them.
/** Modal whose close button is named in Spanish for screen readers. */
export function Ventana(props: ModalProps) {
  return <Modal closeButtonProps={{ 'aria-label': 'Cerrar' }} {...props} />;
}
