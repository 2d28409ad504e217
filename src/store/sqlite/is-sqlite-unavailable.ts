// Which SQLite errors mean "the database cannot serve now" (SqlDialect.isUnavailable): busy beyond the busy timeout
// (another process holds the write lock), an I/O error, a full disk, a file that cannot be opened. Result codes:
// https://sqlite.org/rescode.html.

/** Primary result codes; an extended code carries its primary one in the low 8 bits. */
const SQLITE_BUSY = 5;
const SQLITE_IOERR = 10;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;

const UNAVAILABLE_CODES = new Set([SQLITE_BUSY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN]);
const UNAVAILABLE_NAMES = ['SQLITE_BUSY', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN'];

export function isSqliteUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  // better-sqlite3 names the (extended) result code: SQLITE_BUSY, SQLITE_IOERR_WRITE, …
  if ('code' in error && typeof error.code === 'string') {
    const { code } = error;
    if (UNAVAILABLE_NAMES.some((name) => code === name || code.startsWith(`${name}_`))) return true;
  }
  // node:sqlite gives the extended result code as a number.
  return (
    'errcode' in error && typeof error.errcode === 'number' && UNAVAILABLE_CODES.has(error.errcode & 0xff)
  );
}
