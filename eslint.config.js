// One lint setup for the whole repo. The import rules below are the architecture's
// dependency direction (web -> core, server -> core, core -> nothing of ours),
// enforced here so nobody has to remember it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Bare built-in names are listed as exact paths: as patterns they would also
// match our own modules (`./http`).
const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'url',
  'stream',
  'http',
  'https',
  'util',
  'buffer',
  'process',
  'events',
  'zlib',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/cdk.out/**',
      'packages/core/test/golden/**',
      '**/.venv/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'packages/core runs in the browser too: no Node built-ins. Do I/O in an app.',
          })),
          patterns: [
            {
              group: ['node:*'],
              message:
                'packages/core runs in the browser too: no Node built-ins. Do I/O in an app.',
            },
            {
              group: ['react', 'react-dom', 'hono', 'hono/*', '@xyflow/*'],
              message: 'packages/core is framework-free.',
            },
            {
              group: ['**/apps/**', '@gatewright/server', '@gatewright/web'],
              message: 'core never imports from an app.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'No Node globals in core.' },
        { name: 'Buffer', message: 'No Node globals in core.' },
        { name: 'window', message: 'No DOM in core.' },
        { name: 'document', message: 'No DOM in core.' },
      ],
    },
  },
  {
    files: ['apps/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/web/**', '@gatewright/web'],
              message: 'Nothing imports from apps/web.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'apps/web runs in the browser: no Node built-ins.' },
            {
              group: ['@gatewright/server', '@gatewright/server/*', '**/apps/server/**'],
              allowTypeImports: true,
              message:
                'The web app reaches the server over HTTP only: import its AppType as a type.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@gatewright/*', '**/apps/**', '**/packages/**'],
              message: 'e2e drives the built app and the real server; it imports no source.',
            },
          ],
        },
      ],
    },
  },
);
