// RFC 7643 §2.4: "The primary attribute value "true" MUST appear no more than once." A value written as primary by
// this operation wins and the others get `primary: false`; among several written as primary the first wins, as in
// coerceValue (rejecting the request over a cosmetic flag would break IdPs).
import { isJsonObject, type JsonValue } from '../../shared/json.js';

function isPrimary(item: JsonValue): boolean {
  return isJsonObject(item) && item['primary'] === true;
}

export function settlePrimary(list: readonly JsonValue[], written: readonly JsonValue[]): void {
  const winner = written.find(isPrimary);
  if (winner === undefined) return;
  for (const item of list) {
    if (item !== winner && isJsonObject(item) && item['primary'] === true) item['primary'] = false;
  }
}
