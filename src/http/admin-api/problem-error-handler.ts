// Every failure under /api/v1 answers with an RFC 9457 problem: route and domain errors with their status, an unknown
// route with 404, Fastify's client errors (validation, bad JSON, body too large, media type) with theirs, a database
// that cannot serve with 503 and Retry-After, anything else with a 500 whose cause is logged and never shown.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isStoreUnavailableError } from '../../domain/store-unavailable-error.js';
import { STORE_UNAVAILABLE_DETAIL, storeUnavailableReply } from '../store-unavailable-reply.js';
import {
  PROBLEM_CODES,
  PROBLEM_CONTENT_TYPE,
  problem,
  problemType,
  toAdminApiError,
  type AdminApiError,
  type Problem,
} from './admin-api-error.js';

export function toProblem(error: AdminApiError, request: FastifyRequest): Problem {
  return {
    type: problemType(error.code),
    title: PROBLEM_CODES[error.code].title,
    status: error.status,
    detail: error.message,
    // RFC 9457 §3.1.5: identifies this occurrence; the request's path (the x-request-id header pins it further).
    instance: request.url.split('?')[0] ?? request.url,
    ...(error.errors === undefined ? {} : { errors: error.errors }),
    ...(error.fields === undefined ? {} : { fields: error.fields }),
  };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AdminApiError,
): FastifyReply {
  if (error.status === 401) {
    // RFC 6750 §3: a 401 names the scheme the client must use.
    void reply.header('www-authenticate', 'Bearer realm="muster-admin"');
  }
  return reply.code(error.status).type(PROBLEM_CONTENT_TYPE).send(toProblem(error, request));
}

export function registerProblemErrorHandler(app: FastifyInstance, maxBodyBytes: number): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    if (isStoreUnavailableError(error)) {
      storeUnavailableReply(request, reply, error);
      return sendProblem(request, reply, problem('service_unavailable', STORE_UNAVAILABLE_DETAIL));
    }
    const known = toAdminApiError(error, maxBodyBytes);
    if (known === undefined) {
      request.log.error({ err: error }, 'unhandled error in admin API request');
      return sendProblem(request, reply, problem('internal', 'The server failed to handle the request'));
    }
    request.log.debug({ status: known.status, code: known.code, detail: known.message }, 'admin API problem');
    return sendProblem(request, reply, known);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      problem('not_found', `No admin API endpoint ${request.method} ${request.url.split('?')[0] ?? ''}`),
    ),
  );
}
