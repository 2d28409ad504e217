// Usage texts and the error that prints them (exit status 2, as for any command-line misuse).

export const CLI_USAGE = `Usage: muster <command> [options]

Commands:
  serve                                    Start the SCIM server (same as \`npm start\`)
  scim-token create --name <name>          Create a SCIM bearer token for an identity provider
           [--org <slug>] [--expires-in <days>] [--json]
  scim-token list [--org <slug>] [--json]  List SCIM tokens (never the tokens themselves)
  scim-token revoke <id>                   Revoke a SCIM token at once
  admin-key create --name <name>           Create an admin API key (instance-wide; --org: one organization)
           [--org <slug>] [--expires-in <days>] [--json]
  admin-key list [--json]                  List admin keys (never the keys themselves)
  admin-key revoke <id>                    Revoke an admin key at once
  admin create --email <email>             Create a console admin with a one-time setup URL
           [--org <slug>] [--password-stdin] [--json]   (--password-stdin: with the password on stdin)
  admin list [--json]                      List console admins and their last sign-in
  migrate-store --from <url> --to <url>    Copy every row into a new database (SQLite → PostgreSQL or back)
           [--batch-size <rows>] [--replace]

Options:
  -h, --help                               Show this help

Settings come from the environment (DATABASE_URL, PUBLIC_URL, …; see docs/configuration.md),
so the command uses the same database as the server.`;

export const SCIM_TOKEN_USAGE = `Usage:
  muster scim-token create --name <name> [--org <slug>] [--expires-in <days>] [--json]
      Creates the organization <slug> (default: "default") if needed and prints the token once,
      alone on the last line (--json: one JSON line {"id","token","scimUrl","org"}).
  muster scim-token list [--org <slug>] [--json]
  muster scim-token revoke <id>`;

export const ADMIN_KEY_USAGE = `Usage:
  muster admin-key create --name <name> [--org <slug>] [--expires-in <days>] [--json]
      Without --org the key is instance-wide: it manages every organization. With --org it manages only
      that organization (created if needed). Prints the key once, alone on the last line
      (--json: one JSON line {"id","key","apiUrl","org"}).
  muster admin-key list [--json]
  muster admin-key revoke <id>`;

export const ADMIN_USAGE = `Usage:
  muster admin create --email <email> [--org <slug>] [--password-stdin] [--json]
      Creates an admin of the web console. Without --org the admin is instance-wide: they manage every
      organization; with --org only that organization (created if needed).
      Without --password-stdin the admin chooses a password at the one-time setup URL printed alone on the
      last line (valid 24 hours). With --password-stdin the first line of stdin is the password (12-1024
      characters), e.g.  printf '%s\n' "$PASSWORD" | muster admin create --email ann@example.com --password-stdin
      (--json: one JSON line {"id","email","org","setupUrl"}; setupUrl only without --password-stdin).
  muster admin list [--json]`;

export const MIGRATE_STORE_USAGE = `Usage:
  muster migrate-store --from <database-url> --to <database-url> [--batch-size <rows>] [--replace]
      Copies every row of a Muster database into another one, for example from SQLite to PostgreSQL:
        muster migrate-store --from sqlite:./data/muster.db --to postgres://muster:…@db:5432/muster
      Stop Muster first: what is written during the copy is not copied. Both databases are migrated to
      the latest schema first. The target must hold no rows; --replace deletes them, in the copy's
      transaction. The copy is one transaction, verified table by table (row count and checksum) before
      it commits: a failed copy leaves the target as it was. --batch-size: rows per statement, 1-1000
      (default 500). DATABASE_SSL_CA applies to a postgres:// URL as it does to DATABASE_URL.
      Progress goes to stderr, the summary to stdout; passwords in the URLs are never shown.`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly usage: string;

  constructor(message: string, usage: string = CLI_USAGE) {
    super(message);
    this.usage = usage;
  }
}
