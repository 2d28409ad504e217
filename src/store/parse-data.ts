// Reads a stored JSON document back. The store wrote it, so anything but an object is corruption, not a client error.
import { isJsonObject, type JsonObject } from '../shared/json.js';

export function parseData(text: string | JsonObject): JsonObject {
  // PostgreSQL drivers return jsonb already parsed; SQLite returns the text.
  const value: unknown = typeof text === 'string' ? JSON.parse(text) : text;
  if (!isJsonObject(value)) throw new Error('stored resource data is not a JSON object');
  return value;
}
