// Database URLs as the CLI may show them: a URL can carry a password, in its user info or (libpq) as a `password`
// parameter, and neither may reach a terminal or a log.

const MASK = '***';
/** Shorter passwords are masked only inside the URL itself: masking every "ab" of a message would garble it. */
const MIN_MASKED_ANYWHERE = 4;

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/**
 * The URL with its password masked. `sqlite:` paths are shown as they are; a PostgreSQL URL that does not parse is
 * not shown at all.
 */
export function redactDatabaseUrl(raw: string): string {
  const url = parseUrl(raw);
  if (url === undefined) return /^postgres(ql)?:/i.test(raw) ? 'postgres://…' : raw;
  if (url.password === '' && !url.searchParams.has('password')) return raw;
  if (url.password !== '') url.password = MASK;
  if (url.searchParams.has('password')) url.searchParams.set('password', MASK);
  return url.toString();
}

/** The passwords the URL holds, percent-encoded and decoded. */
function passwordsOf(raw: string): string[] {
  const url = parseUrl(raw);
  if (url === undefined) return [];
  const found = new Set<string>();
  for (const value of [url.password, url.searchParams.get('password')]) {
    if (value === null || value === '') continue;
    found.add(value);
    try {
      found.add(decodeURIComponent(value));
    } catch {
      // Not valid percent-encoding: the raw form is all there is.
    }
  }
  return [...found];
}

/** Masks the passwords of `urls` in any text: each URL as a whole, then each password on its own. */
export function secretMasker(urls: readonly string[]): (text: string) => string {
  const replacements: (readonly [string, string])[] = [];
  for (const url of urls) {
    const shown = redactDatabaseUrl(url);
    if (shown !== url) replacements.push([url, shown]);
  }
  for (const password of urls.flatMap(passwordsOf)) {
    if (password.length >= MIN_MASKED_ANYWHERE) replacements.push([password, MASK]);
  }
  return (text) => replacements.reduce((masked, [secret, mask]) => masked.replaceAll(secret, mask), text);
}

/** `error` with the secrets masked in its message, its class and `code` kept, for printing. */
export function withoutSecrets(error: unknown, mask: (text: string) => string): unknown {
  if (error instanceof Error) error.message = mask(error.message);
  return error;
}
