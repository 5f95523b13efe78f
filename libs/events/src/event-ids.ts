import type { BackupSessionEvent } from './status-events.js';

/**
 * The JetStream message id of a session event: the same fact published twice (a retried step, a
 * runner and the executor both reporting a host) is stored once, and the first report wins.
 */
export function sessionEventId(event: BackupSessionEvent): string {
  const base = `${event.session.uid}:${event.type}`;
  switch (event.type) {
    case 'host-result':
      return `${base}:${event.target.kind}/${event.target.name}:${event.result.hostname}`;
    case 'target-started':
      return `${base}:${event.target.kind}/${event.target.name}`;
    case 'target-condition':
      return `${base}:${event.target.kind}/${event.target.name}:${event.condition.type}`;
    case 'session-condition':
      return `${base}:${event.condition.type}`;
    default:
      return base;
  }
}
