/** Unit specs sit next to the code; integration and e2e specs under each package's test/. */
// Transpile only: `npm test` type-checks everything (tests included) before Jest runs.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper: { '^@icims-sync/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-unit.setup.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/*/test/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-integration.setup.ts'],
      slowTestThreshold: 30,
    },
  ],
};
