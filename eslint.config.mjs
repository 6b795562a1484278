// ESLint: TypeScript recommended rules everywhere, plus the SDK's layering rule: the platform-neutral
// core (sdk/src/core, sdk/src/protocol) never names a platform global or imports a platform module.
import tseslint from 'typescript-eslint';

const platformGlobals = ['wx', 'window', 'Buffer', 'process', 'global', 'document', 'localStorage'].map((name) => ({
  name,
  message: `${name} is platform-specific: take it from the Platform passed to createClient (sdk/src/platform).`,
}));

export default tseslint.config(
  { ignores: ['.official-bundles/**', '**/generated/**', '**/dist/**', '**/node_modules/**', '**/miniprogram_npm/**', 'coverage/**', '.floo-data/**', 'test/support/summary-reporter.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain CommonJS launchers and config files.
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['sdk/src/core/**/*.ts', 'sdk/src/protocol/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...platformGlobals],
      'no-restricted-imports': ['error', {
        paths: ['ws', 'fs', 'path', 'net', 'http', 'https', 'crypto', 'zlib', 'os', 'buffer', 'process'],
        // core/platform.ts (the interface) is fine; the implementations in sdk/src/platform are not.
        patterns: [{ group: ['node:*', '../../platform', '../../platform/*', '../../../platform/*', '**/platform/wx', '**/platform/wx/*', '**/platform/node', '**/platform/node/*'], message: 'core and protocol stay platform-free' }],
      }],
      'no-restricted-properties': ['error',
        { object: 'globalThis', property: 'wx', message: 'core stays platform-free' },
        { object: 'globalThis', property: 'process', message: 'core stays platform-free' },
        { object: 'globalThis', property: 'Buffer', message: 'core stays platform-free' },
      ],
    },
  },
);
