// Lint rules fixed in config; `npm test` runs them (DESIGN.md convention 12).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

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
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
