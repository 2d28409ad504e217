// RFC 9457 problem details for /api/v1. One error class and one code → status table: routes throw
// `problem('not_found', '…')`, the error handler renders every failure (domain ScimErrors and Fastify's own errors
// included) as application/problem+json.
import type { FastifyError } from 'fastify';
import { isIdpManagedError } from '../../domain/admin-idp-managed.js';
import { isScimError, type ScimError } from '../../scim/errors.js';

/** RFC 9457 §3.1: `title` is the same for every occurrence of a problem type. */
export const PROBLEM_CODES = {
  bad_request: { status: 400, title: 'Bad request' },
  validation_failed: { status: 400, title: 'Validation failed' },
  invalid_cursor: { status: 400, title: 'Invalid cursor' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  managed_by_idp: { status: 409, title: 'Managed by the identity provider' },
  setup_done: { status: 409, title: 'Setup done' },
  precondition_failed: { status: 412, title: 'Precondition failed' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  too_many_requests: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  not_implemented: { status: 501, title: 'Not implemented' },
  service_unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { readonly status: number; readonly title: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One entry of `errors` (RFC 9457 §3's example extension): where in the request, and what is wrong there. */
export interface ProblemFieldError {
  readonly in: 'body' | 'querystring' | 'params' | 'headers';
  /** JSON Pointer (RFC 6901) as a URI fragment: `#/emails/0/value`; `#` is the whole part. */
  readonly pointer: string;
  readonly detail: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly errors?: readonly ProblemFieldError[];
  /** managed_by_idp: the IdP-owned fields the request would change. */
  readonly fields?: readonly string[];
}

/** RFC 9457 §3.1.1: a URI identifying the problem type; a URN, as it names and does not locate. */
export function problemType(code: ProblemCode): string {
  return `urn:muster:problem:${code.replaceAll('_', '-')}`;
}

export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
  readonly code: ProblemCode;
  readonly status: number;
  readonly errors: readonly ProblemFieldError[] | undefined;
  readonly fields: readonly string[] | undefined;

  constructor(
    code: ProblemCode,
    detail: string,
    extensions: { readonly errors?: readonly ProblemFieldError[]; readonly fields?: readonly string[] } = {},
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.code = code;
    this.status = PROBLEM_CODES[code].status;
    this.errors = extensions.errors;
    this.fields = extensions.fields;
  }
}

export function problem(
  code: ProblemCode,
  detail: string,
  extensions?: ConstructorParameters<typeof AdminApiError>[2],
): AdminApiError {
  return new AdminApiError(code, detail, extensions);
}

export function isAdminApiError(value: unknown): value is AdminApiError {
  return value instanceof AdminApiError;
}

const CODE_OF_STATUS: ReadonlyMap<number, ProblemCode> = new Map(
  (Object.entries(PROBLEM_CODES) as [ProblemCode, { status: number }][])
    .filter(
      ([code]) => !['validation_failed', 'invalid_cursor', 'managed_by_idp', 'setup_done'].includes(code),
    )
    .map(([code, { status }]) => [status, code]),
);

/** The domain speaks ScimError (shared with /scim/v2); here it becomes the matching problem. */
function fromScimError(error: ScimError): AdminApiError {
  if (isIdpManagedError(error)) {
    const { override } = error;
    const fields = override.action === 'update' ? override.fields : undefined;
    return new AdminApiError('managed_by_idp', error.message, fields === undefined ? {} : { fields });
  }
  if (error.scimType === 'invalidCursor' || error.scimType === 'expiredCursor') {
    return new AdminApiError('invalid_cursor', error.message);
  }
  const code = CODE_OF_STATUS.get(error.status) ?? (error.status < 500 ? 'bad_request' : 'internal');
  return new AdminApiError(code, error.message);
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).statusCode === 'number';
}

const PARTS: readonly ProblemFieldError['in'][] = ['body', 'querystring', 'params', 'headers'];

/** Fastify's schema validation failure → one entry per problem, pointing into the request part. */
function fromValidation(error: FastifyError): AdminApiError {
  const where = PARTS.find((part) => part === error.validationContext) ?? 'body';
  const errors = (error.validation ?? []).flatMap((v): ProblemFieldError[] => {
    const named = (key: string): string[] => {
      const value = v.params[key];
      return Array.isArray(value) ? value.filter((n): n is string => typeof n === 'string') : [];
    };
    if (v.keyword === 'required') {
      return named('requiredProperties').map((p) => ({
        in: where,
        pointer: `#${v.instancePath}/${p}`,
        detail: 'is required',
      }));
    }
    if (v.keyword === 'additionalProperties') {
      return named('additionalProperties').map((p) => ({
        in: where,
        pointer: `#${v.instancePath}/${p}`,
        detail: 'is not allowed',
      }));
    }
    // TypeBox reports an extra property twice: as additionalProperties (above) and as the `false` schema it meets.
    if (v.keyword === 'boolean' && v.schemaPath.endsWith('/additionalProperties')) return [];
    return [{ in: where, pointer: `#${v.instancePath}`, detail: v.message ?? 'is invalid' }];
  });
  const first = errors[0];
  const detail =
    first === undefined
      ? `The request ${where} is invalid`
      : `The request ${where} is invalid: ${first.pointer.slice(1) || '(root)'} ${first.detail}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`;
  return new AdminApiError('validation_failed', detail, { errors });
}

/** undefined → an internal error: logged with its cause, answered with a generic 500. */
export function toAdminApiError(error: unknown, maxBodyBytes: number): AdminApiError | undefined {
  if (isAdminApiError(error)) return error;
  if (isScimError(error)) return fromScimError(error);
  if (!isFastifyError(error)) return undefined;
  if (error.validation !== undefined) return fromValidation(error);
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('payload_too_large', `The request body exceeds the limit of ${maxBodyBytes} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem('unsupported_media_type', 'Send request bodies as application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem('bad_request', 'The request body is not valid JSON');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem('bad_request', 'The request body is empty but its Content-Type is application/json');
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) return undefined;
  return new AdminApiError(CODE_OF_STATUS.get(status) ?? 'bad_request', error.message);
}
