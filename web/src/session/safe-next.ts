// Where the console goes after sign-in: the login page's `next=` parameter. It comes from the URL, so it is resolved
// the way the browser will resolve it (`/\evil.example` and `/<tab>/evil.example` both mean `//evil.example`) and
// kept only when that stays on the console's own origin.

/** `next` as a path on `origin` (path, query and fragment), or `/` when it is absent or leads elsewhere. */
export function safeNext(next: string | null, origin: string): string {
  if (next === null || !next.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : '/';
}
