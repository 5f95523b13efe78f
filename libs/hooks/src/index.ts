export * from './hook-error.js';
export * from './hook-runner.js';
