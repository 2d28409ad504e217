// RFC 7644 §3.7 POST /Bulk. Operations run one by one, each its own transaction (the RFC makes no promise of
// atomicity across operations). An operation that refers to `bulkId:x` waits until the POST defining x has run;
// references that can never resolve fail that operation: unknown bulkId → 400 invalidValue, a failed referenced
// operation or a circular chain → 409 (§3.7.1: "MAY stop after a failed attempt and … return … 409").
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ScimContext, ScimServices } from '../../domain/scim-service.js';
import { isStoreUnavailableError } from '../../domain/store-unavailable-error.js';
import { ScimError, invalidValue, isScimError, renderScimError } from '../../scim/errors.js';
import { BULK_RESPONSE_URN } from '../../scim/schema/schema-urns.js';
import type { JsonObject } from '../../shared/json.js';
import { scimContextOf } from './bearer-auth.js';
import { findBulkReferences, resolveBulkPath, resolveBulkReferences } from './bulk-references.js';
import { parseBulkRequest, type BulkOperation, type BulkRequest } from './parse-bulk-request.js';
import { runBulkOperation, type BulkOutcome } from './run-bulk-operation.js';

export function registerBulkRoute(app: FastifyInstance, services: ScimServices, maxOperations: number): void {
  app.post('/Bulk', async (request) => {
    const bulk = parseBulkRequest(request.body, maxOperations);
    return runBulk(scimContextOf(request), services, bulk, request.log);
  });
}

type Result =
  | { readonly kind: 'done'; readonly outcome: BulkOutcome }
  | { readonly kind: 'failed'; readonly error: ScimError };

export async function runBulk(
  ctx: ScimContext,
  services: ScimServices,
  bulk: BulkRequest,
  log: FastifyBaseLogger,
): Promise<JsonObject> {
  // bulkId → index of the POST that defines it (the first one; a second POST reusing it fails).
  const definedBy = new Map<string, number>();
  for (const op of bulk.operations) {
    if (op.method === 'POST' && op.bulkId !== undefined && !definedBy.has(op.bulkId)) {
      definedBy.set(op.bulkId, op.index);
    }
  }
  const createdIds = new Map<string, string>();
  const failedBulkIds = new Set<string>();
  const results = new Map<number, Result>();
  let errors = 0;
  const stopped = (): boolean => bulk.failOnErrors !== undefined && errors >= bulk.failOnErrors;

  const record = (op: BulkOperation, result: Result): void => {
    results.set(op.index, result);
    if (result.kind === 'failed') {
      errors += 1;
      if (op.method === 'POST' && op.bulkId !== undefined) failedBulkIds.add(op.bulkId);
    } else if (op.bulkId !== undefined && result.outcome.createdId !== undefined) {
      createdIds.set(op.bulkId, result.outcome.createdId);
    }
  };

  let pending = [...bulk.operations];
  while (pending.length > 0 && !stopped()) {
    const waiting: BulkOperation[] = [];
    let progressed = false;
    for (const op of pending) {
      if (stopped()) break;
      const blocked = checkReferences(op, definedBy, createdIds, failedBulkIds);
      if (blocked === 'wait') {
        waiting.push(op);
        continue;
      }
      progressed = true;
      record(op, blocked ?? (await execute(ctx, services, op, createdIds, log)));
    }
    if (!progressed) {
      // Every remaining operation waits on another remaining one: a cycle (or a self-reference).
      for (const op of waiting) {
        if (stopped()) break;
        record(op, {
          kind: 'failed',
          error: new ScimError(409, 'Circular bulkId references could not be resolved', 'invalidValue'),
        });
      }
      break;
    }
    pending = waiting;
  }

  return {
    schemas: [BULK_RESPONSE_URN],
    Operations: bulk.operations.flatMap((op) => {
      const result = results.get(op.index);
      // Operations never reached because failOnErrors stopped the job are not reported (RFC 7644 §3.7.3).
      return result === undefined ? [] : [toResponseOperation(op, result)];
    }),
  };
}

/** undefined → ready to run; 'wait' → a referenced POST has not run yet; a failure → it never can. */
function checkReferences(
  op: BulkOperation,
  definedBy: ReadonlyMap<string, number>,
  createdIds: ReadonlyMap<string, string>,
  failedBulkIds: ReadonlySet<string>,
): Result | 'wait' | undefined {
  if (op.method === 'POST' && op.bulkId !== undefined && definedBy.get(op.bulkId) !== op.index) {
    return fail(invalidValue(`bulkId "${op.bulkId}" is used by more than one POST operation`));
  }
  let wait = false;
  for (const ref of findBulkReferences(op.path, op.data)) {
    if (!definedBy.has(ref)) {
      return fail(invalidValue(`Unknown bulkId "${ref}": no POST operation in this request defines it`));
    }
    if (failedBulkIds.has(ref)) {
      return fail(
        new ScimError(
          409,
          `bulkId "${ref}" cannot be resolved: the operation creating it failed`,
          'invalidValue',
        ),
      );
    }
    if (!createdIds.has(ref)) wait = true;
  }
  return wait ? 'wait' : undefined;
}

async function execute(
  ctx: ScimContext,
  services: ScimServices,
  op: BulkOperation,
  createdIds: ReadonlyMap<string, string>,
  log: FastifyBaseLogger,
): Promise<Result> {
  const resolved: BulkOperation = {
    ...op,
    path: resolveBulkPath(op.path, createdIds),
    ...(op.data === undefined ? {} : { data: resolveBulkReferences(op.data, createdIds) }),
  };
  try {
    return { kind: 'done', outcome: await runBulkOperation(ctx, services, resolved) };
  } catch (error) {
    if (isScimError(error)) return fail(error);
    // The database is gone for every remaining operation too: the whole request answers 503 (the operations done so
    // far stay done; a client's retry of them meets 409 or an unchanged resource).
    if (isStoreUnavailableError(error)) throw error;
    log.error({ err: error, bulkOperation: op.index }, 'unhandled error in bulk operation');
    return fail(new ScimError(500, 'Internal server error'));
  }
}

function fail(error: ScimError): Result {
  return { kind: 'failed', error };
}

function toResponseOperation(op: BulkOperation, result: Result): JsonObject {
  const common: JsonObject = {
    method: op.method,
    ...(op.bulkId === undefined ? {} : { bulkId: op.bulkId }),
  };
  if (result.kind === 'failed') {
    // RFC 7644 §3.7.3: status is a string; the error body goes in `response`.
    const body = renderScimError(result.error);
    const response: JsonObject = {
      schemas: [...body.schemas],
      status: body.status,
      ...(body.scimType === undefined ? {} : { scimType: body.scimType }),
      detail: body.detail,
    };
    return { ...common, status: body.status, response };
  }
  const { outcome } = result;
  return {
    ...common,
    ...(outcome.location === undefined ? {} : { location: outcome.location }),
    ...(outcome.version === undefined ? {} : { version: outcome.version }),
    status: String(outcome.status),
  };
}
