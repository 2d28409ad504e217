// Which SQLite drivers can run in this Node.js, for suites that exercise each of them.
import { defaultSqliteDriver, type SqliteDriverName } from '../../src/store/sqlite/open-sqlite-database.js';

/** node:sqlite needs no flag from Node 22.13 on. */
function hasNodeSqlite(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 13);
}

/**
 * The default driver always; node:sqlite as well where Node has it. better-sqlite3 only before Node 24, where
 * garbage-collecting one of its statements aborts the process.
 */
export function sqliteDriversOfThisNode(version: string = process.versions.node): SqliteDriverName[] {
  const drivers: SqliteDriverName[] = [defaultSqliteDriver(version)];
  if (drivers[0] === 'better-sqlite3' && hasNodeSqlite(version)) drivers.push('node:sqlite');
  return drivers;
}
