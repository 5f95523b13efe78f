export * from './api-errors.js';
export * from './custom-resources.js';
export * from './kube-client.js';
export * from './kube.module.js';
