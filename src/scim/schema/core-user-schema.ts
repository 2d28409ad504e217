// RFC 7643 §4.1 and §8.7.1: the core User schema, attribute for attribute as the normative representation gives it.
import { defineAttribute, defineDisplay, definePrimary } from './define-attribute.js';
import type { AttributeDef, SchemaDef } from './schema-types.js';
import { CORE_USER_URN } from './schema-urns.js';

const nameSub = (name: string, description: string): AttributeDef =>
  defineAttribute(name, 'string', description);

/** `type` sub-attribute with the canonical values RFC 7643 §8.7.1 lists for the attribute. */
const typeSub = (description: string, canonicalValues?: readonly string[]): AttributeDef =>
  defineAttribute('type', 'string', description, canonicalValues === undefined ? {} : { canonicalValues });

/** entitlements, roles, x509Certificates (RFC 7643 §4.1.2): value, display, type, primary. */
const plainMultiValued = (name: string, description: string, valueType: 'string' | 'binary'): AttributeDef =>
  defineAttribute(name, 'complex', description, {
    multiValued: true,
    subAttributes: [
      defineAttribute(
        'value',
        valueType,
        `The value of ${name === 'x509Certificates' ? 'an X.509 certificate' : `a ${name.replace(/s$/, '')}`}.`,
      ),
      defineDisplay(),
      typeSub("A label indicating the attribute's function."),
      definePrimary(),
    ],
  });

export const CORE_USER_SCHEMA: SchemaDef = {
  id: CORE_USER_URN,
  name: 'User',
  description: 'User Account',
  attributes: [
    defineAttribute(
      'userName',
      'string',
      "Unique identifier for the User, typically used by the user to directly authenticate to the service provider. Each User MUST include a non-empty userName value. This identifier MUST be unique across the service provider's entire set of Users. REQUIRED.",
      { required: true, uniqueness: 'server' },
    ),
    defineAttribute(
      'name',
      'complex',
      "The components of the user's real name. Providers MAY return just the full name as a single string in the formatted sub-attribute, or they MAY return just the individual component attributes using the other sub-attributes, or they MAY return both.",
      {
        subAttributes: [
          nameSub(
            'formatted',
            "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display (e.g., 'Ms. Barbara J Jensen, III').",
          ),
          nameSub(
            'familyName',
            "The family name of the User, or last name in most Western languages (e.g., 'Jensen' given the full name 'Ms. Barbara J Jensen, III').",
          ),
          nameSub(
            'givenName',
            "The given name of the User, or first name in most Western languages (e.g., 'Barbara' given the full name 'Ms. Barbara J Jensen, III').",
          ),
          nameSub(
            'middleName',
            "The middle name(s) of the User (e.g., 'Jane' given the full name 'Ms. Barbara J Jensen, III').",
          ),
          nameSub(
            'honorificPrefix',
            "The honorific prefix(es) of the User, or title in most Western languages (e.g., 'Ms.' given the full name 'Ms. Barbara J Jensen, III').",
          ),
          nameSub(
            'honorificSuffix',
            "The honorific suffix(es) of the User, or suffix in most Western languages (e.g., 'III' given the full name 'Ms. Barbara J Jensen, III').",
          ),
        ],
      },
    ),
    defineAttribute(
      'displayName',
      'string',
      'The name of the User, suitable for display to end-users. The name SHOULD be the full name of the User being described, if known.',
    ),
    defineAttribute(
      'nickName',
      'string',
      "The casual way to address the user in real life, e.g., 'Bob' or 'Bobby' instead of 'Robert'. This attribute SHOULD NOT be used to represent a User's username (e.g., 'bjensen' or 'mpepperidge').",
    ),
    defineAttribute(
      'profileUrl',
      'reference',
      "A fully qualified URL pointing to a page representing the User's online profile.",
      { referenceTypes: ['external'] },
    ),
    defineAttribute('title', 'string', 'The user\'s title, such as "Vice President."'),
    defineAttribute(
      'userType',
      'string',
      "Used to identify the relationship between the organization and the user. Typical values used might be 'Contractor', 'Employee', 'Intern', 'Temp', 'External', and 'Unknown', but any value may be used.",
    ),
    defineAttribute(
      'preferredLanguage',
      'string',
      "Indicates the User's preferred written or spoken language. Generally used for selecting a localized user interface; e.g., 'en_US' specifies the language English and country US.",
    ),
    defineAttribute(
      'locale',
      'string',
      "Used to indicate the User's default location for purposes of localizing items such as currency, date time format, or numerical representations.",
    ),
    defineAttribute(
      'timezone',
      'string',
      "The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'.",
    ),
    defineAttribute('active', 'boolean', "A Boolean value indicating the User's administrative status."),
    defineAttribute(
      'password',
      'string',
      "The User's cleartext password. This attribute is intended to be used as a means to specify an initial password when creating a new User or to reset an existing User's password.",
      { mutability: 'writeOnly', returned: 'never' },
    ),
    defineAttribute(
      'emails',
      'complex',
      "Email addresses for the user. The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'.",
      {
        multiValued: true,
        subAttributes: [
          defineAttribute(
            'value',
            'string',
            "Email addresses for the user. The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'.",
          ),
          defineDisplay(),
          typeSub("A label indicating the attribute's function, e.g., 'work' or 'home'.", [
            'work',
            'home',
            'other',
          ]),
          definePrimary(),
        ],
      },
    ),
    defineAttribute(
      'phoneNumbers',
      'complex',
      "Phone numbers for the User. The value SHOULD be canonicalized by the service provider according to the format specified in RFC 3966, e.g., 'tel:+1-201-555-0123'. Canonical type values of 'work', 'home', 'mobile', 'fax', 'pager', and 'other'.",
      {
        multiValued: true,
        subAttributes: [
          defineAttribute('value', 'string', 'Phone number of the User.'),
          defineDisplay(),
          typeSub("A label indicating the attribute's function, e.g., 'work', 'home', 'mobile'.", [
            'work',
            'home',
            'mobile',
            'fax',
            'pager',
            'other',
          ]),
          definePrimary(),
        ],
      },
    ),
    defineAttribute('ims', 'complex', 'Instant messaging addresses for the User.', {
      multiValued: true,
      subAttributes: [
        defineAttribute('value', 'string', 'Instant messaging address for the User.'),
        defineDisplay(),
        typeSub("A label indicating the attribute's function, e.g., 'aim', 'gtalk', 'xmpp'.", [
          'aim',
          'gtalk',
          'icq',
          'xmpp',
          'msn',
          'skype',
          'qq',
          'yahoo',
        ]),
        definePrimary(),
      ],
    }),
    defineAttribute('photos', 'complex', 'URLs of photos of the User.', {
      multiValued: true,
      subAttributes: [
        defineAttribute('value', 'reference', 'URL of a photo of the User.', {
          referenceTypes: ['external'],
        }),
        defineDisplay(),
        typeSub("A label indicating the attribute's function, i.e., 'photo' or 'thumbnail'.", [
          'photo',
          'thumbnail',
        ]),
        definePrimary(),
      ],
    }),
    defineAttribute(
      'addresses',
      'complex',
      "A physical mailing address for this User. Canonical type values of 'work', 'home', and 'other'.",
      {
        multiValued: true,
        subAttributes: [
          defineAttribute(
            'formatted',
            'string',
            'The full mailing address, formatted for display or use with a mailing label. This attribute MAY contain newlines.',
          ),
          defineAttribute(
            'streetAddress',
            'string',
            'The full street address component, which may include house number, street name, P.O. box, and multi-line extended street address information. This attribute MAY contain newlines.',
          ),
          defineAttribute('locality', 'string', 'The city or locality component.'),
          defineAttribute('region', 'string', 'The state or region component.'),
          defineAttribute('postalCode', 'string', 'The zip code or postal code component.'),
          defineAttribute('country', 'string', 'The country name component.'),
          typeSub("A label indicating the attribute's function, e.g., 'work' or 'home'.", [
            'work',
            'home',
            'other',
          ]),
          definePrimary(),
        ],
      },
    ),
    defineAttribute(
      'groups',
      'complex',
      'A list of groups to which the user belongs, either through direct membership, through nested groups, or dynamically calculated.',
      {
        multiValued: true,
        mutability: 'readOnly',
        subAttributes: [
          defineAttribute('value', 'string', "The identifier of the User's group.", {
            mutability: 'readOnly',
          }),
          defineAttribute(
            '$ref',
            'reference',
            "The URI of the corresponding 'Group' resource to which the user belongs.",
            { mutability: 'readOnly', referenceTypes: ['User', 'Group'] },
          ),
          defineDisplay({ mutability: 'readOnly' }),
          typeSub("A label indicating the attribute's function, e.g., 'direct' or 'indirect'.", [
            'direct',
            'indirect',
          ]),
        ].map((sub): AttributeDef => ({ ...sub, mutability: 'readOnly' })),
      },
    ),
    plainMultiValued(
      'entitlements',
      'A list of entitlements for the User that represent a thing the User has.',
      'string',
    ),
    plainMultiValued(
      'roles',
      "A list of roles for the User that collectively represent who the User is, e.g., 'Student', 'Faculty'.",
      'string',
    ),
    plainMultiValued('x509Certificates', 'A list of certificates issued to the User.', 'binary'),
  ],
};
