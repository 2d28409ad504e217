// last_used_at of a credential (SCIM token, admin key, API key): written only when the stored value is older than
// `notAfter`, checked in the UPDATE itself so that processes sharing the database write it at most once per interval.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type CredentialTable = 'scim_tokens' | 'admin_keys' | 'api_keys';

export async function touchLastUsed(
  db: Kysely<Database>,
  table: CredentialTable,
  id: string,
  at: string,
  notAfter: string,
): Promise<void> {
  await db
    .updateTable(table)
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notAfter)]))
    .execute();
}
