// Text a database cannot hold (PostgreSQL: U+0000) is the client's mistake, not a server error: runs `work` and turns
// the driver's error for such a value into the SCIM error `toError` gives (400 invalidFilter, invalidValue).
import type { ScimError } from '../scim/errors.js';
import type { SqlDialect } from './sql-dialect.js';

export async function rejectUnsupportedText<T>(
  dialect: SqlDialect,
  work: () => Promise<T>,
  toError: (detail: string) => ScimError,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (dialect.isUnsupportedText(error)) throw toError('text containing U+0000 (NUL) is not supported');
    throw error;
  }
}
