/**
 * Jest runs every test of the repository in two projects:
 *  - node: unit, integration (real floo-server on loopback) and build gates, in Node.
 *  - ui: the demo mini-program's pages and components, rendered by miniprogram-simulate (j-component)
 *    with the official WXML compiler, in Node plus a jsdom DOM (test/ui/support/node-dom-environment.js).
 */
const ts = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }];
const sdkSource = {
  '^floo-miniprogram/protocol$': '<rootDir>/sdk/src/protocol.ts',
  '^floo-miniprogram$': '<rootDir>/sdk/src/index.ts',
};

module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 30000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/ui/'],
      transform: { '^.+\\.ts$': ts },
      moduleNameMapper: sdkSource,
    },
    {
      displayName: 'ui',
      testEnvironment: '<rootDir>/test/ui/support/node-dom-environment.js',
      roots: ['<rootDir>/test/ui'],
      testMatch: ['**/*.test.ts'],
      transform: {
        '^.+\\.ts$': ts,
        // TDesign ships ES modules.
        'miniprogram_npm/.+\\.js$': ['babel-jest', { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
      },
      moduleNameMapper: {
        // The demo requires the SDK as DevTools resolves it: the shipped bundle in miniprogram_npm.
        '^floo-miniprogram$': '<rootDir>/miniprogram/miniprogram_npm/floo-miniprogram/index.js',
        '^floo-miniprogram/protocol$': sdkSource['^floo-miniprogram/protocol$'],
      },
      // TDesign's own npm dependencies (tslib...) are vendored inside its dist.
      moduleDirectories: ['node_modules', '<rootDir>/miniprogram/miniprogram_npm/tdesign-miniprogram/miniprogram_npm'],
    },
  ],
};
