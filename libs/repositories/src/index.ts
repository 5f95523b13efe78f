export * from './member-repository-resolver.js';
export * from './repository-unavailable-error.js';
