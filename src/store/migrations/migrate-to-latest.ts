// Runs pending migrations with Kysely's Migrator (it takes a lock, so two processes starting together are safe).
import { Migrator, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { migrationProvider, type MigrationOptions } from './migration-provider.js';

export interface MigrateOptions extends MigrationOptions {
  /**
   * PostgreSQL: the schema of Kysely's bookkeeping tables, which must be the schema the tables are created in.
   * Without it the Migrator looks for them in every schema of the database and may find another one's.
   */
  readonly migrationTableSchema?: string;
}

/** Returns the names of the migrations this call applied (none when another process had applied them). */
export async function migrateToLatest(db: Kysely<Database>, options: MigrateOptions): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(options),
    ...(options.migrationTableSchema === undefined
      ? {}
      : { migrationTableSchema: options.migrationTableSchema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
