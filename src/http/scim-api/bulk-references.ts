// RFC 7644 §3.7.2: `bulkId:<id>` stands for the id of the resource another operation of the same request
// creates. It may appear as a whole string value anywhere in `data` (members[].value) and as the id segment of
// `path` (/Groups/bulkId:qwerty).
const PREFIX = 'bulkId:';

function referenceOf(value: string): string | undefined {
  return value.startsWith(PREFIX) && value.length > PREFIX.length ? value.slice(PREFIX.length) : undefined;
}

/** Every bulkId the operation's path and data refer to. */
export function findBulkReferences(path: string, data: unknown): Set<string> {
  const found = new Set<string>();
  for (const segment of path.split('/')) {
    const ref = referenceOf(segment);
    if (ref !== undefined) found.add(ref);
  }
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const ref = referenceOf(value);
      if (ref !== undefined) found.add(ref);
    } else if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(walk);
    }
  };
  walk(data);
  return found;
}

/** Replaces resolved references; never mutates the input. */
export function resolveBulkReferences<T>(value: T, ids: ReadonlyMap<string, string>): T {
  const replace = (item: unknown): unknown => {
    if (typeof item === 'string') {
      const ref = referenceOf(item);
      return ref === undefined ? item : (ids.get(ref) ?? item);
    }
    if (Array.isArray(item)) return item.map(replace);
    if (typeof item === 'object' && item !== null) {
      return Object.fromEntries(Object.entries(item).map(([key, v]) => [key, replace(v)]));
    }
    return item;
  };
  return replace(value) as T;
}

export function resolveBulkPath(path: string, ids: ReadonlyMap<string, string>): string {
  return path
    .split('/')
    .map((segment) => {
      const ref = referenceOf(segment);
      return ref === undefined ? segment : (ids.get(ref) ?? segment);
    })
    .join('/');
}
