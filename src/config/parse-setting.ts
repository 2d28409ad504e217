// The building blocks of loadConfig: a setting parses to its value or to one problem, and problems never echo secrets.

export type Env = Readonly<Record<string, string | undefined>>;
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** An empty or blank variable counts as unset (`PORT=` in a compose file means "use the default"). */
export function read(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function parseInteger(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): Parsed<number> {
  if (raw === undefined) return ok(fallback);
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    return fail(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return ok(value);
}
