// The database cannot be reached or cannot serve right now (connection refused or lost, server shutting down, too
// many connections, statement timeout; SQLite busy beyond its timeout, I/O error, disk full, file gone). Not a fault
// of the request and not a bug: every HTTP surface answers 503 with Retry-After, and background tasks back off and
// try again. The store raises it for every statement (store/translate-unavailable-errors.ts), the driver's error as
// `cause`.

export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';

  constructor(cause: unknown) {
    super(`The database is unavailable: ${describeCause(cause)}`, { cause });
  }
}

export function isStoreUnavailableError(value: unknown): value is StoreUnavailableError {
  return value instanceof StoreUnavailableError;
}

/** The driver error in one line, its code first (`57P01`, `ECONNREFUSED`, `SQLITE_BUSY`): logs carry no stack. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  // Node's AggregateError (a host with several addresses, all refused) has an empty message.
  const message =
    cause.message === '' && cause instanceof AggregateError ? 'all addresses failed' : cause.message;
  return code === undefined || message.includes(code) ? message : `${code} ${message}`;
}
