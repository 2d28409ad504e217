// Opens the SQLite connection with the pragmas the store relies on, through one of two drivers:
// better-sqlite3 on Node 20 and 22, Node's built-in node:sqlite from Node 24 on. better-sqlite3 12.x (the last line that
// builds for Node 20) aborts the process on Node 24 when a statement is garbage-collected (`Assertion failed: (env) !=
// nullptr` in node::RemoveEnvironmentCleanupHook), and node:sqlite is still experimental (with a warning) on Node 22.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { UNICODE_LOWER_FUNCTION } from './sqlite-sql-dialect.js';

const IN_MEMORY = new Set([':memory:', '']);
const MMAP_BYTES = 1024 * 1024 * 1024;
const BUSY_TIMEOUT_MS = 5000;

export type SqliteDriverName = 'better-sqlite3' | 'node:sqlite';

/** What the store needs of a connection: Kysely's SqliteDatabase (statements take parameter arrays) and exec(). */
export interface SqliteConnection extends SqliteDatabase {
  readonly driver: SqliteDriverName;
  exec(sql: string): void;
}

/** The driver for the running Node.js: node:sqlite from Node 24 on, better-sqlite3 before. */
export function defaultSqliteDriver(nodeVersion: string = process.versions.node): SqliteDriverName {
  return Number(nodeVersion.split('.')[0]) >= 24 ? 'node:sqlite' : 'better-sqlite3';
}

// Loaded on demand, so a process never loads the driver it does not use.
const require = createRequire(import.meta.url);

function lowerCase(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

interface NodeSqliteStatement {
  columns(): readonly unknown[];
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...parameters: unknown[]): IterableIterator<unknown>;
}

interface NodeSqliteDatabase {
  prepare(sql: string): NodeSqliteStatement;
  exec(sql: string): void;
  close(): void;
  function(name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown): void;
}

function openNodeSqlite(filename: string): SqliteConnection {
  const { DatabaseSync } = require('node:sqlite') as {
    DatabaseSync: new (path: string, options: { timeout: number }) => NodeSqliteDatabase;
  };
  // node:sqlite's timeout is SQLite's busy timeout: another process holding the write lock is waited for.
  const db = new DatabaseSync(filename === '' ? ':memory:' : filename, { timeout: BUSY_TIMEOUT_MS });
  db.function(UNICODE_LOWER_FUNCTION, { deterministic: true }, lowerCase);
  return {
    driver: 'node:sqlite',
    exec: (sql) => {
      db.exec(sql);
    },
    close: () => {
      db.close();
    },
    prepare(sql): SqliteStatement {
      const statement = db.prepare(sql);
      return {
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...parameters),
        run: (parameters) => statement.run(...parameters),
        iterate: (parameters) => statement.iterate(...parameters),
      };
    },
  };
}

interface BetterSqliteDatabase extends SqliteDatabase {
  exec(sql: string): unknown;
  function(name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown): unknown;
}

function openBetterSqlite(filename: string): SqliteConnection {
  const BetterSqlite3 = require('better-sqlite3') as new (path: string) => BetterSqliteDatabase;
  const db = new BetterSqlite3(filename);
  db.function(UNICODE_LOWER_FUNCTION, { deterministic: true }, lowerCase);
  return {
    driver: 'better-sqlite3',
    exec: (sql) => {
      db.exec(sql);
    },
    close: () => {
      db.close();
    },
    prepare: (sql) => db.prepare(sql),
  };
}

export function openSqliteDatabase(
  filename: string,
  driver: SqliteDriverName = defaultSqliteDriver(),
): SqliteConnection {
  if (!IN_MEMORY.has(filename) && !filename.startsWith('file:')) {
    mkdirSync(dirname(resolve(filename)), { recursive: true });
  }
  const connection = driver === 'node:sqlite' ? openNodeSqlite(filename) : openBetterSqlite(filename);
  try {
    // exec, not prepared statements: no statement object outlives the set-up.
    connection.exec(
      [
        // WAL: readers never block the writer; NORMAL is durable in WAL mode except for the last commits on power loss.
        'pragma journal_mode = WAL',
        'pragma synchronous = NORMAL',
        // Off by default in SQLite; the schema relies on ON DELETE CASCADE.
        'pragma foreign_keys = ON',
        // Another process (the CLI) holding the write lock: wait up to 5 s instead of failing with SQLITE_BUSY.
        `pragma busy_timeout = ${String(BUSY_TIMEOUT_MS)}`,
        // Pages are read through a memory map instead of one pread() per page: fewer system calls per lookup.
        `pragma mmap_size = ${String(MMAP_BYTES)}`,
      ].join(';\n'),
    );
  } catch (error) {
    connection.close();
    throw error;
  }
  return connection;
}
