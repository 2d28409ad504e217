// RFC 7644 §3.12: the one error type of the SCIM core. Every SCIM failure is a ScimError built by one of the
// named constructors below; the HTTP layer renders it with renderScimError().

export const SCIM_ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** RFC 7644 §3.12 Table 9 scimType values (plus none for plain HTTP errors). */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive'
  | 'invalidCursor'
  | 'expiredCursor';

export class ScimError extends Error {
  override readonly name = 'ScimError';
  readonly status: number;
  readonly scimType: ScimType | undefined;

  constructor(status: number, detail: string, scimType?: ScimType, options?: { cause?: unknown }) {
    super(detail, options);
    this.status = status;
    this.scimType = scimType;
  }
}

export interface ScimErrorBody {
  readonly schemas: readonly [typeof SCIM_ERROR_URN];
  /** RFC 7644 §3.12: status is a JSON string. */
  readonly status: string;
  readonly scimType?: ScimType;
  readonly detail: string;
}

export function renderScimError(error: ScimError): ScimErrorBody {
  return {
    schemas: [SCIM_ERROR_URN],
    status: String(error.status),
    ...(error.scimType === undefined ? {} : { scimType: error.scimType }),
    detail: error.message,
  };
}

export function isScimError(value: unknown): value is ScimError {
  return value instanceof ScimError;
}

// ---- 400 -------------------------------------------------------------------------------------------------------

/** `position` is the 0-based character offset in the filter text where the problem was found. */
export const invalidFilter = (detail: string, position?: number): ScimError =>
  new ScimError(
    400,
    position === undefined ? detail : `${detail} (at position ${position})`,
    'invalidFilter',
  );
export const invalidSyntax = (detail: string): ScimError => new ScimError(400, detail, 'invalidSyntax');
export const invalidPath = (detail: string): ScimError => new ScimError(400, detail, 'invalidPath');
export const invalidValue = (detail: string): ScimError => new ScimError(400, detail, 'invalidValue');
export const noTarget = (detail: string): ScimError => new ScimError(400, detail, 'noTarget');
export const mutability = (detail: string): ScimError => new ScimError(400, detail, 'mutability');
export const tooMany = (detail: string): ScimError => new ScimError(400, detail, 'tooMany');
export const invalidVers = (detail: string): ScimError => new ScimError(400, detail, 'invalidVers');
export const invalidCursor = (detail: string): ScimError => new ScimError(400, detail, 'invalidCursor');
export const expiredCursor = (detail: string): ScimError => new ScimError(400, detail, 'expiredCursor');
export const badRequest = (detail: string): ScimError => new ScimError(400, detail);

// ---- other statuses ------------------------------------------------------------------------------------------------

export const unauthorized = (detail: string): ScimError => new ScimError(401, detail);
export const forbidden = (detail: string): ScimError => new ScimError(403, detail);
export const notFound = (detail: string): ScimError => new ScimError(404, detail);
export const methodNotAllowed = (detail: string): ScimError => new ScimError(405, detail);
export const uniqueness = (detail: string): ScimError => new ScimError(409, detail, 'uniqueness');
export const preconditionFailed = (detail: string): ScimError => new ScimError(412, detail);
export const payloadTooLarge = (detail: string): ScimError => new ScimError(413, detail);
export const unsupportedMediaType = (detail: string): ScimError => new ScimError(415, detail);
export const notImplemented = (detail: string): ScimError => new ScimError(501, detail);
export const serviceUnavailable = (detail: string): ScimError => new ScimError(503, detail);
