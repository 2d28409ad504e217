import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

const open: BetterSqlite3.Database[] = [];

function countingDatabase(): { database: BetterSqlite3.Database; prepared: string[] } {
  const database = new BetterSqlite3(':memory:');
  open.push(database);
  const prepared: string[] = [];
  const prepare = database.prepare.bind(database);
  database.prepare = (sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  };
  return { database, prepared };
}

afterEach(() => {
  for (const database of open.splice(0)) if (database.open) database.close();
});

describe('withStatementCache', () => {
  it('prepares each SQL text once and answers with the current data every time', () => {
    const { database, prepared } = countingDatabase();
    database.exec('create table t (v integer)');
    const cached = withStatementCache(database);
    cached.prepare('insert into t (v) values (?)').run([1]);
    cached.prepare('insert into t (v) values (?)').run([2]);
    expect(cached.prepare('select v from t order by v').all([])).toEqual([{ v: 1 }, { v: 2 }]);
    cached.prepare('insert into t (v) values (?)').run([3]);
    expect(cached.prepare('select v from t order by v').all([])).toEqual([{ v: 1 }, { v: 2 }, { v: 3 }]);
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
    const { database } = countingDatabase();
    withStatementCache(database).close();
    expect(database.open).toBe(false);
  });
});
