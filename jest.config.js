/** HTTP, unit and data tests. Browser tests have their own config (jest.browser.config.js). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/{unit,integration}/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  // Generous: on a shared 2-core machine a sign-in (a memory-hard hash) and a page can take seconds each.
  testTimeout: 60000,
}
