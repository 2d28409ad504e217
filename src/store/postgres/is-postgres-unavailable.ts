// Which errors of node-postgres mean "the database cannot serve now" (SqlDialect.isUnavailable): the server's
// SQLSTATEs for a lost or refused connection and for overload, Node's socket errors, and node-postgres's own
// connection errors, which carry no code and are known by their message only.

/** SQLSTATE classes (https://www.postgresql.org/docs/current/errcodes-appendix.html): all of 08 and 53. */
const UNAVAILABLE_CLASSES = [
  // 08 connection_exception: connection failure, does not exist, rejected, protocol violation.
  '08',
  // 53 insufficient_resources: 53100 disk_full, 53200 out_of_memory, 53300 too_many_connections.
  '53',
];

const UNAVAILABLE_STATES = new Set([
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down, in recovery).
  '57P01',
  '57P02',
  '57P03',
  // query_canceled: DATABASE_STATEMENT_TIMEOUT_MS ran out (Muster cancels nothing else), the server is overloaded.
  '57014',
]);

/** Node's socket and name-resolution errors (the AggregateError of a host with several addresses has one too). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres and pg-pool messages (pg 8): lost connection, connect and query timeouts, a dead client. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^timeout expired$/,
  /^Query read timeout$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
];

function isUnavailableCode(code: string): boolean {
  if (SOCKET_CODES.has(code) || UNAVAILABLE_STATES.has(code)) return true;
  return code.length === 5 && UNAVAILABLE_CLASSES.includes(code.slice(0, 2));
}

/** Follows `cause` (pg-pool wraps a connect timeout around the socket error) a few levels deep. */
export function isPostgresUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  if ('code' in error && typeof error.code === 'string' && isUnavailableCode(error.code)) return true;
  if (error instanceof Error && DRIVER_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  return 'cause' in error && isPostgresUnavailable(error.cause, depth + 1);
}
