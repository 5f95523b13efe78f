export * from './event-ids.js';
export * from './member-run-spec.js';
export * from './object-identity.js';
export * from './parse-message.js';
export * from './run-request.js';
export * from './status-events.js';
export * from './subjects.js';
