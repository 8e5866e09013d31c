// Lint rules fixed in config; `npm test` runs them (DESIGN.md convention 12).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'build/**',
      '.localcloud/**',
      '.preview/**',
      '.tmp/**',
      'coverage/**',
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
          ],
        },
      ],
    },
  },
  {
    // One source for both sides (miniprogram/shared): the functions bundle it, the mini program compiles it. It may
    // use dayjs and its own files only, and no mini program API.
    files: ['miniprogram/shared/**/*.ts'],
    languageOptions: {
      globals: { wx: 'off', App: 'off', Page: 'off', Component: 'off', getApp: 'off', Behavior: 'off' },
    },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!dayjs(/|$)|\\./[\\w-]+$)',
              message: 'miniprogram/shared runs on both sides: import only dayjs and files beside this one.',
            },
          ],
        },
      ],
    },
  },
  {
    // The functions may bundle the shared module from the mini program's folder, and nothing else of it.
    files: ['cloudfunctions/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)miniprogram/(?!shared/[\\w-]+$)',
              message:
                'Cloud functions may import only miniprogram/shared (the shared calendar, limits, choices).',
            },
          ],
        },
      ],
    },
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
