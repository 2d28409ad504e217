// Generated from GET /api/v1/openapi.json by `npm run api-types`; do not edit.
export interface paths {
    "/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (never the keys themselves), oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    /** @description Page size (default 50) */
                    limit?: number;
                    /** @description Only keys with this status now (the status the list shows) */
                    status?: "active" | "revoked" | "expired" | "blocked";
                    teamId?: string;
                    userId?: string;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                blockedAt: string | null;
                                /** @description Why a blocked key is blocked: the provisioning change that blocked it (undone → unblocked) */
                                blockedReason: "user_deactivated" | "user_deleted" | "team_membership_removed" | "team_deleted" | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                createdAt: string;
                                /** @description First characters of the key, to recognise it */
                                displayPrefix: string;
                                expiresAt: string | null;
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                ownerType: "user" | "team";
                                revokedAt: string | null;
                                status: "active" | "revoked" | "expired" | "blocked";
                                /** @description The team of teamId as it is now; null when teamId is null or once the team is deleted */
                                team: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                /** @description A team key's team, or the team a user key is bound to (null: all the user's teams) */
                                teamId: string | null;
                                /** @description A user key's user as it is now; null for a team key or once the user is deleted */
                                user: {
                                    active: boolean;
                                    displayName: string | null;
                                    id: string;
                                    userName: string;
                                } | null;
                                userId: string | null;
                            }[];
                            /** @description null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an API key */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            blockedAt: string | null;
                            /** @description Why a blocked key is blocked: the provisioning change that blocked it (undone → unblocked) */
                            blockedReason: "user_deactivated" | "user_deleted" | "team_membership_removed" | "team_deleted" | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            /** @description First characters of the key, to recognise it */
                            displayPrefix: string;
                            expiresAt: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            ownerType: "user" | "team";
                            revokedAt: string | null;
                            status: "active" | "revoked" | "expired" | "blocked";
                            /** @description The team of teamId as it is now; null when teamId is null or once the team is deleted */
                            team: {
                                displayName: string;
                                id: string;
                            } | null;
                            /** @description A team key's team, or the team a user key is bound to (null: all the user's teams) */
                            teamId: string | null;
                            /** @description A user key's user as it is now; null for a team key or once the user is deleted */
                            user: {
                                active: boolean;
                                displayName: string | null;
                                id: string;
                                userName: string;
                            } | null;
                            userId: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Revoke an API key at once, for good (idempotent) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            blockedAt: string | null;
                            /** @description Why a blocked key is blocked: the provisioning change that blocked it (undone → unblocked) */
                            blockedReason: "user_deactivated" | "user_deleted" | "team_membership_removed" | "team_deleted" | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            /** @description First characters of the key, to recognise it */
                            displayPrefix: string;
                            expiresAt: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            ownerType: "user" | "team";
                            revokedAt: string | null;
                            status: "active" | "revoked" | "expired" | "blocked";
                            /** @description The team of teamId as it is now; null when teamId is null or once the team is deleted */
                            team: {
                                displayName: string;
                                id: string;
                            } | null;
                            /** @description A team key's team, or the team a user key is bound to (null: all the user's teams) */
                            teamId: string | null;
                            /** @description A user key's user as it is now; null for a team key or once the user is deleted */
                            user: {
                                active: boolean;
                                displayName: string | null;
                                id: string;
                                userName: string;
                            } | null;
                            userId: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's dashboard: counts, SCIM tokens, provisioning activity and recent errors */
        get: {
            parameters: {
                query?: {
                    /** @description Activity range (default 24h) */
                    range?: "24h" | "7d" | "30d";
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activity: {
                                bucket: "hour" | "day";
                                /** @description Every bucket of the range, oldest first; a bucket without requests has zeros */
                                buckets: {
                                    /** @description Requests answered with a status of 400 or above */
                                    errors: number;
                                    requests: number;
                                    /**
                                     * Format: date-time
                                     * @description First instant of the UTC hour or day
                                     */
                                    start: string;
                                }[];
                                /** @description 24h: 24 hourly buckets; 7d, 30d: daily buckets (UTC), the current one last */
                                range: "24h" | "7d" | "30d";
                            };
                            /** @description Keys by the status GET /api-keys shows */
                            apiKeys: {
                                active: number;
                                blocked: number;
                                expired: number;
                                revoked: number;
                            };
                            /** @description The 10 newest SCIM requests answered with a status of 400 or above, newest first */
                            recentErrors: {
                                /**
                                 * Format: date-time
                                 * @description When the request was received
                                 */
                                at: string;
                                durationMs: number;
                                id: string;
                                method: string;
                                /** @description Path and query string as received; credentials in the query are replaced */
                                path: string;
                                /** @description The x-request-id of the response */
                                requestId: string;
                                /** @description From the path, or the id of the resource a POST created */
                                resourceId: string | null;
                                /** @description "User" or "Group" */
                                resourceType: string | null;
                                /** @description RFC 7644 §3.12 scimType of an error */
                                scimType: string | null;
                                status: number;
                                /** @description The SCIM token of the request */
                                tokenId: string | null;
                            }[];
                            /** @description Every SCIM token: not revoked first, then oldest first */
                            scimTokens: {
                                expiresAt: string | null;
                                id: string;
                                /** @description The token's newest provisioning log entry; null when the log has none */
                                lastRequest: {
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC with milliseconds
                                     */
                                    at: string;
                                    method: string;
                                    path: string;
                                    status: number;
                                } | null;
                                lastUsedAt: string | null;
                                name: string;
                                revokedAt: string | null;
                            }[];
                            teams: {
                                /** @description Teams the identity provider created through SCIM */
                                idpManaged: number;
                                total: number;
                            };
                            users: {
                                active: number;
                                inactive: number;
                                total: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page through the change events, oldest first (or newest first with order=desc) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page. Oldest first: the events after it (absent or 0: from the first event); newest first: the events before it (absent: from the newest) */
                    after?: string;
                    /** @description Page size (default 100) */
                    limit?: number;
                    /** @description asc (default): the feed in sequence order, to follow; desc: newest first, e.g. a resource’s recent events */
                    order?: "asc" | "desc";
                    /** @description Only the events of this user, team, API key or SCIM token */
                    resourceId?: string;
                    /** @description Only these types (repeat the parameter) */
                    type?: ("user.created" | "user.updated" | "user.deactivated" | "user.reactivated" | "user.deleted" | "team.created" | "team.updated" | "team.deleted" | "team.member_added" | "team.member_removed" | "api_key.created" | "api_key.revoked" | "api_key.blocked" | "api_key.unblocked" | "scim_token.created" | "scim_token.revoked")[];
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The page is full: more events may follow */
                            hasMore: boolean;
                            items: {
                                data: {
                                    [key: string]: unknown;
                                };
                                /** @description Unique event id (also the webhook-id of its deliveries) */
                                id: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                occurredAt: string;
                                resourceId: string;
                                resourceType: "user" | "team" | "api_key" | "scim_token";
                                /** @description Per-organization, gap-free, increasing */
                                sequence: number;
                                /** @enum {string} */
                                type: "user.created" | "user.updated" | "user.deactivated" | "user.reactivated" | "user.deleted" | "team.created" | "team.updated" | "team.deleted" | "team.member_added" | "team.member_removed" | "api_key.created" | "api_key.revoked" | "api_key.blocked" | "api_key.unblocked" | "scim_token.created" | "scim_token.revoked";
                            }[];
                            /** @description Pass as `after` (with the same order) to continue; oldest first, poll again with it when idle */
                            nextCursor: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/keys/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify an API key
         * @description Checks the API key sent as `Authorization: Bearer mk_…` (or `X-Api-Key`). 200 with the key, its user, teams and organization (also as X-Muster-* headers for nginx auth_request, Traefik ForwardAuth and Envoy ext_authz), or 401; 503 when the database cannot be reached (the key was not checked: "cannot check", not "denied"). Any method and any sub-path is accepted, so proxies can forward the original request line.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: {
                                /** Format: date-time */
                                expiresAt: string | null;
                                id: string;
                                name: string;
                                /** @enum {string} */
                                ownerType: "user" | "team";
                            };
                            org: {
                                id: string;
                                slug: string;
                            };
                            teams: {
                                displayName: string;
                                id: string;
                            }[];
                            user: {
                                displayName: string | null;
                                id: string;
                                userName: string;
                            } | null;
                            /** @enum {boolean} */
                            valid: true;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your profile, role and teams */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether you may create your own API keys */
                            memberApiKeys: boolean;
                            role: "admin" | "member";
                            teams: {
                                display: string;
                                value: string;
                            }[];
                            user: {
                                active: boolean;
                                displayName: string | null;
                                /** @description Primary email, else the first, else the userName */
                                email: string;
                                id: string;
                                userName: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API keys */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                blockedAt: string | null;
                                /** @description Why a blocked key is blocked: the provisioning change that blocked it (undone → unblocked) */
                                blockedReason: "user_deactivated" | "user_deleted" | "team_membership_removed" | "team_deleted" | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                createdAt: string;
                                /** @description First characters of the key, to recognise it */
                                displayPrefix: string;
                                expiresAt: string | null;
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                ownerType: "user" | "team";
                                revokedAt: string | null;
                                status: "active" | "revoked" | "expired" | "blocked";
                                /** @description The team of teamId as it is now; null when teamId is null or once the team is deleted */
                                team: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                /** @description A team key's team, or the team a user key is bound to (null: all the user's teams) */
                                teamId: string | null;
                                /** @description A user key's user as it is now; null for a team key or once the user is deleted */
                                user: {
                                    active: boolean;
                                    displayName: string | null;
                                    id: string;
                                    userName: string;
                                } | null;
                                userId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key for yourself, bound to one of your teams */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Whole days; absent: never expires */
                        expiresInDays?: number;
                        /** @description What the key is for */
                        name: string;
                        /** @description One of your teams */
                        teamId: string;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            blockedAt: string | null;
                            /** @description Why a blocked key is blocked: the provisioning change that blocked it (undone → unblocked) */
                            blockedReason: "user_deactivated" | "user_deleted" | "team_membership_removed" | "team_deleted" | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            /** @description First characters of the key, to recognise it */
                            displayPrefix: string;
                            expiresAt: string | null;
                            id: string;
                            /** @description The API key: shown only in this response, stored only as SHA-256 */
                            key: string;
                            lastUsedAt: string | null;
                            name: string;
                            ownerType: "user" | "team";
                            revokedAt: string | null;
                            status: "active" | "revoked" | "expired" | "blocked";
                            /** @description The team of teamId as it is now; null when teamId is null or once the team is deleted */
                            team: {
                                displayName: string;
                                id: string;
                            } | null;
                            /** @description A team key's team, or the team a user key is bound to (null: all the user's teams) */
                            teamId: string | null;
                            /** @description A user key's user as it is now; null for a team key or once the user is deleted */
                            user: {
                                active: boolean;
                                displayName: string | null;
                                id: string;
                                userName: string;
                            } | null;
                            userId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your API keys */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            blockedAt: string | null;
                            /** @description Why a blocked key is blocked: the provisioning change that blocked it (undone → unblocked) */
                            blockedReason: "user_deactivated" | "user_deleted" | "team_membership_removed" | "team_deleted" | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            /** @description First characters of the key, to recognise it */
                            displayPrefix: string;
                            expiresAt: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            ownerType: "user" | "team";
                            revokedAt: string | null;
                            status: "active" | "revoked" | "expired" | "blocked";
                            /** @description The team of teamId as it is now; null when teamId is null or once the team is deleted */
                            team: {
                                displayName: string;
                                id: string;
                            } | null;
                            /** @description A team key's team, or the team a user key is bound to (null: all the user's teams) */
                            teamId: string | null;
                            /** @description A user key's user as it is now; null for a team key or once the user is deleted */
                            user: {
                                active: boolean;
                                displayName: string | null;
                                id: string;
                                userName: string;
                            } | null;
                            userId: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description OpenAPI 3.1 document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organizations this key manages */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    /** @description Page size (default 50) */
                    limit?: number;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                createdAt: string;
                                id: string;
                                name: string;
                                slug: string;
                            }[];
                            /** @description null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an organization (instance-wide keys only) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description 1-63 lowercase letters, digits and dashes, starting with a letter or digit */
                        slug: string;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            id: string;
                            name: string;
                            slug: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an organization by slug or id */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    /** @description Slug or id */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            id: string;
                            name: string;
                            slug: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/provisioning-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the SCIM requests of the organization, newest first (without bodies) */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    /** @description Page size (default 50) */
                    limit?: number;
                    method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                    /** @description Paths starting with this text, e.g. /scim/v2/Groups */
                    pathPrefix?: string;
                    /** @description A User or Group id: the requests that named it or created it */
                    resourceId?: string;
                    resourceType?: "User" | "Group";
                    /** @description Received at or after (ISO-8601) */
                    since?: string;
                    /** @description One status (404), a class (4xx), or error: every status from 400 */
                    status?: string;
                    /** @description Requests made with this SCIM token */
                    tokenId?: string;
                    /** @description Received before (ISO-8601) */
                    until?: string;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description When the request was received
                                 */
                                at: string;
                                durationMs: number;
                                id: string;
                                method: string;
                                /** @description Path and query string as received; credentials in the query are replaced */
                                path: string;
                                /** @description The x-request-id of the response */
                                requestId: string;
                                /** @description From the path, or the id of the resource a POST created */
                                resourceId: string | null;
                                /** @description "User" or "Group" */
                                resourceType: string | null;
                                /** @description RFC 7644 §3.12 scimType of an error */
                                scimType: string | null;
                                status: number;
                                /** @description The SCIM token of the request */
                                tokenId: string | null;
                            }[];
                            /** @description null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/provisioning-log/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One SCIM request with its (redacted) request and response bodies */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description When the request was received
                             */
                            at: string;
                            durationMs: number;
                            id: string;
                            method: string;
                            /** @description Path and query string as received; credentials in the query are replaced */
                            path: string;
                            /** @description Redacted JSON text (passwords and secrets replaced by "[redacted]"); cut at 64 KiB, it ends with "…[truncated: N bytes]" and no longer parses; null when there was none */
                            requestBody: string | null;
                            /** @description The x-request-id of the response */
                            requestId: string;
                            /** @description From the path, or the id of the resource a POST created */
                            resourceId: string | null;
                            /** @description "User" or "Group" */
                            resourceType: string | null;
                            /** @description Redacted JSON text (passwords and secrets replaced by "[redacted]"); cut at 64 KiB, it ends with "…[truncated: N bytes]" and no longer parses; null when there was none */
                            responseBody: string | null;
                            /** @description RFC 7644 §3.12 scimType of an error */
                            scimType: string | null;
                            status: number;
                            /** @description The SCIM token of the request */
                            tokenId: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the SCIM tokens of the organization (never the tokens themselves) */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    /** @description Page size (default 50) */
                    limit?: number;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                createdAt: string;
                                /** @description First characters of the token, to recognise it */
                                displayPrefix: string;
                                expiresAt: string | null;
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                revokedAt: string | null;
                            }[];
                            /** @description null on the last page */
                            nextCursor: string | null;
                            /** @description SCIM base URL (tenant URL) to configure in the identity provider */
                            scimUrl: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a SCIM token for an identity provider */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Whole days, at most 3650; absent: never expires */
                        expiresInDays?: number;
                        /** @description What it is for, e.g. "okta" */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            /** @description First characters of the token, to recognise it */
                            displayPrefix: string;
                            expiresAt: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            revokedAt: string | null;
                            /** @description SCIM base URL (tenant URL) to configure in the identity provider */
                            scimUrl: string;
                            /** @description The bearer token: shown only in this response, stored only as SHA-256 */
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a SCIM token at once (idempotent) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            /** @description First characters of the token, to recognise it */
                            displayPrefix: string;
                            expiresAt: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            revokedAt: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in admin, the CSRF token and when the session ends */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Who signed in, and the session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            admin: {
                                email: string;
                                id: string;
                                /** @description The organization this admin manages; null: every organization (instance-wide) */
                                orgId: string | null;
                            };
                            /** @description Send it as X-CSRF-Token with every POST, PUT, PATCH and DELETE authenticated by the cookie */
                            csrfToken: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            expiresAt: string;
                            /** @description admin: the whole console of the organization; member (SSO sign-in without an admin group): own profile, teams and API keys (GET /api/v1/me) */
                            role: "admin" | "member";
                            signedInWith: "password" | "oidc" | "saml";
                            /** @description The user an SSO sign-in linked to (also admin.id); null for an admin account */
                            userId: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Sign in to the console
         * @description Sets the session cookie (muster_session: HttpOnly, SameSite=Strict). Wrong email or password: 401; too many failures for one email (5) or from one address (20) within 15 minutes: 429 with Retry-After.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The admin’s email address */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Who signed in, and the session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            admin: {
                                email: string;
                                id: string;
                                /** @description The organization this admin manages; null: every organization (instance-wide) */
                                orgId: string | null;
                            };
                            /** @description Send it as X-CSRF-Token with every POST, PUT, PATCH and DELETE authenticated by the cookie */
                            csrfToken: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            expiresAt: string;
                            /** @description admin: the whole console of the organization; member (SSO sign-in without an admin group): own profile, teams and API keys (GET /api/v1/me) */
                            role: "admin" | "member";
                            signedInWith: "password" | "oidc" | "saml";
                            /** @description The user an SSO sign-in linked to (also admin.id); null for an admin account */
                            userId: string | null;
                        };
                    };
                };
            };
        };
        /**
         * Sign out
         * @description Revokes the session and clears the cookie. Send X-CSRF-Token.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the first admin account still has to be created */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description True while no admin account exists: open the setup URL printed at start-up */
                            setupRequired: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an admin account with a setup link and sign in
         * @description The token is the one of the setup URL (`/setup#token=…`): the first-admin token printed at start-up while no admin exists, or one `muster admin create --email` made for that email. 24 h, once. Sets the session cookie like POST /session.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The admin’s email address */
                        email: string;
                        /** @description 12 to 1024 characters */
                        password: string;
                        /** @description The token of the setup URL (the part after #token=) */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Who signed in, and the session */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            admin: {
                                email: string;
                                id: string;
                                /** @description The organization this admin manages; null: every organization (instance-wide) */
                                orgId: string | null;
                            };
                            /** @description Send it as X-CSRF-Token with every POST, PUT, PATCH and DELETE authenticated by the cookie */
                            csrfToken: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            expiresAt: string;
                            /** @description admin: the whole console of the organization; member (SSO sign-in without an admin group): own profile, teams and API keys (GET /api/v1/me) */
                            role: "admin" | "member";
                            signedInWith: "password" | "oidc" | "saml";
                            /** @description The user an SSO sign-in linked to (also admin.id); null for an admin account */
                            userId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SSO sign-in: URLs for the IdP, the OIDC and SAML connections, member self-service */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            endpoints: {
                                /** @description SAML Assertion Consumer Service URL (HTTP-POST) */
                                acsUrl: string;
                                /** @description Sign-in link of this organization (also the IdP app tile link) */
                                loginUrl: string;
                                /** @description OIDC redirect URI to register with the IdP */
                                redirectUrl: string;
                                /** @description SAML audience / SP entity id */
                                spEntityId: string;
                                spMetadataUrl: string;
                            };
                            /** @description Members signed in through SSO may create their own API keys */
                            memberApiKeys: boolean;
                            oidc: {
                                /** @description OIDC: whether a client secret is stored (it is never returned) */
                                clientSecretSet: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                createdAt: string;
                                enabled: boolean;
                                kind: "oidc" | "saml";
                                /** @description The settings with defaults filled in (the same fields as the PUT body), never a secret */
                                settings: {
                                    [key: string]: unknown;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                updatedAt: string;
                            } | null;
                            saml: {
                                /** @description OIDC: whether a client secret is stored (it is never returned) */
                                clientSecretSet: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                createdAt: string;
                                enabled: boolean;
                                kind: "oidc" | "saml";
                                /** @description The settings with defaults filled in (the same fields as the PUT body), never a secret */
                                settings: {
                                    [key: string]: unknown;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                updatedAt: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sso/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a connection: its links to users and its sessions end with it */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    kind: "oidc" | "saml";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sso/member-api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Whether members signed in through SSO may create their own API keys */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allowed: boolean;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sso/oidc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set up sign-in with OpenID Connect (authorization code flow with PKCE) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Write-only. Absent: keep the stored one; null: remove it (public client with PKCE) */
                        clientSecret?: string | null;
                        enabled: boolean;
                        settings: {
                            /** @description Only these groups (id or name) become or join teams; empty: every group */
                            allowedGroups?: string[];
                            clientId: string;
                            /** @description Create a user when no user matches a sign-in (default false: only users SCIM or an admin created sign in) */
                            createUsers?: boolean;
                            /** @description Microsoft Graph base URL for Entra group overage (default https://graph.microsoft.com); null: never */
                            graphBaseUrl?: string | null;
                            /** @description OIDC claim or SAML attribute with the groups (default "groups"; dotted for nested claims) */
                            groupsClaim?: string;
                            /** @description Issuer URL (discovery document under it) */
                            issuer: string;
                            /** @description Link a first sign-in to the user with the same email when the IdP says it is verified (default false) */
                            linkByEmail?: boolean;
                            /** @description add_only (default): sign-in only adds memberships; full: also removes those earlier sign-ins added for groups no longer reported (never memberships SCIM or an admin manage) */
                            membershipSync?: "add_only" | "full";
                            /** @description Members of a group mapped to admin manage the organization in the console */
                            roleMappings?: {
                                group: string;
                                role: "admin" | "member";
                            }[];
                            /** @description Default openid, email, profile */
                            scopes?: string[];
                            /** @description create (default): a reported group without a team becomes one; existing: join existing teams only */
                            teamCreation?: "create" | "existing";
                        };
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description OIDC: whether a client secret is stored (it is never returned) */
                            clientSecretSet: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            enabled: boolean;
                            kind: "oidc" | "saml";
                            /** @description The settings with defaults filled in (the same fields as the PUT body), never a secret */
                            settings: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sso/saml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set up sign-in with SAML 2.0 (signed assertions required) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        settings: {
                            /** @description Only these groups (id or name) become or join teams; empty: every group */
                            allowedGroups?: string[];
                            /** @description Accept IdP-initiated sign-in (the app tile in the IdP dashboard); default false: only sign-ins started here */
                            allowIdpInitiated?: boolean;
                            /** @description Default 60 */
                            clockSkewSeconds?: number;
                            /** @description Create a user when no user matches a sign-in (default false: only users SCIM or an admin created sign in) */
                            createUsers?: boolean;
                            /** @description Default "email" */
                            emailAttribute?: string;
                            /** @description OIDC claim or SAML attribute with the groups (default "groups"; dotted for nested claims) */
                            groupsClaim?: string;
                            /** @description Fetched when saved if idpMetadataXml is absent */
                            idpMetadataUrl?: string | null;
                            idpMetadataXml?: string;
                            /** @description Link a first sign-in to the user with the same email when the IdP says it is verified (default false) */
                            linkByEmail?: boolean;
                            /** @description add_only (default): sign-in only adds memberships; full: also removes those earlier sign-ins added for groups no longer reported (never memberships SCIM or an admin manage) */
                            membershipSync?: "add_only" | "full";
                            /** @description Members of a group mapped to admin manage the organization in the console */
                            roleMappings?: {
                                group: string;
                                role: "admin" | "member";
                            }[];
                            /** @description create (default): a reported group without a team becomes one; existing: join existing teams only */
                            teamCreation?: "create" | "existing";
                        };
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description OIDC: whether a client secret is stored (it is never returned) */
                            clientSecretSet: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            enabled: boolean;
                            kind: "oidc" | "saml";
                            /** @description The settings with defaults filled in (the same fields as the PUT body), never a secret */
                            settings: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List teams, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    /** @description Page size (default 50) */
                    limit?: number;
                    /** @description "scim": created by the identity provider, whose fields change only with force=true; "admin": created through this API; "sso": created when someone signed in with the organization's IdP (OIDC or SAML) */
                    managedBy?: "scim" | "admin" | "sso";
                    /** @description Contained in displayName */
                    q?: string;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                createdAt: string;
                                displayName: string;
                                externalId: string | null;
                                id: string;
                                /** @description "scim": created by the identity provider, whose fields change only with force=true; "admin": created through this API; "sso": created when someone signed in with the organization's IdP (OIDC or SAML) */
                                managedBy: "scim" | "admin" | "sso";
                                /** @description Direct members: users and nested teams */
                                memberCount: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                updatedAt: string;
                            }[];
                            /** @description null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a team (admin-managed) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        externalId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            displayName: string;
                            externalId: string | null;
                            id: string;
                            /** @description "scim": created by the identity provider, whose fields change only with force=true; "admin": created through this API; "sso": created when someone signed in with the organization's IdP (OIDC or SAML) */
                            managedBy: "scim" | "admin" | "sso";
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a team and its members */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            displayName: string;
                            externalId: string | null;
                            id: string;
                            /** @description "scim": created by the identity provider, whose fields change only with force=true; "admin": created through this API; "sso": created when someone signed in with the organization's IdP (OIDC or SAML) */
                            managedBy: "scim" | "admin" | "sso";
                            members: {
                                /** @description A user member's active; null for a team */
                                active: boolean | null;
                                display: string | null;
                                /** @description A user member's primary email, else its first; null for a team or a user without email */
                                email: string | null;
                                id: string;
                                /** @description Group: a nested team (provisioned through SCIM) */
                                type: "User" | "Group";
                                /** @description A user member's userName; null for a team */
                                userName: string | null;
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a team (an IdP-managed one only with force=true); its API keys are blocked */
        delete: {
            parameters: {
                query?: {
                    /** @description Change or delete a resource managed by the identity provider anyway (logged; the IdP may overwrite it on its next sync) */
                    force?: boolean;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a team (an IdP-managed one only with force=true) */
        patch: {
            parameters: {
                query?: {
                    /** @description Change or delete a resource managed by the identity provider anyway (logged; the IdP may overwrite it on its next sync) */
                    force?: boolean;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description Only the fields sent change; null clears */
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        externalId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            displayName: string;
                            externalId: string | null;
                            id: string;
                            /** @description "scim": created by the identity provider, whose fields change only with force=true; "admin": created through this API; "sso": created when someone signed in with the organization's IdP (OIDC or SAML) */
                            managedBy: "scim" | "admin" | "sso";
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/teams/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an API key for a team */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Whole days; absent: never expires */
                        expiresInDays?: number;
                        /** @description What the key is for */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            blockedAt: string | null;
                            /** @description Why a blocked key is blocked: the provisioning change that blocked it (undone → unblocked) */
                            blockedReason: "user_deactivated" | "user_deleted" | "team_membership_removed" | "team_deleted" | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            /** @description First characters of the key, to recognise it */
                            displayPrefix: string;
                            expiresAt: string | null;
                            id: string;
                            /** @description The API key: shown only in this response, stored only as SHA-256 */
                            key: string;
                            lastUsedAt: string | null;
                            name: string;
                            ownerType: "user" | "team";
                            revokedAt: string | null;
                            status: "active" | "revoked" | "expired" | "blocked";
                            /** @description The team of teamId as it is now; null when teamId is null or once the team is deleted */
                            team: {
                                displayName: string;
                                id: string;
                            } | null;
                            /** @description A team key's team, or the team a user key is bound to (null: all the user's teams) */
                            teamId: string | null;
                            /** @description A user key's user as it is now; null for a team key or once the user is deleted */
                            user: {
                                active: boolean;
                                displayName: string | null;
                                id: string;
                                userName: string;
                            } | null;
                            userId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the members of a team, in the order they joined */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    /** @description Page size (default 50) */
                    limit?: number;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description A user member's active; null for a team */
                                active: boolean | null;
                                display: string | null;
                                /** @description A user member's primary email, else its first; null for a team or a user without email */
                                email: string | null;
                                id: string;
                                /** @description Group: a nested team (provisioned through SCIM) */
                                type: "User" | "Group";
                                /** @description A user member's userName; null for a team */
                                userName: string | null;
                            }[];
                            /** @description null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add a user to a team (idempotent) */
        put: {
            parameters: {
                query?: {
                    /** @description Change or delete a resource managed by the identity provider anyway (logged; the IdP may overwrite it on its next sync) */
                    force?: boolean;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** Remove a user from a team (idempotent) */
        delete: {
            parameters: {
                query?: {
                    /** @description Change or delete a resource managed by the identity provider anyway (logged; the IdP may overwrite it on its next sync) */
                    force?: boolean;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users, oldest first */
        get: {
            parameters: {
                query?: {
                    active?: boolean;
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    /** @description Page size (default 50) */
                    limit?: number;
                    /** @description "scim": created by the identity provider, whose fields change only with force=true; "admin": created through this API; "sso": created when someone signed in with the organization's IdP (OIDC or SAML) */
                    managedBy?: "scim" | "admin" | "sso";
                    /** @description Contained in userName, displayName or an email address */
                    q?: string;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                createdAt: string;
                                displayName: string | null;
                                emails: {
                                    primary: boolean;
                                    type: string | null;
                                    value: string;
                                }[];
                                externalId: string | null;
                                id: string;
                                /** @description "scim": created by the identity provider, whose fields change only with force=true; "admin": created through this API; "sso": created when someone signed in with the organization's IdP (OIDC or SAML) */
                                managedBy: "scim" | "admin" | "sso";
                                name: {
                                    familyName: string | null;
                                    givenName: string | null;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                updatedAt: string;
                                userName: string;
                            }[];
                            /** @description null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user (admin-managed) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        displayName?: string | null;
                        /** @description Replaces the list; without a primary, the first address is primary */
                        emails?: {
                            primary?: boolean;
                            type?: string;
                            /** Format: email */
                            value: string;
                        }[];
                        externalId?: string | null;
                        name?: {
                            familyName?: string | null;
                            givenName?: string | null;
                        };
                        userName: string;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            displayName: string | null;
                            emails: {
                                primary: boolean;
                                type: string | null;
                                value: string;
                            }[];
                            externalId: string | null;
                            id: string;
                            /** @description "scim": created by the identity provider, whose fields change only with force=true; "admin": created through this API; "sso": created when someone signed in with the organization's IdP (OIDC or SAML) */
                            managedBy: "scim" | "admin" | "sso";
                            name: {
                                familyName: string | null;
                                givenName: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            updatedAt: string;
                            userName: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user and its teams */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            displayName: string | null;
                            emails: {
                                primary: boolean;
                                type: string | null;
                                value: string;
                            }[];
                            externalId: string | null;
                            id: string;
                            /** @description "scim": created by the identity provider, whose fields change only with force=true; "admin": created through this API; "sso": created when someone signed in with the organization's IdP (OIDC or SAML) */
                            managedBy: "scim" | "admin" | "sso";
                            name: {
                                familyName: string | null;
                                givenName: string | null;
                            };
                            /** @description Teams the user is a direct member of */
                            teams: {
                                displayName: string;
                                id: string;
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            updatedAt: string;
                            userName: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a user (an IdP-managed one only with force=true); its API keys are blocked */
        delete: {
            parameters: {
                query?: {
                    /** @description Change or delete a resource managed by the identity provider anyway (logged; the IdP may overwrite it on its next sync) */
                    force?: boolean;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a user (an IdP-managed one only with force=true) */
        patch: {
            parameters: {
                query?: {
                    /** @description Change or delete a resource managed by the identity provider anyway (logged; the IdP may overwrite it on its next sync) */
                    force?: boolean;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description Only the fields sent change; null clears */
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        displayName?: string | null;
                        /** @description Replaces the list; without a primary, the first address is primary */
                        emails?: {
                            primary?: boolean;
                            type?: string;
                            /** Format: email */
                            value: string;
                        }[];
                        externalId?: string | null;
                        name?: {
                            familyName?: string | null;
                            givenName?: string | null;
                        };
                        userName?: string;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            displayName: string | null;
                            emails: {
                                primary: boolean;
                                type: string | null;
                                value: string;
                            }[];
                            externalId: string | null;
                            id: string;
                            /** @description "scim": created by the identity provider, whose fields change only with force=true; "admin": created through this API; "sso": created when someone signed in with the organization's IdP (OIDC or SAML) */
                            managedBy: "scim" | "admin" | "sso";
                            name: {
                                familyName: string | null;
                                givenName: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            updatedAt: string;
                            userName: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/users/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an API key for a user, optionally bound to one of the user's teams */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Whole days; absent: never expires */
                        expiresInDays?: number;
                        /** @description What the key is for */
                        name: string;
                        /** @description A team the user is a direct member of */
                        teamId?: string;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            blockedAt: string | null;
                            /** @description Why a blocked key is blocked: the provisioning change that blocked it (undone → unblocked) */
                            blockedReason: "user_deactivated" | "user_deleted" | "team_membership_removed" | "team_deleted" | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            /** @description First characters of the key, to recognise it */
                            displayPrefix: string;
                            expiresAt: string | null;
                            id: string;
                            /** @description The API key: shown only in this response, stored only as SHA-256 */
                            key: string;
                            lastUsedAt: string | null;
                            name: string;
                            ownerType: "user" | "team";
                            revokedAt: string | null;
                            status: "active" | "revoked" | "expired" | "blocked";
                            /** @description The team of teamId as it is now; null when teamId is null or once the team is deleted */
                            team: {
                                displayName: string;
                                id: string;
                            } | null;
                            /** @description A team key's team, or the team a user key is bound to (null: all the user's teams) */
                            teamId: string | null;
                            /** @description A user key's user as it is now; null for a team key or once the user is deleted */
                            user: {
                                active: boolean;
                                displayName: string | null;
                                id: string;
                                userName: string;
                            } | null;
                            userId: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook delivery */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            deliveredAt: string | null;
                            endpointId: string;
                            /** @description The webhook-id header: the same on every attempt */
                            eventId: string;
                            eventType: string;
                            id: string;
                            lastAttemptAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            nextAttemptAt: string;
                            /** @description The JSON body sent */
                            payload: unknown;
                            /** @description null for a test event */
                            sequence: number | null;
                            status: "pending" | "delivered" | "failed";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-deliveries/{id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a delivery's attempts, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    /** @description Page size (default 50) */
                    limit?: number;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                attemptedAt: string;
                                durationMs: number;
                                error: string | null;
                                id: string;
                                /** @description First KiB of the response body */
                                responseExcerpt: string | null;
                                /** @description null: no HTTP response */
                                statusCode: number | null;
                            }[];
                            /** @description null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again (same webhook-id), due now with a new retry window */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description No input: {} or no body */
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            deliveredAt: string | null;
                            endpointId: string;
                            /** @description The webhook-id header: the same on every attempt */
                            eventId: string;
                            eventType: string;
                            id: string;
                            lastAttemptAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            nextAttemptAt: string;
                            /** @description The JSON body sent */
                            payload: unknown;
                            /** @description null for a test event */
                            sequence: number | null;
                            status: "pending" | "delivered" | "failed";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the webhook endpoints (never their secrets), oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    /** @description Page size (default 50) */
                    limit?: number;
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                consecutiveFailures: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                createdAt: string;
                                description: string;
                                /** @description [] = every event type */
                                eventTypes: ("user.created" | "user.updated" | "user.deactivated" | "user.reactivated" | "user.deleted" | "team.created" | "team.updated" | "team.deleted" | "team.member_added" | "team.member_removed" | "api_key.created" | "api_key.revoked" | "api_key.blocked" | "api_key.unblocked" | "scim_token.created" | "scim_token.revoked")[];
                                failingSince: string | null;
                                id: string;
                                /** @description After a rotation: until then deliveries are signed with the previous secret too */
                                previousSecretExpiresAt: string | null;
                                /** @description failing: the last 5 or more attempts failed (deliveries go on); disabled: gets no deliveries */
                                status: "active" | "failing" | "disabled";
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                updatedAt: string;
                                url: string;
                            }[];
                            /** @description null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a webhook endpoint; it receives the events from now on */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description false: no deliveries (default true) */
                        enabled?: boolean;
                        /** @description [] or absent = every event type */
                        eventTypes?: ("user.created" | "user.updated" | "user.deactivated" | "user.reactivated" | "user.deleted" | "team.created" | "team.updated" | "team.deleted" | "team.member_added" | "team.member_removed" | "api_key.created" | "api_key.revoked" | "api_key.blocked" | "api_key.unblocked" | "scim_token.created" | "scim_token.revoked")[];
                        /** @description http(s) URL; use https in production */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consecutiveFailures: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            description: string;
                            /** @description [] = every event type */
                            eventTypes: ("user.created" | "user.updated" | "user.deactivated" | "user.reactivated" | "user.deleted" | "team.created" | "team.updated" | "team.deleted" | "team.member_added" | "team.member_removed" | "api_key.created" | "api_key.revoked" | "api_key.blocked" | "api_key.unblocked" | "scim_token.created" | "scim_token.revoked")[];
                            failingSince: string | null;
                            id: string;
                            /** @description After a rotation: until then deliveries are signed with the previous secret too */
                            previousSecretExpiresAt: string | null;
                            /** @description Signing secret (whsec_…): shown only in this response */
                            secret: string;
                            /** @description failing: the last 5 or more attempts failed (deliveries go on); disabled: gets no deliveries */
                            status: "active" | "failing" | "disabled";
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consecutiveFailures: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            description: string;
                            /** @description [] = every event type */
                            eventTypes: ("user.created" | "user.updated" | "user.deactivated" | "user.reactivated" | "user.deleted" | "team.created" | "team.updated" | "team.deleted" | "team.member_added" | "team.member_removed" | "api_key.created" | "api_key.revoked" | "api_key.blocked" | "api_key.unblocked" | "scim_token.created" | "scim_token.revoked")[];
                            failingSince: string | null;
                            id: string;
                            /** @description After a rotation: until then deliveries are signed with the previous secret too */
                            previousSecretExpiresAt: string | null;
                            /** @description failing: the last 5 or more attempts failed (deliveries go on); disabled: gets no deliveries */
                            status: "active" | "failing" | "disabled";
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a webhook endpoint with its deliveries */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a webhook endpoint; enabled=true on a disabled one resumes with new events */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description false: no deliveries (default true) */
                        enabled?: boolean;
                        /** @description [] or absent = every event type */
                        eventTypes?: ("user.created" | "user.updated" | "user.deactivated" | "user.reactivated" | "user.deleted" | "team.created" | "team.updated" | "team.deleted" | "team.member_added" | "team.member_removed" | "api_key.created" | "api_key.revoked" | "api_key.blocked" | "api_key.unblocked" | "scim_token.created" | "scim_token.revoked")[];
                        /** @description http(s) URL; use https in production */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consecutiveFailures: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            description: string;
                            /** @description [] = every event type */
                            eventTypes: ("user.created" | "user.updated" | "user.deactivated" | "user.reactivated" | "user.deleted" | "team.created" | "team.updated" | "team.deleted" | "team.member_added" | "team.member_removed" | "api_key.created" | "api_key.revoked" | "api_key.blocked" | "api_key.unblocked" | "scim_token.created" | "scim_token.revoked")[];
                            failingSince: string | null;
                            id: string;
                            /** @description After a rotation: until then deliveries are signed with the previous secret too */
                            previousSecretExpiresAt: string | null;
                            /** @description failing: the last 5 or more attempts failed (deliveries go on); disabled: gets no deliveries */
                            status: "active" | "failing" | "disabled";
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an endpoint's deliveries, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    /** @description Page size (default 50) */
                    limit?: number;
                    status?: "pending" | "delivered" | "failed";
                };
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                createdAt: string;
                                deliveredAt: string | null;
                                endpointId: string;
                                /** @description The webhook-id header: the same on every attempt */
                                eventId: string;
                                eventType: string;
                                id: string;
                                lastAttemptAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC with milliseconds
                                 */
                                nextAttemptAt: string;
                                /** @description The JSON body sent */
                                payload: unknown;
                                /** @description null for a test event */
                                sequence: number | null;
                                status: "pending" | "delivered" | "failed";
                            }[];
                            /** @description null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; the previous one keeps signing for 24 hours */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description No input: {} or no body */
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consecutiveFailures: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            description: string;
                            /** @description [] = every event type */
                            eventTypes: ("user.created" | "user.updated" | "user.deactivated" | "user.reactivated" | "user.deleted" | "team.created" | "team.updated" | "team.deleted" | "team.member_added" | "team.member_removed" | "api_key.created" | "api_key.revoked" | "api_key.blocked" | "api_key.unblocked" | "scim_token.created" | "scim_token.revoked")[];
                            failingSince: string | null;
                            id: string;
                            /** @description After a rotation: until then deliveries are signed with the previous secret too */
                            previousSecretExpiresAt: string | null;
                            /** @description Signing secret (whsec_…): shown only in this response */
                            secret: string;
                            /** @description failing: the last 5 or more attempts failed (deliveries go on); disabled: gets no deliveries */
                            status: "active" | "failing" | "disabled";
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a webhook.test event to this endpoint only */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Organization to act on, by slug or id. Instance-wide keys: defaults to "default". Organization keys: may only name their own organization. */
                    "x-muster-org"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description No input: {} or no body */
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Client error (RFC 9457 problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (RFC 9457 problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            createdAt: string;
                            deliveredAt: string | null;
                            endpointId: string;
                            /** @description The webhook-id header: the same on every attempt */
                            eventId: string;
                            eventType: string;
                            id: string;
                            lastAttemptAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC with milliseconds
                             */
                            nextAttemptAt: string;
                            /** @description The JSON body sent */
                            payload: unknown;
                            /** @description null for a test event */
                            sequence: number | null;
                            status: "pending" | "delivered" | "failed";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        Problem: {
            detail: string;
            errors?: {
                detail: string;
                in: "body" | "querystring" | "params" | "headers";
                /** @description JSON Pointer into that part, as a URI fragment */
                pointer: string;
            }[];
            /** @description managed_by_idp: the IdP-owned fields */
            fields?: string[];
            instance: string;
            status: number;
            title: string;
            /** @description URI identifying the problem type */
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
