import { sql, type Kysely } from 'kysely';

/** Migrations share one file for both engines; this tells them apart where SQL differs. */
export async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}
