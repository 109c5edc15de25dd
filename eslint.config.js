// Lint guards the house more than the style (Prettier owns that): the recommended sets, and
// the one-way data flow ingest → metrics → diagnosis → report → cli, checked on every import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Each layer and the layers above it, which it must never import. */
const LAYERS_ABOVE = {
  ingest: ['metrics', 'diagnosis', 'benchmarks', 'report', 'cli'],
  metrics: ['diagnosis', 'benchmarks', 'report', 'cli'],
  // Peer benchmarks sit beside the diagnosis and read finished reports: the diagnosis gets their
  // figures passed down as plain data (PeerLookup), never by import.
  diagnosis: ['benchmarks', 'report', 'cli'],
  report: ['cli'],
};

function layerRule(layer, above) {
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: above.map((higher) => ({
            group: [`**/${higher}/*`, `**/${higher}/**`, `**/${higher}`],
            message: `src/${layer} sits below src/${higher}: data flows ingest → metrics → diagnosis → report → cli. Pass the value down instead (see CONTRIBUTING.md).`,
          })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        structuredClone: 'readonly',
        performance: 'readonly',
        AbortController: 'readonly',
      },
    },
    rules: {
      // The tool strips and escapes control characters from what the exports say: matching them is the point.
      'no-control-regex': 'off',
      // Destructuring a field away to copy the rest is how the report drops what it does not carry.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
    },
  },
  // TypeScript already knows every global; scripts in CommonJS need require and module.
  { files: ['**/*.ts'], rules: { 'no-undef': 'off' } },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...Object.entries(LAYERS_ABOVE).map(([layer, above]) => layerRule(layer, above)),
);
