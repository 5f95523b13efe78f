import { createHash } from 'node:crypto';
import type { Condition, TargetRef } from '@restash/api';
import type { RestoreBatchEvent } from './restore-events.js';
import type { BackupSessionEvent } from './status-events.js';

/**
 * The JetStream message id of a session event: the same fact published twice (a retried step, a
 * runner and the executor both reporting a host) is stored once, and the first report wins.
 */
export function sessionEventId(event: BackupSessionEvent): string {
  const base = `${event.session.uid}:${event.type}`;
  switch (event.type) {
    case 'host-result':
      return `${base}:${targetId(event.target)}:${event.result.hostname}`;
    case 'target-started':
      return `${base}:${targetId(event.target)}`;
    case 'target-condition':
      return `${base}:${targetId(event.target)}:${event.condition.type}`;
    case 'session-condition':
      return `${base}:${event.condition.type}`;
    default:
      return base;
  }
}

/**
 * The JetStream message id of a RestoreBatch event, as sessionEventId. A condition's id also covers
 * what it says, so a condition that changes (the injector's verdict on a later try) is a new fact.
 */
export function restoreEventId(event: RestoreBatchEvent): string {
  const base = `${event.restore.uid}:${event.type}`;
  switch (event.type) {
    case 'restore-host-result':
      return `${base}:${targetId(event.target)}:${event.result.hostname}`;
    case 'member-started':
      return `${base}:${targetId(event.target)}`;
    case 'member-condition':
      return `${base}:${targetId(event.target)}:${conditionId(event.condition)}`;
    case 'restore-condition':
      return `${base}:${conditionId(event.condition)}`;
    default:
      return base;
  }
}

function targetId(target: TargetRef): string {
  return `${target.kind}/${target.name}`;
}

function conditionId(condition: Condition): string {
  const essence = createHash('sha256').update([condition.reason ?? '', condition.message ?? ''].join('\0')).digest('hex').slice(0, 12);
  return `${condition.type}:${condition.status}:${essence}`;
}
