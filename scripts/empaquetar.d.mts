export const ENTRADAS: Record<string, string>;
export function argumentosEsbuild(entradas: Record<string, string>, carpeta: string): string[];
