export * from './queue.module.js';
export * from './redis-connection.js';
