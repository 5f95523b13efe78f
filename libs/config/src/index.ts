export * from './env-reader.js';
export * from './service-config.js';
export * from './transport-config.js';
