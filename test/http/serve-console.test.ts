// The admin console at `/`: built files, deep links answered with index.html, APIs keeping their own 404s, and the
// headers that keep the console from being framed or running foreign scripts.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFixture } from './http-fixture.js';

const INDEX =
  '<!doctype html><title>Muster</title><script type="module" src="/assets/index-abc123.js"></script>';

async function consoleApp(dir: string): Promise<FastifyInstance> {
  return (await createHttpFixture({ consoleDir: dir })).app;
}

describe('the built console', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'muster-console-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log("muster")');
    await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await consoleApp(dir);
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and at every deep link, never cached, with a strict CSP', async () => {
    for (const url of ['/', '/settings/admin/scim', '/users/0193e5d0-0000-7000-8000-000000000001?tab=keys']) {
      const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toBe(INDEX);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });

  it('serves hashed assets with a year of immutable caching and other files revalidated', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('leaves the APIs their own answers for unknown paths', async () => {
    const admin = await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { accept: 'text/html' } });
    expect(admin.statusCode).toBe(404);
    const scim = await app.inject({ method: 'GET', url: '/scim/v2/nope', headers: { accept: 'text/html' } });
    expect(scim.headers['content-type']).toMatch(/^application\/scim\+json/);
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
  });

  it('answers 404 JSON, not the console, for writes and for clients that do not accept HTML', async () => {
    const post = await app.inject({ method: 'POST', url: '/settings', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.headers['content-type']).toMatch(/^application\/json/);
    const json = await app.inject({
      method: 'GET',
      url: '/missing.js',
      headers: { accept: 'application/json' },
    });
    expect(json.statusCode).toBe(404);
  });
});

describe('a console that was not built', () => {
  it('says how to build it instead of failing obscurely', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'muster-console-empty-'));
    const app = await consoleApp(dir);
    try {
      const res = await app.inject({
        method: 'GET',
        url: '/settings/admin/scim',
        headers: { accept: 'text/html' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('npm run build');
      const api = await app.inject({ method: 'GET', url: '/healthz' });
      expect(api.statusCode).toBe(200);
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
