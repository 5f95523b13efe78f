export * from './logger.js';
export * from './metrics-registry.js';
export * from './secret-scrubber.js';
