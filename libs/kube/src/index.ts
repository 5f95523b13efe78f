export * from './api-errors.js';
export * from './custom-resources.js';
export * from './kube-client.js';
export * from './kube.module.js';
export * from './leader-elector.js';
export * from './resource-informer.js';
export * from './work-queue.js';
