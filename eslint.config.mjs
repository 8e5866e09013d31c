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
    // Into its folder (`../../rooms/contract`), not any file of that name (proposals' `steps/reports.ts`).
    group: [`**/${c}/**`, `**/${c}/index`],
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

/** The functions may bundle the shared module from the mini program's folder (miniprogram/shared), nothing else. */
const onlySharedFromMiniprogram = {
  regex: '(^|/)miniprogram/(?!shared/[\\w-]+$)',
  message: 'Cloud functions may import only miniprogram/shared (the shared calendar, limits, choices).',
};
const FUNCTION_BASE = [notFromTests, onlySharedFromMiniprogram];

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
      // `import x = require('x')` is the typed way to load a CommonJS `export =` module (dayjs) under any compiler.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
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
  // Every rule of `no-restricted-imports` for a file is one list (a later config object replaces an earlier one's).
  { files: ['seed/**/*.ts'], rules: restrict([notFromTests]) },
  {
    // localcloud/ is a package of its own: it knows nothing of this project.
    files: ['localcloud/**/*.ts'],
    rules: restrict([
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
    ]),
  },
  {
    // One source for both sides (miniprogram/shared): the functions bundle it, the mini program compiles it. It may
    // use dayjs and its own files only, and no mini program API.
    files: ['miniprogram/shared/**/*.ts'],
    languageOptions: {
      globals: { wx: 'off', App: 'off', Page: 'off', Component: 'off', getApp: 'off', Behavior: 'off' },
    },
    rules: restrict([
      {
        regex: '^(?!dayjs(/|$)|\\./[\\w-]+$)',
        message: 'miniprogram/shared runs on both sides: import only dayjs and files beside this one.',
      },
    ]),
  },
  { files: ['cloudfunctions/**/*.ts'], rules: restrict(FUNCTION_BASE) },
  {
    // `import { z } from 'zod'` carries all of zod and its forty-odd locales into every bundle (~380 KB minified).
    files: ['cloudfunctions/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='zod'][importKind!='type'] ImportSpecifier[imported.name='z']",
          message:
            "Import zod as a namespace (`import * as z from 'zod'`): the named `z` bundles every locale.",
        },
      ],
    },
  },
  ...CAPABILITIES.flatMap((cap) => [
    {
      files: [`cloudfunctions/${cap}/**/*.ts`],
      rules: restrict([...FUNCTION_BASE, ...otherCapabilities(cap)]),
    },
    {
      files: PURE_FILES(`cloudfunctions/${cap}`),
      rules: restrict([...FUNCTION_BASE, ...otherCapabilities(cap), PURE]),
    },
  ]),
  {
    files: ['cloudfunctions/common/**/*.ts'],
    rules: restrict([...FUNCTION_BASE, ...otherCapabilities('common')]),
  },
  {
    files: ['cloudfunctions/common/directory/**/*.ts'],
    ignores: ['cloudfunctions/common/directory/store.ts'],
    rules: restrict([...FUNCTION_BASE, ...otherCapabilities('common'), PURE]),
  },
  // Complexity budgets (warnings; a `switch` counts once): handlers — actions, timers, steps, stores, common —
  // split into named steps past 20; pure domain rules (state machines, the exact matcher) stay within 30.
  { files: ['cloudfunctions/**/*.ts'], rules: { complexity: ['warn', { max: 20, variant: 'modified' }] } },
  {
    files: ['cloudfunctions/*/domain/**/*.ts'],
    rules: { complexity: ['warn', { max: 30, variant: 'modified' }] },
  },
  {
    // Dates are read in Beijing time through the one calendar: a Date's own fields are the device's (or the
    // server's) zone, and hand-shifted UTC fields are a second calendar.
    files: ['cloudfunctions/**/*.ts', 'miniprogram/**/*.ts'],
    ignores: ['miniprogram/shared/calendar.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes']
          .flatMap((f) => [`get${f}`, `getUTC${f}`])
          .concat(['getTimezoneOffset', 'toLocaleDateString', 'toLocaleTimeString'])
          .map((property) => ({
            property,
            message: 'Read dates through miniprogram/shared/calendar.ts (Beijing time, whatever the zone).',
          })),
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
