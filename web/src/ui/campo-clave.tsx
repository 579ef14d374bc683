import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/** Password field with its show/hide button labelled in Spanish. */
export function CampoClave(props: PasswordInputProps) {
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': 'Mostrar u ocultar lo escrito' }}
      {...props}
    />
  );
}
