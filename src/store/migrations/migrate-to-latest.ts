// Runs pending migrations with Kysely's Migrator (it takes a lock, so two processes starting together are safe).
import { Migrator, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { migrationProvider, type MigrationOptions } from './migration-provider.js';

export async function migrateToLatest(db: Kysely<Database>, options: MigrationOptions): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(options) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
