// The SCIM use cases as the HTTP layer sees them. users.ts / groups.ts implement these; http/scim-api calls them.
// Request context is an argument, never state: two organizations provisioning at once never share anything.
import type { AttrPath } from '../scim/path/attr-path.js';
import type { JsonObject } from '../shared/json.js';
import type { ListQuery } from './ports.js';

export interface ScimContext {
  readonly orgId: string;
  /** Absolute base of the SCIM API for this org, without trailing slash (`https://muster.example.com/scim/v2`). */
  readonly baseUrl: string;
  readonly requestId?: string;
  /** The SCIM token the request authenticated with (the actor of the change). */
  readonly tokenId?: string;
}

/** attributes= / excludedAttributes= (RFC 7644 §3.4.2.5), already parsed. Both empty → default set. */
export interface Projection {
  readonly attributes: readonly AttrPath[];
  readonly excludedAttributes: readonly AttrPath[];
}

export interface WriteOptions {
  /** If-Match header value, when sent: a stale one → 412. */
  readonly ifMatch?: string;
}

export interface ResourceResult {
  /** The full SCIM representation after projection (schemas, id, meta incl. location and version). */
  readonly resource: JsonObject;
  /** Same value as meta.version: W/"…" */
  readonly etag: string;
  /** Same value as meta.location. */
  readonly location: string;
}

/** A resource's default representation, already serialized. */
export interface JsonResourceResult {
  readonly json: string;
  readonly etag: string;
  readonly location: string;
}

/** PATCH may answer 204 (RFC 7644 §3.5.2): `resource` is absent when the caller did not ask for it. */
export interface PatchResult {
  readonly resource?: JsonObject;
  readonly etag: string;
  readonly location: string;
}

export interface ListResult {
  readonly totalResults: number;
  readonly resources: readonly JsonObject[];
  /** RFC 9865 cursor of the next page (cursor paging only). */
  readonly nextCursor?: string;
}

export interface ResourceService {
  create(ctx: ScimContext, body: unknown, projection: Projection): Promise<ResourceResult>;
  get(ctx: ScimContext, id: string, projection: Projection): Promise<ResourceResult>;
  /**
   * get with the default projection (no attributes/excludedAttributes), as JSON text written around the stored
   * document: the hot read of every IdP. Optional: a type without it is read through get.
   */
  getJson?(ctx: ScimContext, id: string): Promise<JsonResourceResult>;
  replace(
    ctx: ScimContext,
    id: string,
    body: unknown,
    projection: Projection,
    options: WriteOptions,
  ): Promise<ResourceResult>;
  /** `wantResource` false → the resource is not built (Groups: no member list is loaded). */
  patch(
    ctx: ScimContext,
    id: string,
    body: unknown,
    projection: Projection,
    options: WriteOptions & { readonly wantResource: boolean },
  ): Promise<PatchResult>;
  delete(ctx: ScimContext, id: string, options: WriteOptions): Promise<void>;
  list(ctx: ScimContext, query: ListQuery, projection: Projection): Promise<ListResult>;
}

export interface ScimServices {
  readonly users: ResourceService;
  readonly groups: ResourceService;
}
