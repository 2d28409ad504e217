// Validation of what admins send for webhook endpoints and listings: each bad value gets a 400 invalidValue that says
// what is accepted.
import { invalidValue } from '../scim/errors.js';
import { EVENT_TYPES } from './events.js';
import type { EventType } from './ports.js';

const MAX_URL_LENGTH = 2048;
const MAX_DESCRIPTION_LENGTH = 500;
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

export function checkWebhookUrl(raw: unknown): string {
  const problem = `url must be an absolute http:// or https:// URL of at most ${MAX_URL_LENGTH} characters, without credentials or fragment`;
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) throw invalidValue(problem);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidValue(problem);
  }
  // fetch() refuses URLs with credentials, and a fragment is never sent: both would only mislead.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidValue(problem);
  if (url.username !== '' || url.password !== '' || url.hash !== '') throw invalidValue(problem);
  return url.href;
}

export function checkWebhookDescription(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > MAX_DESCRIPTION_LENGTH) {
    throw invalidValue(`description must be a string of at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  return raw.trim();
}

export function checkWebhookEventTypes(raw: unknown): readonly EventType[] {
  if (!Array.isArray(raw)) throw invalidValue('eventTypes must be an array of event types ([] = every type)');
  const known: readonly string[] = EVENT_TYPES;
  const types: EventType[] = [];
  for (const item of raw as readonly unknown[]) {
    const type = EVENT_TYPES.find((t) => t === item);
    if (type === undefined) {
      throw invalidValue(`unknown event type ${JSON.stringify(item)}; known types: ${known.join(', ')}`);
    }
    if (!types.includes(type)) types.push(type);
  }
  return types;
}

export function checkWebhookEnabled(raw: unknown): boolean {
  if (typeof raw !== 'boolean') throw invalidValue('enabled must be true or false');
  return raw;
}

export function checkWebhookPageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalidValue(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return limit;
}
