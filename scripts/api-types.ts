// The console's API types (web/src/api/schema.d.ts) are generated from the admin API's OpenAPI document, which the
// server builds from the same TypeBox schemas it validates with: the console cannot call a route or read a field the
// server does not have without failing to compile. test/web/api-types.test.ts fails when the file is out of date.
import openapiTS, { astToString } from 'openapi-typescript';
import { createMuster } from '../src/compose.js';
import { loadConfig } from '../src/config/load-config.js';

export const API_TYPES_FILE = new URL('../web/src/api/schema.d.ts', import.meta.url);

const HEADER = `// Generated from GET /api/v1/openapi.json by \`npm run api-types\`; do not edit.\n`;

/** The OpenAPI document of a Muster built in memory. */
export async function readOpenApiDocument(): Promise<string> {
  const config = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    LOG_LEVEL: 'silent',
    WEBHOOK_WORKER: 'off',
    PROVISIONING_LOG_RETENTION_DAYS: 'off',
  });
  const muster = await createMuster(config);
  try {
    const response = await muster.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    if (response.statusCode !== 200)
      throw new Error(`GET /api/v1/openapi.json answered ${response.statusCode}`);
    return response.body;
  } finally {
    await muster.close();
  }
}

export async function renderApiTypes(): Promise<string> {
  const document: unknown = JSON.parse(await readOpenApiDocument());
  // Paths, not the server URL, are what the client is typed by; the document's server depends on PUBLIC_URL.
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}
