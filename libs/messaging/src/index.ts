export * from './nats.js';
export * from './jetstream-context.js';
export * from './jetstream-server.js';
export * from './messaging.module.js';
export * from './redelivery-delay.js';
export * from './rethrow-rpc-errors.filter.js';
export * from './start-consumers.js';
