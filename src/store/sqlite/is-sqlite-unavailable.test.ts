import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteDriversOfThisNode } from '../../../test/support/sqlite-drivers-of-this-node.js';
import { isSqliteUnavailable } from './is-sqlite-unavailable.js';
import { openSqliteDatabase } from './open-sqlite-database.js';

describe('isSqliteUnavailable', () => {
  it.each([
    // better-sqlite3: the extended result code's name.
    [{ code: 'SQLITE_BUSY' }, true],
    [{ code: 'SQLITE_BUSY_SNAPSHOT' }, true],
    [{ code: 'SQLITE_IOERR_WRITE' }, true],
    [{ code: 'SQLITE_FULL' }, true],
    [{ code: 'SQLITE_CANTOPEN' }, true],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE' }, false],
    [{ code: 'SQLITE_ERROR' }, false],
    [{ code: 'SQLITE_BUSYNESS' }, false],
    // node:sqlite: the extended result code's number; the primary code is its low byte.
    [{ errcode: 5 }, true],
    [{ errcode: 5 | (1 << 8) }, true],
    [{ errcode: 10 | (3 << 8) }, true],
    [{ errcode: 13 }, true],
    [{ errcode: 14 }, true],
    [{ errcode: 2067 }, false],
    [new Error('SQLITE_BUSY'), false],
    [undefined, false],
  ])('%j → %s', (error, expected) => {
    expect(isSqliteUnavailable(error)).toBe(expected);
  });

  it.each(sqliteDriversOfThisNode())('knows the busy error of %s', (driver) => {
    const dir = mkdtempSync(join(tmpdir(), 'muster-busy-'));
    const holder = openSqliteDatabase(join(dir, 'm.db'), driver);
    const waiter = openSqliteDatabase(join(dir, 'm.db'), driver);
    try {
      holder.exec('begin immediate');
      waiter.exec('pragma busy_timeout = 0');
      let thrown: unknown;
      try {
        waiter.exec('begin immediate');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeDefined();
      expect(isSqliteUnavailable(thrown)).toBe(true);
    } finally {
      holder.close();
      waiter.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
