// Jest runs in native ESM mode (`node --experimental-vm-modules`): NestJS 12 and
// @kubernetes/client-node 2 are ESM-only packages.
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
}];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@restash/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@restash/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  // .stack/ and .cache/ hold the stack's state (etcd's *.snap files look like jest snapshots).
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/test', '<rootDir>/bench'],
};

export default {
  // Integration tests drive real Jobs, restic and databases; unit tests finish far sooner.
  testTimeout: 120_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,test/local-node,bench}/**/src/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/load-stack-env.ts'],
      slowTestThreshold: 30,
    },
  ],
};
