// An error answer of the admin API (RFC 9457 problem details) as the console shows it: never swallowed.

export interface FieldError {
  readonly pointer?: string;
  readonly detail: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly requestId: string | null;
  readonly fieldErrors: readonly FieldError[];

  constructor(status: number, body: unknown, requestId: string | null) {
    const problem = isRecord(body) ? body : {};
    const title = stringOr(problem['title'], status === 0 ? 'Network error' : `HTTP ${status}`);
    const detail = stringOr(problem['detail'], '');
    super(detail === '' ? title : `${title}: ${detail}`);
    this.name = 'ApiError';
    this.status = status;
    this.type = stringOr(problem['type'], 'about:blank');
    this.title = title;
    this.detail = detail;
    this.requestId = requestId;
    this.fieldErrors = Array.isArray(problem['errors']) ? problem['errors'].flatMap(toFieldError) : [];
  }

  /** The problem type's last segment (`urn:muster:problem:managed-by-idp` → `managed-by-idp`). */
  get code(): string {
    return this.type.split(':').at(-1) ?? this.type;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function toFieldError(value: unknown): FieldError[] {
  if (!isRecord(value) || typeof value['detail'] !== 'string') return [];
  return [
    typeof value['pointer'] === 'string'
      ? { pointer: value['pointer'], detail: value['detail'] }
      : { detail: value['detail'] },
  ];
}

type Outcome<T> =
  | { readonly data: T; readonly error?: undefined; readonly response: Response }
  | { readonly data?: undefined; readonly error: unknown; readonly response: Response };

const unauthorizedListeners = new Set<() => void>();

/** Called when any request answers 401: the session ended (expired, revoked or signed out elsewhere). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** The data of a successful answer; an ApiError for anything else (a network failure included). */
export async function unwrap<T>(request: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await request;
  } catch (error) {
    throw new ApiError(
      0,
      { detail: error instanceof Error ? error.message : 'The server could not be reached' },
      null,
    );
  }
  const { response } = outcome;
  if (outcome.error !== undefined || !response.ok) {
    if (response.status === 401) for (const listener of unauthorizedListeners) listener();
    throw new ApiError(response.status, outcome.error, response.headers.get('x-request-id'));
  }
  return outcome.data as T;
}
