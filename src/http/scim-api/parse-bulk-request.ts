// RFC 7644 §3.7: the shape of a BulkRequest. Structural mistakes refuse the whole request (400); what can only
// be judged while running (unknown paths, bad data) fails that one operation.
import { invalidSyntax, invalidValue, payloadTooLarge } from '../../scim/errors.js';

export type BulkMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS: readonly BulkMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

export interface BulkOperation {
  /** Position in the request; responses keep request order. */
  readonly index: number;
  readonly method: BulkMethod;
  readonly bulkId?: string;
  /** ETag the client holds (RFC 7644 §3.7: `version`), applied as If-Match. */
  readonly version?: string;
  readonly path: string;
  readonly data?: unknown;
}

export interface BulkRequest {
  /** Stop after this many failed operations (RFC 7644 §3.7.3); undefined → run them all. */
  readonly failOnErrors?: number;
  readonly operations: readonly BulkOperation[];
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseBulkRequest(body: unknown, maxOperations: number): BulkRequest {
  if (!isObject(body)) throw invalidSyntax('The bulk request body must be a JSON object (RFC 7644 §3.7)');
  const operations = body['Operations'];
  if (!Array.isArray(operations)) throw invalidSyntax('A bulk request needs an "Operations" array');
  // RFC 7644 §3.7.4: more operations than advertised → 413 naming the limit.
  if (operations.length > maxOperations) {
    throw payloadTooLarge(
      `The bulk request has ${operations.length} operations; the maximum is ${maxOperations} (maxOperations)`,
    );
  }
  const failOnErrors = body['failOnErrors'];
  if (failOnErrors !== undefined && (!Number.isInteger(failOnErrors) || (failOnErrors as number) < 1)) {
    throw invalidValue('failOnErrors must be a positive integer');
  }
  return {
    ...(failOnErrors === undefined ? {} : { failOnErrors: failOnErrors as number }),
    operations: operations.map((op: unknown, index) => parseOperation(op, index)),
  };
}

function parseOperation(op: unknown, index: number): BulkOperation {
  const where = `Operations[${index}]`;
  if (!isObject(op)) throw invalidSyntax(`${where} must be an object`);
  const method = op['method'];
  const upper = typeof method === 'string' ? method.toUpperCase() : '';
  const known = METHODS.find((m) => m === upper);
  if (known === undefined) throw invalidSyntax(`${where}.method must be one of ${METHODS.join(', ')}`);
  const path = op['path'];
  if (typeof path !== 'string' || path.trim() === '') throw invalidSyntax(`${where}.path is required`);
  const bulkId = optionalString(op, 'bulkId', where);
  const version = optionalString(op, 'version', where);
  return {
    index,
    method: known,
    path: path.trim(),
    ...(bulkId === undefined ? {} : { bulkId }),
    ...(version === undefined ? {} : { version }),
    ...(op['data'] === undefined ? {} : { data: op['data'] }),
  };
}

function optionalString(
  op: Readonly<Record<string, unknown>>,
  key: string,
  where: string,
): string | undefined {
  const value = op[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '')
    throw invalidSyntax(`${where}.${key} must be a non-empty string`);
  return value;
}
