// `npm run api-types`: writes web/src/api/schema.d.ts from the admin API's OpenAPI document (scripts/api-types.ts).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { API_TYPES_FILE, renderApiTypes } from './api-types.js';

await writeFile(API_TYPES_FILE, await renderApiTypes());
process.stdout.write(`wrote ${fileURLToPath(API_TYPES_FILE)}\n`);
