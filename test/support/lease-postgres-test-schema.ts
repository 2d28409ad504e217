// Migrated PostgreSQL schemas for the suites that open an app or a store per test, reused instead of created and
// migrated anew (a third of a second each on a busy machine). A schema serves one lease at a time and takes a name
// never used before on every lease, so its advisory locks and notification channel are its own. It returns to the free
// list only once every row is deleted (sequences restarted) and its tables, columns, constraints, indexes, triggers,
// routines and applied migrations are exactly the template's, which the migrations of this checkout created; any
// other schema is dropped. A test therefore never sees another test's rows, nor a schema a test has altered.
import pg from 'pg';
import { createPostgresStore } from '../../src/store/postgres/create-postgres-store.js';
import { freshSchemaName, postgresTestDatabaseUrl } from './postgres-test-database.js';
import { runStatement, withClient } from './postgres-test-target.js';

/** Bookkeeping of this worker slot's database: the free list. */
const FREE_LIST = 'muster_test.free_schemas';
/** Migrated once per worker slot's database; what every returned schema must match. */
const TEMPLATE = 'muster_test_template';
/** Kysely's Migrator bookkeeping: kept, so a reused schema is migrated already. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

export interface PostgresSchemaLease {
  readonly schema: string;
  /** DATABASE_URL for Muster: this run's database with the schema as search_path. */
  readonly databaseUrl: string;
  /** Empties the schema and frees it for the next lease (or drops it). Only once nothing uses it any more. */
  release(): Promise<void>;
}

interface Template {
  readonly fingerprint: string;
  /** `delete` order, referencing tables first; undefined when foreign keys form a cycle (schemas are dropped). */
  readonly tables: readonly string[] | undefined;
  readonly sequences: readonly string[];
}

const ident = (name: string): string => pg.escapeIdentifier(name);

/** One text for everything the migrations define in `schema`, its own name left out (an md5 of it). */
function fingerprintQuery(schema: string): string {
  const own = `quote_ident($1) || '.'`;
  return `select md5(coalesce(string_agg(item, E'\\n' order by item), '')) as fingerprint from (
    select 'relation ' || c.relname || ' ' || c.relkind::text as item
      from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1
    union all
    select 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || case when a.attnotnull then ' not null' else '' end
        || coalesce(' default ' || replace(pg_get_expr(d.adbin, d.adrelid), ${own}, ''), '')
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where n.nspname = $1 and a.attnum > 0 and not a.attisdropped
    union all
    select 'constraint ' || c.relname || '.' || k.conname || ' ' || replace(pg_get_constraintdef(k.oid), ${own}, '')
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1
    union all
    select 'index ' || replace(pg_get_indexdef(i.indexrelid), ${own}, '')
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1
    union all
    select 'trigger ' || c.relname || '.' || t.tgname
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and not t.tgisinternal
    union all
    select 'routine ' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1
    union all
    select 'migration ' || name from ${ident(schema)}.kysely_migration
  ) items`;
}

async function fingerprintOf(client: pg.Client, schema: string): Promise<string | undefined> {
  try {
    const { rows } = await client.query<{ fingerprint: string }>(fingerprintQuery(schema), [schema]);
    return rows[0]?.fingerprint;
  } catch (error) {
    // SQLSTATE 42P01 undefined_table: no kysely_migration, so not a migrated schema.
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === '42P01')
      return undefined;
    throw error;
  }
}

/** Tables in an order that deletes every referencing row before the rows it references. */
function deleteOrder(
  tables: readonly string[],
  references: readonly { readonly child: string; readonly parent: string }[],
): string[] | undefined {
  const order: string[] = [];
  let remaining = [...tables];
  while (remaining.length > 0) {
    const referenced = new Set(
      references.filter((r) => r.child !== r.parent && remaining.includes(r.child)).map((r) => r.parent),
    );
    const next = remaining.filter((t) => !referenced.has(t));
    if (next.length === 0) return undefined;
    order.push(...next);
    remaining = remaining.filter((t) => referenced.has(t));
  }
  return order;
}

async function describeTemplate(client: pg.Client): Promise<Template> {
  const inTemplate = `from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1`;
  const tables = await client.query<{ name: string }>(
    `select c.relname as name ${inTemplate} and c.relkind in ('r', 'p')`,
    [TEMPLATE],
  );
  const sequences = await client.query<{ name: string }>(
    `select c.relname as name ${inTemplate} and c.relkind = 'S'`,
    [TEMPLATE],
  );
  const references = await client.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and k.contype = 'f'`,
    [TEMPLATE],
  );
  const fingerprint = await fingerprintOf(client, TEMPLATE);
  if (fingerprint === undefined) throw new Error(`the test template schema ${TEMPLATE} is not migrated`);
  return {
    fingerprint,
    tables: deleteOrder(
      tables.rows.map((r) => r.name).filter((name) => !MIGRATOR_TABLES.has(name)),
      references.rows,
    ),
    sequences: sequences.rows.map((r) => r.name),
  };
}

let prepared: Promise<Template> | undefined;

/** The free list and the template of this worker slot's database, made by the first caller of the slot. */
function prepare(url: string): Promise<Template> {
  prepared ??= (async () => {
    // Under a lock, so this never depends on how test files are spread over worker slots.
    await runStatement(
      url,
      `begin; select pg_advisory_xact_lock(hashtext('muster_test'));
       create schema if not exists muster_test;
       create table if not exists ${FREE_LIST} (name text primary key);
       commit`,
    );
    // Migrates the template on the slot's first use; a no-op for the slot's later test files.
    const store = await createPostgresStore({
      connectionString: url,
      poolSize: 1,
      statementTimeoutMs: 0,
      ssl: { mode: 'disable' },
      schema: TEMPLATE,
    });
    await store.close();
    return withClient(url, describeTemplate);
  })();
  return prepared;
}

/**
 * A schema of this worker slot's database for one app or store: a freed one, already migrated and empty, or else a
 * new empty one (Muster migrates it on start-up). When PostgreSQL cannot be reached this fails saying so.
 */
export async function leasePostgresTestSchema(): Promise<PostgresSchemaLease> {
  const url = await postgresTestDatabaseUrl();
  const template = await prepare(url);
  const schema = freshSchemaName();
  await withClient(url, async (client) => {
    await client.query('begin');
    const { rows } = await client.query<{ name: string }>(
      `delete from ${FREE_LIST} where name =
         (select name from ${FREE_LIST} limit 1 for update skip locked) returning name`,
    );
    const free = rows[0]?.name;
    await client.query(
      free === undefined
        ? `create schema ${ident(schema)}`
        : `alter schema ${ident(free)} rename to ${ident(schema)}`,
    );
    await client.query('commit');
  });
  const databaseUrl = new URL(url);
  databaseUrl.searchParams.set('options', `-c search_path=${schema}`);
  let released: Promise<void> | undefined;
  return {
    schema,
    databaseUrl: databaseUrl.toString(),
    release() {
      released ??= withClient(url, async (client) => {
        const { tables } = template;
        if (tables === undefined || (await fingerprintOf(client, schema)) !== template.fingerprint) {
          await client.query(`drop schema if exists ${ident(schema)} cascade`);
          return;
        }
        // One transaction, one round trip: the schema is on the free list only once it is empty.
        try {
          await client.query(
            [
              'begin',
              ...tables.map((table) => `delete from ${ident(schema)}.${ident(table)}`),
              ...template.sequences.map(
                (sequence) => `alter sequence ${ident(schema)}.${ident(sequence)} restart`,
              ),
              `insert into ${FREE_LIST} (name) values (${pg.escapeLiteral(schema)})`,
              'commit',
            ].join(';\n'),
          );
        } catch (error) {
          await client.query('rollback');
          await client.query(`drop schema if exists ${ident(schema)} cascade`);
          throw error;
        }
      });
      return released;
    },
  };
}
