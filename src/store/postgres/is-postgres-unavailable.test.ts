import { describe, expect, it } from 'vitest';
import { isPostgresUnavailable } from './is-postgres-unavailable.js';

const withCode = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });

describe('isPostgresUnavailable', () => {
  it.each([
    ['connection_failure 08006', withCode('08006')],
    ['protocol_violation 08P01', withCode('08P01')],
    ['admin_shutdown 57P01', withCode('57P01')],
    ['crash_shutdown 57P02', withCode('57P02')],
    ['cannot_connect_now 57P03', withCode('57P03')],
    ['too_many_connections 53300', withCode('53300')],
    ['disk_full 53100', withCode('53100')],
    ['query_canceled (statement timeout) 57014', withCode('57014')],
    ['ECONNREFUSED', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['ECONNRESET', withCode('ECONNRESET', 'read ECONNRESET')],
    ['ENOTFOUND (database host gone from DNS)', withCode('ENOTFOUND')],
    [
      'an AggregateError of refused addresses',
      Object.assign(new AggregateError([withCode('ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
    ],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('Connection terminated due to connection timeout')],
    ['a wait for a pooled connection', new Error('timeout exceeded when trying to connect')],
    ['the client-side query timeout', new Error('Query read timeout')],
    ['a client broken earlier', new Error('Client has encountered a connection error and is not queryable')],
    ['a refused connection wrapped by pg-pool', new Error('wrapped', { cause: withCode('ECONNREFUSED') })],
  ])('%s → unavailable', (_name, error) => {
    expect(isPostgresUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique_violation 23505', withCode('23505')],
    ['undefined_table 42P01', withCode('42P01')],
    ['invalid_password 28P01 (a configuration error)', withCode('28P01')],
    ['serialization_failure 40001', withCode('40001')],
    ['a programming error', new TypeError('x is not a function')],
    ['a non-error', 'Connection terminated'],
    ['undefined', undefined],
  ])('%s → not unavailable', (_name, error) => {
    expect(isPostgresUnavailable(error)).toBe(false);
  });
});
