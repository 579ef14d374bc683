import { z } from 'zod';

export const SaludSchema = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type Salud = z.infer<typeof SaludSchema>;
