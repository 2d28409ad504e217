// The console is typed from the OpenAPI document: a route or schema change that is not regenerated into
// web/src/api/schema.d.ts would let the console drift from the server unnoticed.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from '../../scripts/api-types.js';

describe('web/src/api/schema.d.ts', () => {
  it('matches the admin API OpenAPI document (run `npm run api-types` when this fails)', async () => {
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    expect(committed).toBe(await renderApiTypes());
  });
});
