// RFC 7644 §3.14 / RFC 9110 §8.8.3: weak entity tags derived from the resource version.

export function formatEtag(version: number): string {
  return `W/"${version}"`;
}

/** If-Match / If-None-Match comparison: `*`, a comma-separated list, weak or strong forms all accepted. */
export function etagMatches(header: string, current: string): boolean {
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  const want = opaque(current);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === want);
}
