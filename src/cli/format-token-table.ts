// Plain-text table of credentials for `muster scim-token list` and `muster admin-key list`.
import type { ScimTokenListing } from '../domain/scim-tokens.js';

/** What a row shows: a SCIM token listing, or anything shaped like one. */
export type TokenTableRow = Pick<
  ScimTokenListing,
  'id' | 'name' | 'orgSlug' | 'displayPrefix' | 'createdAt' | 'lastUsedAt' | 'expiresAt' | 'revokedAt'
>;

const COLUMNS = ['ID', 'NAME', 'ORG', 'PREFIX', 'CREATED', 'LAST USED', 'EXPIRES', 'REVOKED'] as const;

/** `2026-01-02T03:04:05.678Z` → `2026-01-02 03:04:05Z`; absent → `-`. */
function formatTime(iso: string | null): string {
  return iso === null ? '-' : iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function formatTokenTable(tokens: readonly TokenTableRow[]): readonly string[] {
  const rows = tokens.map((t) => [
    t.id,
    t.name,
    t.orgSlug,
    `${t.displayPrefix}…`,
    formatTime(t.createdAt),
    formatTime(t.lastUsedAt),
    formatTime(t.expiresAt),
    formatTime(t.revokedAt),
  ]);
  const all = [[...COLUMNS], ...rows];
  const widths = COLUMNS.map((_, i) => Math.max(...all.map((row) => row[i]?.length ?? 0)));
  return all.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

/** One credential as `list --json` prints it (org null: an instance-wide admin key). */
export function toTokenJson(
  row: Omit<TokenTableRow, 'orgSlug'> & { readonly orgSlug: string | null },
): Record<string, string | null> {
  return {
    id: row.id,
    name: row.name,
    org: row.orgSlug,
    prefix: row.displayPrefix,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
  };
}
