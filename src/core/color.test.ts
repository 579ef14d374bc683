import { describe, expect, it } from 'vitest';
import { contraste } from './color.ts';

describe('contraste WCAG', () => {
  it.each([
    ['#000000', '#FFFFFF', 21],
    ['#FFFFFF', '#FFFFFF', 1],
    ['#0943B5', '#FFFFFF', 8.46],
    ['#767676', '#FFFFFF', 4.54],
  ])('%s sobre %s ≈ %d', (a, b, esperado) => {
    expect(contraste(a, b)).toBeCloseTo(esperado, 2);
  });
});
