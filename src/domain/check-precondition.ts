// RFC 7644 §3.14: a write with If-Match applies only while the client's version is current.
import { preconditionFailed } from '../scim/errors.js';
import { etagMatches, formatEtag } from '../scim/resource/etag.js';

export function checkPrecondition(ifMatch: string | undefined, currentVersion: number): void {
  if (ifMatch === undefined) return;
  const current = formatEtag(currentVersion);
  if (!etagMatches(ifMatch, current)) {
    throw preconditionFailed(`If-Match ${ifMatch} does not match the current version ${current}`);
  }
}
