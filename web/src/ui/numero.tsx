import { NumberInput, type NumberInputProps } from '@mantine/core';

/**
 * A figure as Colombia writes it, «1.234,5». Only the comma separates decimals: Mantine also took a typed
 * point as one, and «1.234,5» was saved as 1,2345. A value out of range stays as typed, for the form or the
 * server to say why: Mantine clamped −5 to 0 and 150 to 100 without a word. No spinner arrows: a 24 × 17 px
 * target on a phone, and one step is meaningless for most figures.
 */
export function Numero(props: NumberInputProps) {
  return (
    <NumberInput
      decimalSeparator=","
      thousandSeparator="."
      allowedDecimalSeparators={[',']}
      clampBehavior="none"
      hideControls
      {...props}
    />
  );
}
