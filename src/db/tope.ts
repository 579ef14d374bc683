import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * Inside the transaction that counts against a cap and then writes: holds the cap of `ambito` (an author, an
 * entity, a vigencia) until commit, so requests at once count one after the other and the loser sees the
 * winner's row. Without it N requests at the bound would each count the same and all pass. Two-key advisory
 * locks live apart from the audit chain's one-key lock.
 */
export async function sostenerTope(tx: Db, tope: string, ambito: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${tope}), hashtext(${ambito}))`);
}

/**
 * Holds the cap of `ambito` and says whether `contar` already reaches `maximo` (the caller refuses with 409):
 * what one entity's people create is bounded, so nobody fills the disk or the pages of everyone else.
 */
export async function topeAlcanzado(
  tx: Db,
  tope: string,
  ambito: string,
  contar: () => Promise<number>,
  maximo: number,
) {
  await sostenerTope(tx, tope, ambito);
  return (await contar()) >= maximo;
}
