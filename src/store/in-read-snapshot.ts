// Several statements that must agree (a page and its COUNT(*)) read one snapshot: inside the caller's transaction when
// there is one, else in a read-only transaction of their own.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export function inReadSnapshot<T>(
  db: Kysely<Database>,
  fn: (snapshot: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().setAccessMode('read only').execute(fn);
}
