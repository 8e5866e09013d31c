// Two projects: `cloud` (node: local cloud, functions through the real SDK, pure domain) and
// `pages` (jsdom + miniprogram-simulate: pages tapped through against the real functions).
const swc = [
  '@swc/jest',
  { jsc: { target: 'es2021', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
];

const os = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  // Tests drive real functions through a local cloud on a shared 2-core CI machine: a burst of concurrent calls
  // can take seconds there. Budgets are measured by bench/, not by test timeouts.
  testTimeout: 60_000,
  // One worker per core (jest's default leaves one core idle, and a test file spends much of its time waiting on
  // function instances, which are threads of their own), at most 4: each worker runs its own clouds.
  maxWorkers: Math.min(4, Math.max(2, os.availableParallelism())),
  // The longest files first on a clean clone (jest orders untimed files by size).
  testSequencer: '<rootDir>/test/support/sequencer.js',
  projects: [
    {
      displayName: 'cloud',
      testEnvironment: 'node',
      testTimeout: 60_000,
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/{localcloud,cloud,domain,scripts}/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc },
    },
    {
      displayName: 'pages',
      testEnvironment: 'jsdom',
      testTimeout: 60_000,
      // Page tests run the local cloud in process: resolve packages for Node, not for the browser.
      testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/miniprogram/**/*.test.ts'],
      transform: {
        '^.+\\.ts$': swc,
        '^.+\\.js$': ['babel-jest', { plugins: ['@babel/plugin-transform-modules-commonjs'] }],
      },
      transformIgnorePatterns: ['/node_modules/'],
      moduleDirectories: ['miniprogram_npm', 'node_modules'],
      setupFilesAfterEnv: ['<rootDir>/simulator/setup.ts'],
      // Builds miniprogram/miniprogram_npm (TDesign) when the lockfile changed; ~1 ms otherwise.
      globalSetup: '<rootDir>/simulator/global-setup.ts',
    },
  ],
};

// `pictures` (test/pictures, preview/): the pages environment (jsdom + simulate + the shared setup) photographing
// every page of app.json; Chromium runs in a child process (playwright-core cannot load under jsdom).
const pages = module.exports.projects.find((p) => p.displayName === 'pages');
module.exports.projects.push({
  ...pages,
  displayName: 'pictures',
  testMatch: ['<rootDir>/test/pictures/**/*.test.ts'],
});
