// Four projects, one run: fast pure unit tests next to the source, and the slow ones under test/
// that talk to the real database (and, for e2e, the real HTTP endpoint and a connector stand-in).
// tsconfig sets isolatedModules, so ts-jest only transpiles; `tsc --noEmit` in npm test type-checks.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };
const common = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'] };
// Only the projects that talk to a database start one. Jest runs a project's globalSetup only when
// a test of that project is selected, and runs each distinct setup file once per run, so the three
// database projects share one server and `--selectProjects unit` starts none.
// A generous timeout for the database projects: a test that waits on a real server must not fail
// because a shared 2-core machine is busy. It is a guard against hangs, not a speed assertion.
// (`testTimeout` is a run-wide option: inside a project jest ignores it, so it is set below.)
const database = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.test.ts'] },
    { ...common, ...database, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, ...database, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    // Chromium driving the Microsoft 365 Agents Playground in front of the real service.
    { ...common, ...database, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
};
