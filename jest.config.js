/** Jest runs every test of the repository: unit, integration (real floo-server on loopback) and build gates. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^floo-miniprogram/protocol$': '<rootDir>/sdk/src/protocol.ts',
    '^floo-miniprogram$': '<rootDir>/sdk/src/index.ts',
  },
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 30000,
};
