// RFC 7643 §7: schema and attribute metadata. The same definitions drive validation, coercion, projection,
// filtering, PATCH and the /Schemas discovery document, so discovery never lies.

export type AttrType =
  'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex' | 'binary';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type Returned = 'always' | 'never' | 'default' | 'request';
export type Uniqueness = 'none' | 'server' | 'global';

export interface AttributeDef {
  readonly name: string;
  readonly type: AttrType;
  readonly multiValued: boolean;
  readonly description: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly uniqueness: Uniqueness;
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
  readonly subAttributes?: readonly AttributeDef[];
}

export interface SchemaDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly AttributeDef[];
}

export interface SchemaExtensionRef {
  readonly schema: string;
  readonly required: boolean;
}

export type ResourceTypeName = 'User' | 'Group';

/** A resource type with its schemas resolved: what coercion, PATCH, projection and the SQL compiler work from. */
export interface ResourceTypeDef {
  readonly id: ResourceTypeName;
  readonly name: ResourceTypeName;
  readonly description: string;
  readonly endpoint: '/Users' | '/Groups';
  readonly schema: SchemaDef;
  readonly extensions: readonly { readonly schema: SchemaDef; readonly required: boolean }[];
}
