import { Injectable } from '@nestjs/common';
import type { TargetRef } from '@restash/api';
import { restoreEventId, restoreEventSubject, type ObjectIdentity, type RestoreBatchEvent } from '@restash/events';
import { JetStreamPublisher } from '@restash/messaging';
import { secretScrubber } from '@restash/observability';
import type { RecordCondition } from '../session/global-hook.js';
import { condition } from '../session/session-events.js';

/** Publishes what happens to a RestoreBatch for the status service; each fact has a stable message id. */
@Injectable()
export class RestoreEvents {
  constructor(private readonly publisher: JetStreamPublisher) {}

  async publish(event: RestoreBatchEvent): Promise<void> {
    await this.publisher.publish(restoreEventSubject(event), event, restoreEventId(event));
  }

  /** Records conditions of the RestoreBatch itself (its global hooks). */
  recorder(restore: ObjectIdentity): RecordCondition {
    return (type, ok, reason, message) => this.publish({ type: 'restore-condition', restore, condition: condition(type, ok, reason, message) });
  }

  /** Records conditions of one member. */
  memberRecorder(restore: ObjectIdentity, target: TargetRef): RecordCondition {
    return (type, ok, reason, message) => this.publish({ type: 'member-condition', restore, target, condition: condition(type, ok, reason, message) });
  }

  memberStarted(restore: ObjectIdentity, target: TargetRef, totalHosts: number): Promise<void> {
    return this.publish({ type: 'member-started', restore, target, totalHosts });
  }

  /** A host that failed without a runner to report it (hook, misconfiguration, a dead Job, a timeout); a real report wins (same id). */
  hostFailed(restore: ObjectIdentity, target: TargetRef, hostname: string, error: string): Promise<void> {
    const result = { hostname, phase: 'Failed' as const, error: secretScrubber.scrub(error) };
    return this.publish({ type: 'restore-host-result', restore, target, result, finishedAt: new Date().toISOString() });
  }

  finished(restore: ObjectIdentity, error?: string): Promise<void> {
    return this.publish({ type: 'restore-finished', restore, at: new Date().toISOString(), ...(error && { error: secretScrubber.scrub(error) }) });
  }
}
