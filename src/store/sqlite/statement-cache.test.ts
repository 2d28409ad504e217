import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, type SqliteConnection } from './open-sqlite-database.js';
import { sqliteDriversOfThisNode } from '../../../test/support/sqlite-drivers-of-this-node.js';
import { withStatementCache } from './statement-cache.js';

const open: SqliteConnection[] = [];

afterEach(() => {
  for (const database of open.splice(0)) database.close();
});

describe.each(sqliteDriversOfThisNode())('withStatementCache over %s', (driver) => {
  function countingDatabase(): { database: SqliteConnection; prepared: string[]; closed: () => boolean } {
    const inner = openSqliteDatabase(':memory:', driver);
    const prepared: string[] = [];
    let closed = false;
    const database: SqliteConnection = {
      ...inner,
      prepare: (sql) => {
        prepared.push(sql);
        return inner.prepare(sql);
      },
      close: () => {
        closed = true;
        inner.close();
      },
    };
    open.push(database);
    return { database, prepared, closed: () => closed };
  }

  it('prepares each SQL text once and answers with the current data every time', () => {
    const { database, prepared } = countingDatabase();
    database.exec('create table t (v integer)');
    const cached = withStatementCache(database);
    cached.prepare('insert into t (v) values (?)').run([1]);
    cached.prepare('insert into t (v) values (?)').run([2]);
    expect(cached.prepare('select v from t order by v').all([])).toEqual([
      expect.objectContaining({ v: 1 }),
      expect.objectContaining({ v: 2 }),
    ]);
    cached.prepare('insert into t (v) values (?)').run([3]);
    expect(cached.prepare('select v from t order by v').all([])).toHaveLength(3);
    expect(prepared).toEqual(['insert into t (v) values (?)', 'select v from t order by v']);
  });

  it('drops the least recently used statement when full', () => {
    const { database, prepared } = countingDatabase();
    const cached = withStatementCache(database, 2);
    cached.prepare('select 1');
    cached.prepare('select 2');
    cached.prepare('select 1'); // now "select 2" is the oldest
    cached.prepare('select 3'); // evicts "select 2"
    cached.prepare('select 1');
    cached.prepare('select 2');
    expect(prepared).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
  });

  it('closes the underlying database', () => {
    const { database, closed } = countingDatabase();
    open.splice(open.indexOf(database), 1);
    withStatementCache(database).close();
    expect(closed()).toBe(true);
  });
});
