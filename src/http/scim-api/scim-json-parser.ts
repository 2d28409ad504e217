// RFC 7644 §3.1/§8.1: request bodies are application/scim+json; IdPs also send application/json. Any charset
// parameter is accepted (JSON is UTF-8, RFC 8259 §8.1). Every other media type is left unparsed → 415.
import type { FastifyInstance } from 'fastify';
import { invalidSyntax } from '../../scim/errors.js';

export const SCIM_MEDIA_TYPES = ['application/scim+json', 'application/json'] as const;

export function registerScimJsonParser(app: FastifyInstance, maxPayloadBytes: number): void {
  // Drop Fastify's defaults (application/json with its own errors, text/plain) inside this plugin only.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    [...SCIM_MEDIA_TYPES],
    { parseAs: 'string', bodyLimit: maxPayloadBytes },
    (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      // An empty body parses to "no body"; the route decides whether it needed one.
      if (text.trim() === '') {
        done(null, undefined);
        return;
      }
      try {
        done(null, JSON.parse(text) as unknown);
      } catch (error) {
        const reason = error instanceof Error ? error.message : 'unparsable';
        done(invalidSyntax(`The request body is not valid JSON: ${reason}`), undefined);
      }
    },
  );
}
