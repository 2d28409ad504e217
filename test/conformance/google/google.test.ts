// Google Workspace: its catalogue-app provisioning probes a SCIM base with `GET /Users?count=1` and expects a
// ListResponse. (Google does not push SCIM to custom apps; for those, Google is polled through the Admin SDK
// Directory API instead, which is outside the SCIM API these tests cover.)
import { describe, expect, it } from 'vitest';
import { LIST_RESPONSE, createUser, useScimApp } from '../scim-client.js';

const fx = useScimApp();

describe('Google Workspace probe', () => {
  it('answers GET /Users?count=1 on an empty directory with 200 and an empty ListResponse', async () => {
    const res = await fx.client.get('/Users?count=1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schemas: [LIST_RESPONSE], totalResults: 0, Resources: [] });
  });

  it('answers GET /Users?count=1 with one resource and the full total', async () => {
    await createUser(fx.client, 'a@google.example');
    await createUser(fx.client, 'b@google.example');
    const res = await fx.client.get('/Users?count=1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      schemas: [LIST_RESPONSE],
      totalResults: 2,
      startIndex: 1,
      itemsPerPage: 1,
    });
    expect(res.body.Resources).toHaveLength(1);
  });
});
