// Opens the better-sqlite3 connection with the pragmas the store relies on.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { UNICODE_LOWER_FUNCTION } from './sqlite-sql-dialect.js';

const IN_MEMORY = new Set([':memory:', '']);
const MMAP_BYTES = 1024 * 1024 * 1024;

export function openSqliteDatabase(filename: string): BetterSqlite3.Database {
  if (!IN_MEMORY.has(filename) && !filename.startsWith('file:')) {
    mkdirSync(dirname(resolve(filename)), { recursive: true });
  }
  const db = new BetterSqlite3(filename);
  try {
    // WAL: readers never block the writer; NORMAL is durable in WAL mode except for the last commits on power loss.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Off by default in SQLite; the schema relies on ON DELETE CASCADE.
    db.pragma('foreign_keys = ON');
    // Another process (the CLI) holding the write lock: wait up to 5 s instead of failing with SQLITE_BUSY.
    db.pragma('busy_timeout = 5000');
    // Pages are read through a memory map instead of one pread() per page: fewer system calls per lookup.
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    db.function(UNICODE_LOWER_FUNCTION, { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? value.toLowerCase() : value,
    );
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
