import { describe, expect, it } from 'vitest';
import { buildResourceTypes } from './build-resource-types.js';
import { buildSchemas } from './build-schemas.js';

const BASE = 'https://muster.example.com/scim/v2';

type Doc = Record<string, unknown>;

function attribute(schema: Doc, name: string): Doc {
  const found = (schema['attributes'] as Doc[]).find((a) => a['name'] === name);
  if (found === undefined) throw new Error(name);
  return found;
}

describe('buildSchemas', () => {
  const schemas = buildSchemas(BASE) as Doc[];
  const byId = new Map(schemas.map((s) => [s['id'] as string, s]));

  it('publishes every schema the resource types reference, with its location', () => {
    const referenced = buildResourceTypes(BASE).flatMap((t) => [
      t['schema'] as string,
      ...(t['schemaExtensions'] as Doc[]).map((e) => e['schema'] as string),
    ]);
    expect([...byId.keys()].sort()).toEqual([...referenced].sort());
    for (const schema of schemas) {
      expect(schema['schemas']).toEqual(['urn:ietf:params:scim:schemas:core:2.0:Schema']);
      expect(schema['meta']).toEqual({
        resourceType: 'Schema',
        location: `${BASE}/Schemas/${schema['id'] as string}`,
      });
    }
  });

  it('uses the RFC 7643 §7 attribute representation', () => {
    const user = byId.get('urn:ietf:params:scim:schemas:core:2.0:User')!;
    expect(attribute(user, 'userName')).toEqual({
      name: 'userName',
      type: 'string',
      multiValued: false,
      description: expect.stringContaining('Unique identifier for the User'),
      required: true,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'server',
    });
    expect(attribute(user, 'password')).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
    const emails = attribute(user, 'emails');
    expect(emails).toMatchObject({ type: 'complex', multiValued: true });
    expect((emails['subAttributes'] as Doc[]).map((s) => s['name'])).toEqual([
      'value',
      'display',
      'type',
      'primary',
    ]);
    expect((emails['subAttributes'] as Doc[])[2]).toMatchObject({
      canonicalValues: ['work', 'home', 'other'],
    });
  });

  it('describes the enterprise manager and group members', () => {
    const enterprise = byId.get('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User')!;
    const manager = attribute(enterprise, 'manager');
    expect((manager['subAttributes'] as Doc[]).map((s) => [s['name'], s['mutability']])).toEqual([
      ['value', 'readWrite'],
      ['$ref', 'readWrite'],
      ['displayName', 'readOnly'],
    ]);
    const group = byId.get('urn:ietf:params:scim:schemas:core:2.0:Group')!;
    const members = attribute(group, 'members');
    expect((members['subAttributes'] as Doc[]).find((s) => s['name'] === 'type')).toMatchObject({
      canonicalValues: ['User', 'Group'],
    });
  });

  it('returns JSON-serialisable documents', () => {
    expect(JSON.parse(JSON.stringify(schemas))).toEqual(schemas);
  });
});
