// Reading a stored SSO connection's settings into form values. GET /api/v1/sso returns them as an open record
// (`{ [key]: unknown }`, defaults filled in), so each value is checked before a field shows it.
import type { ResponseOf } from '../api/client';

export type SsoOverview = ResponseOf<'/sso', 'get'>;
export type SsoConnection = NonNullable<SsoOverview['oidc']>;
export type SsoSettings = SsoConnection['settings'];

export const ssoSetting = {
  text(settings: SsoSettings | undefined, name: string, fallback = ''): string {
    const value = settings?.[name];
    return typeof value === 'string' ? value : fallback;
  },

  flag(settings: SsoSettings | undefined, name: string, fallback = false): boolean {
    const value = settings?.[name];
    return typeof value === 'boolean' ? value : fallback;
  },

  count(settings: SsoSettings | undefined, name: string, fallback: number): number {
    const value = settings?.[name];
    return typeof value === 'number' ? value : fallback;
  },

  /** The value when it is one of `allowed`, else `allowed[0]` (the server's default comes first). */
  choice<T extends string>(
    settings: SsoSettings | undefined,
    name: string,
    allowed: readonly [T, ...T[]],
  ): T {
    const value = settings?.[name];
    return allowed.find((candidate) => candidate === value) ?? allowed[0];
  },

  list(settings: SsoSettings | undefined, name: string): string[] {
    const value = settings?.[name];
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  },
};

/** A textarea's lines as a list: trimmed, blank lines and repeats dropped. */
export function linesOf(text: string): string[] {
  return [...new Set(text.split('\n').map((line) => line.trim()))].filter((line) => line !== '');
}
