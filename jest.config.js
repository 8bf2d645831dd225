/** One Jest run: unit specs beside the code, cross-cutting suites in test/. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^@ledger/domain$': '<rootDir>/libs/domain/src',
    '^@ledger/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
    '^@ledger/event-store$': '<rootDir>/libs/event-store/src',
    '^@ledger/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
    '^@ledger/projections$': '<rootDir>/libs/projections/src',
    '^@ledger/projections/(.*)$': '<rootDir>/libs/projections/src/$1',
    '^@ledger/jobs$': '<rootDir>/libs/jobs/src',
    '^@ledger/jobs/(.*)$': '<rootDir>/libs/jobs/src/$1',
  },
  testTimeout: 30000,
};
