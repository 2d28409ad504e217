// RFC 7644 §3.12: every failure under /scim/v2 answers with the SCIM Error schema. ScimError → its status;
// Fastify's own client errors (body too large, media type, parse) → the matching SCIM error; a database that cannot
// serve → 503 with Retry-After; anything else → 500 with a generic detail, logged with its cause (never shown to the
// client).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isStoreUnavailableError } from '../../domain/store-unavailable-error.js';
import {
  ScimError,
  invalidSyntax,
  isScimError,
  payloadTooLarge,
  renderScimError,
  serviceUnavailable,
  unsupportedMediaType,
} from '../../scim/errors.js';
import { STORE_UNAVAILABLE_DETAIL, storeUnavailableReply } from '../store-unavailable-reply.js';

export function registerScimErrorHandler(app: FastifyInstance, maxPayloadBytes: number): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    if (isStoreUnavailableError(error)) {
      storeUnavailableReply(request, reply, error);
      return sendScimError(reply, serviceUnavailable(STORE_UNAVAILABLE_DETAIL));
    }
    const scimError = toScimError(error, maxPayloadBytes);
    if (scimError === undefined) {
      request.log.error({ err: error }, 'unhandled error in SCIM request');
      return sendScimError(reply, new ScimError(500, 'Internal server error'));
    }
    request.log.debug({ status: scimError.status, detail: scimError.message }, 'SCIM error');
    return sendScimError(reply, scimError);
  });
}

export function sendScimError(reply: FastifyReply, error: ScimError): FastifyReply {
  if (error.status === 401) {
    // RFC 6750 §3: a 401 names the scheme the client must use.
    void reply.header('www-authenticate', 'Bearer realm="scim"');
  }
  return reply.code(error.status).send(renderScimError(error));
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).statusCode === 'number';
}

/** undefined → an internal error (500). */
export function toScimError(error: unknown, maxPayloadBytes: number): ScimError | undefined {
  if (isScimError(error)) return error;
  if (!isFastifyError(error)) return undefined;
  const status = error.statusCode ?? 500;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge(`The request body exceeds the limit of ${maxPayloadBytes} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType(
        'Unsupported Content-Type: send request bodies as application/scim+json or application/json',
      );
    default:
      break;
  }
  if (status === 400) return invalidSyntax(error.message);
  if (status > 400 && status < 500) return new ScimError(status, error.message);
  return undefined;
}
