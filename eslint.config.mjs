// Lint rules fixed in config; `npm test` runs them (DESIGN.md convention 12).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// One folder per capability under cloudfunctions/ (common/ is shared code, not a capability).
const CAPABILITIES = readdirSync(new URL('./cloudfunctions/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'common')
  .map((d) => d.name);

/** A capability reads shared data through common/ (common/directory), never through another capability. */
const otherCapabilities = (cap) =>
  CAPABILITIES.filter((c) => c !== cap).map((c) => ({
    group: [`**/${c}`, `**/${c}/**`],
    message: `A capability never imports another capability (${c}): shared data lives in common/directory, shared code in common/.`,
  }));

/** Pure code (domain rules, document types) reaches no SDK and no I/O; types may still be imported. */
const PURE = {
  group: [
    'wx-server-sdk',
    '**/common/cloud',
    '**/common/db',
    '**/common/joins',
    '**/common/paging',
    '**/common/idempotency',
    '**/common/contentCheck',
    '**/common/notify',
    '**/store',
    '**/steps/**',
    '**/actions/**',
    '**/timers/**',
    '**/notices',
  ],
  allowTypeImports: true,
  message:
    'Pure code (domain/, documents.ts, common/directory) takes no SDK or I/O import; pass what it needs in.',
};
const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});
const PURE_FILES = (dir) => [`${dir}/domain/**/*.ts`, `${dir}/documents.ts`];

/** The product (functions, mini program, local cloud, demo seed) never imports from the tests. */
const notFromTests = {
  group: ['**/test/**', '**/test'],
  message: 'The product never imports from test/ (tools shared by tests and pictures live in simulator/).',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'build/**',
      '.localcloud/**',
      '.preview/**',
      '.tmp/**',
      'coverage/**',
      'localcloud/dist/**',
      'miniprogram/miniprogram_npm/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['miniprogram/**/*.ts', 'test/miniprogram/**/*.ts'],
    languageOptions: {
      globals: {
        wx: 'readonly',
        App: 'readonly',
        Page: 'readonly',
        Component: 'readonly',
        getApp: 'readonly',
        getCurrentPages: 'readonly',
        Behavior: 'readonly',
        WechatMiniprogram: 'readonly',
      },
    },
  },
  {
    // The mini program may take contract types from the functions, never their code (it would be bundled).
    files: ['miniprogram/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cloudfunctions/**', '**/localcloud/**', 'node:*'],
              allowTypeImports: true,
              message: 'Mini program code may only `import type` from cloud functions.',
            },
            notFromTests,
          ],
        },
      ],
    },
  },
  {
    files: ['cloudfunctions/**/*.ts', 'seed/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [notFromTests] }] },
  },
  {
    // localcloud/ is a package of its own: it knows nothing of this project.
    files: ['localcloud/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            notFromTests,
            {
              group: [
                '**/cloudfunctions/**',
                '**/miniprogram/**',
                '**/seed/**',
                '**/seed',
                '**/scripts/**',
                '**/bench/**',
                '**/preview/**',
                '**/simulator/**',
              ],
              message: 'localcloud/ is a package of its own: it imports nothing from the project around it.',
            },
          ],
        },
      ],
    },
  },
  ...CAPABILITIES.flatMap((cap) => [
    { files: [`cloudfunctions/${cap}/**/*.ts`], rules: restrict(otherCapabilities(cap)) },
    { files: PURE_FILES(`cloudfunctions/${cap}`), rules: restrict([...otherCapabilities(cap), PURE]) },
  ]),
  { files: ['cloudfunctions/common/**/*.ts'], rules: restrict(otherCapabilities('common')) },
  // Complexity budgets (warnings; a `switch` counts once): handlers — actions, timers, steps, stores, common —
  // split into named steps past 20; pure domain rules (state machines, the exact matcher) stay within 30.
  { files: ['cloudfunctions/**/*.ts'], rules: { complexity: ['warn', { max: 20, variant: 'modified' }] } },
  {
    files: ['cloudfunctions/*/domain/**/*.ts'],
    rules: { complexity: ['warn', { max: 30, variant: 'modified' }] },
  },
  {
    files: ['cloudfunctions/common/directory/**/*.ts'],
    ignores: ['cloudfunctions/common/directory/store.ts'],
    rules: restrict([...otherCapabilities('common'), PURE]),
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
