// Lint: typescript-eslint strict-type-checked, plus the layer arrows of docs/architecture.md as import zones.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layer arrows of docs/architecture.md: for each layer, the layers it may import. Enforced with core ESLint's
 * no-restricted-imports on import specifiers (for example `../domain/ports.js` in src/scim).
 */
const LAYERS = ['scim', 'domain', 'store', 'events', 'auth', 'http', 'config', 'cli', 'shared'];
const ALLOWED = {
  scim: ['shared'],
  domain: ['scim', 'shared'],
  store: ['domain', 'scim', 'shared'],
  events: ['domain', 'scim', 'shared'],
  auth: ['domain', 'scim', 'shared'],
  http: ['domain', 'scim', 'auth', 'config', 'shared'],
  config: ['shared'],
  shared: [],
};
const layerRules = Object.entries(ALLOWED).map(([layer, allowed]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: LAYERS.filter((other) => other !== layer && !allowed.includes(other)).map((other) => ({
          group: [`**/${other}/**`, `**/${other}`],
          message: `src/${layer} may import only ${[layer, ...allowed].join(', ')} (docs/architecture.md).`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'bench/**',
      'data/**',
      'coverage/**',
      'web/dist/**',
      'web/src/api/schema.d.ts',
      'bin/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only src/config, the CLI and main.ts read process.env.',
        },
      ],
    },
  },
  ...layerRules,
  {
    files: ['src/config/**', 'src/cli/**', 'src/main.ts', 'test/**', 'src/**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['test/**', 'src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
