import {
  CompiledQuery,
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { reusableQuery } from './reusable-query.js';

interface Db {
  t: { a: string; b: string; c: string };
}

const db = new Kysely<Db>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

describe('reusableQuery', () => {
  it('puts new values in the stand-ins’ places and keeps the other parameters', () => {
    const compiled = db
      .selectFrom('t')
      .selectAll()
      .where('a', '=', '\u0000a')
      .where('c', '=', 'constant')
      .where('b', '=', '\u0000b')
      .compile();
    const run = reusableQuery(compiled, ['\u0000a', '\u0000b']);
    const query = run('x', 'y');
    expect(query.sql).toBe(compiled.sql);
    expect(query.parameters).toEqual(['x', 'constant', 'y']);
    expect(run('p', 'q').parameters).toEqual(['p', 'constant', 'q']);
    expect(compiled.parameters).toEqual(['\u0000a', 'constant', '\u0000b']);
  });

  it('refuses a stand-in that is missing or appears twice', () => {
    const compiled = CompiledQuery.raw('select ? , ?', ['\u0000a', '\u0000a']);
    expect(() => reusableQuery(compiled, ['\u0000a'])).toThrow(/exactly once/);
    expect(() => reusableQuery(compiled, ['\u0000b'])).toThrow(/exactly once/);
  });
});
