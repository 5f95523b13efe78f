export * from './readiness-registry.js';
export * from './run-service.js';
export * from './runtime.module.js';
export * from './tokens.js';
export * from './metric-kinds.js';
