// Lint: typescript-eslint strict-type-checked, plus the layer arrows of docs/architecture.md as import zones.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

/** "from" may not be imported by "target": each entry is one forbidden arrow between layers. */
const layerZones = [
  // scim/ is the pure protocol core: it imports only shared/.
  { target: './src/scim', from: './src', except: ['./scim', './shared'] },
  // domain/ holds the use cases: scim/ and shared/ only (ports.ts declares what it needs from outside).
  { target: './src/domain', from: './src', except: ['./domain', './scim', './shared'] },
  // store/ implements the domain ports.
  { target: './src/store', from: './src', except: ['./store', './domain', './scim', './shared'] },
  // auth/ verifies credentials through the domain.
  { target: './src/auth', from: './src', except: ['./auth', './domain', './scim', './shared'] },
  // http/ never touches the store directly and never reads the environment.
  {
    target: './src/http',
    from: './src',
    except: ['./http', './domain', './scim', './auth', './config', './shared'],
  },
  // config/ is a leaf.
  { target: './src/config', from: './src', except: ['./config', './shared'] },
  // shared/ is a leaf.
  { target: './src/shared', from: './src', except: ['./shared'] },
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'bench/**', 'data/**', 'coverage/**', 'web/dist/**', 'bin/**'],
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
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
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
          message: 'Only src/config reads process.env.',
        },
      ],
    },
  },
  {
    files: ['src/config/**', 'src/cli/**', 'test/**', 'src/**/*.test.ts'],
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
