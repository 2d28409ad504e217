// ProvisioningLogRepo: one row per SCIM request. Written in batches by the domain's writer, listed newest first by
// keyset on (at, id) over the provisioning_log_org index, pruned by age over provisioning_log_at.
import type { CompiledQuery, Insertable, Kysely, Selectable } from 'kysely';
import type { ProvisioningLogEntry, ProvisioningLogRepo, ProvisioningLogSummary } from '../domain/ports.js';
import { inChunks } from './in-chunks.js';
import type { Database, ProvisioningLogTable } from './schema.js';
import type { SqlDialect } from './sql-dialect.js';

/** 14 bound parameters per row. */
const ROWS_PER_INSERT = 100;

const SUMMARY_COLUMNS = [
  'id',
  'org_id',
  'token_id',
  'request_id',
  'at',
  'method',
  'path',
  'status',
  'duration_ms',
  'scim_type',
  'resource_type',
  'resource_id',
] as const;

type SummaryRow = Pick<Selectable<ProvisioningLogTable>, (typeof SUMMARY_COLUMNS)[number]>;

function toSummary(row: SummaryRow): ProvisioningLogSummary {
  return {
    id: row.id,
    orgId: row.org_id,
    tokenId: row.token_id,
    requestId: row.request_id,
    at: row.at,
    method: row.method,
    path: row.path,
    status: row.status,
    durationMs: row.duration_ms,
    scimType: row.scim_type,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
  };
}

function toRow(e: ProvisioningLogEntry): Insertable<ProvisioningLogTable> {
  return {
    id: e.id,
    org_id: e.orgId,
    token_id: e.tokenId,
    request_id: e.requestId,
    at: e.at,
    method: e.method,
    path: e.path,
    status: e.status,
    duration_ms: e.durationMs,
    scim_type: e.scimType,
    resource_type: e.resourceType,
    resource_id: e.resourceId,
    request_body: e.requestBody,
    response_body: e.responseBody,
  };
}

/** A row of stand-ins: the compiled INSERT is reused with each row's values in ROW_COLUMNS order. */
const PLACEHOLDER_ROW: Insertable<ProvisioningLogTable> = {
  id: '',
  org_id: '',
  token_id: null,
  request_id: '',
  at: '',
  method: '',
  path: '',
  status: 0,
  duration_ms: 0,
  scim_type: null,
  resource_type: null,
  resource_id: null,
  request_body: null,
  response_body: null,
};
/** The compiled INSERT's columns, in order. */
const ROW_COLUMNS = Object.keys(PLACEHOLDER_ROW) as (keyof typeof PLACEHOLDER_ROW)[];

/**
 * The INSERT of `rows` entries, compiled once per dialect and row count (a batch is usually full): building and
 * compiling a 1,400-parameter insert with Kysely cost more than SQLite took to write its rows.
 */
const insertQueries = new WeakMap<SqlDialect, Map<number, CompiledQuery>>();
function insertQuery(db: Kysely<Database>, dialect: SqlDialect, rows: number): CompiledQuery {
  let byRows = insertQueries.get(dialect);
  if (byRows === undefined) {
    byRows = new Map();
    insertQueries.set(dialect, byRows);
  }
  let compiled = byRows.get(rows);
  if (compiled === undefined) {
    compiled = db
      .insertInto('provisioning_log')
      .values(Array.from({ length: rows }, () => PLACEHOLDER_ROW))
      .compile();
    byRows.set(rows, compiled);
  }
  return compiled;
}

export function provisioningLogRepo(db: Kysely<Database>, dialect: SqlDialect): ProvisioningLogRepo {
  return {
    async insertMany(entries) {
      await inChunks(
        entries,
        async (chunk) => {
          await db.executeQuery({
            ...insertQuery(db, dialect, chunk.length),
            parameters: chunk.flatMap((entry) => {
              const row = toRow(entry);
              return ROW_COLUMNS.map((column) => row[column]);
            }),
          });
        },
        ROWS_PER_INSERT,
      );
    },

    async list(orgId, query) {
      let select = db.selectFrom('provisioning_log').select(SUMMARY_COLUMNS).where('org_id', '=', orgId);
      const { status, before } = query;
      if (status !== undefined) {
        select = select.where('status', '>=', status.min).where('status', '<=', status.max);
      }
      if (query.method !== undefined) select = select.where('method', '=', query.method);
      if (query.pathPrefix !== undefined) {
        const prefix = query.pathPrefix;
        select = select.where((eb) => dialect.startsWith(eb.ref('path'), prefix));
      }
      if (query.resourceType !== undefined) select = select.where('resource_type', '=', query.resourceType);
      if (query.resourceId !== undefined) select = select.where('resource_id', '=', query.resourceId);
      if (query.tokenId !== undefined) select = select.where('token_id', '=', query.tokenId);
      if (query.since !== undefined) select = select.where('at', '>=', query.since);
      if (query.until !== undefined) select = select.where('at', '<', query.until);
      if (before !== undefined) {
        // Keyset: strictly older than the last row of the previous page, ties on `at` broken by id.
        select = select.where((eb) =>
          eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
        );
      }
      const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(toSummary);
    },

    async get(orgId, id) {
      const row = await db
        .selectFrom('provisioning_log')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const entry: ProvisioningLogEntry = {
        ...toSummary(row),
        requestBody: row.request_body,
        responseBody: row.response_body,
      };
      return entry;
    },

    async deleteOlderThan(before, limit) {
      // A bounded chunk per statement: each delete holds the write lock only briefly, however much has expired.
      const result = await db
        .deleteFrom('provisioning_log')
        .where(
          'id',
          'in',
          db.selectFrom('provisioning_log').select('id').where('at', '<', before).orderBy('at').limit(limit),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
