// What every HTTP surface does when the database cannot serve (StoreUnavailableError): 503 with Retry-After (RFC 9110
// §10.2.3), and one warning per request naming the driver's error, without a stack (an outage fails every request
// alike; a stack per request would bury the log). Each surface then sends its own body.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoreUnavailableError } from '../domain/store-unavailable-error.js';

/** Seconds a client is asked to wait: long enough not to hammer a recovering server, short for an IdP's sync. */
export const STORE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The detail every surface shows: the driver's error stays in the log. */
export const STORE_UNAVAILABLE_DETAIL = 'The database is unavailable; retry later';

export function storeUnavailableReply(
  request: FastifyRequest,
  reply: FastifyReply,
  error: StoreUnavailableError,
): FastifyReply {
  request.log.warn({ reason: error.message }, 'database unavailable: answered 503');
  return reply.code(503).header('retry-after', String(STORE_UNAVAILABLE_RETRY_AFTER_SECONDS));
}
