// The NestJS-free part of messaging: connecting, the streams, publishing, dead letters. One-shot runners
// import this entry alone, so a Job pod does not load the NestJS microservices transport at start.
export * from './dead-letter.js';
export * from './jetstream-publisher.js';
export * from './nats-connection.js';
export * from './permanent-message-error.js';
export * from './runner-nats-access.js';
export * from './streams.js';
