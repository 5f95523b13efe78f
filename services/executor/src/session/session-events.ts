import { Injectable } from '@nestjs/common';
import type { Condition, HostBackupStats, TargetRef } from '@restash/api';
import { SUBJECTS, sessionEventId, type BackupSessionEvent, type ObjectIdentity } from '@restash/events';
import { JetStreamPublisher } from '@restash/messaging';
import { secretScrubber } from '@restash/observability';
import type { RecordCondition } from './global-hook.js';
import { HookMetrics } from '../metrics/hook-metrics.js';

/** Publishes what happens to a session for the status service; each fact has a stable message id. */
@Injectable()
export class SessionEvents {
  constructor(
    private readonly publisher: JetStreamPublisher,
    private readonly hooks: HookMetrics,
  ) {}

  async publish(event: BackupSessionEvent): Promise<void> {
    await this.publisher.publish(SUBJECTS.sessionStatus, event, sessionEventId(event));
    this.hooks.observe(event);
  }

  sessionCondition(session: ObjectIdentity, type: string, ok: boolean, reason: string, message: string): Promise<void> {
    return this.publish({ type: 'session-condition', session, condition: condition(type, ok, reason, message) });
  }

  targetCondition(session: ObjectIdentity, target: TargetRef, type: string, ok: boolean, reason: string, message: string): Promise<void> {
    return this.publish({ type: 'target-condition', session, target, condition: condition(type, ok, reason, message) });
  }

  /** Records conditions of one target, for hooks. */
  targetRecorder(session: ObjectIdentity, target: TargetRef): RecordCondition {
    return (type, ok, reason, message) => this.targetCondition(session, target, type, ok, reason, message);
  }

  /** A host that failed without a runner to report it (blocked, misconfigured, died, timed out). */
  hostFailed(session: ObjectIdentity, target: TargetRef, hostname: string, error: string): Promise<void> {
    const result: HostBackupStats = { hostname, phase: 'Failed', error: secretScrubber.scrub(error) };
    return this.publish({ type: 'host-result', session, target, result, finishedAt: new Date().toISOString() });
  }

  skipped(session: ObjectIdentity, reason: string): Promise<void> {
    return this.publish({ type: 'session-skipped', session, at: new Date().toISOString(), reason });
  }

  finished(session: ObjectIdentity, error?: string): Promise<void> {
    return this.publish({ type: 'session-finished', session, at: new Date().toISOString(), ...(error && { error: secretScrubber.scrub(error) }) });
  }
}

/** A condition as a service reports it: stamped now, its message scrubbed of known secrets. */
export function condition(type: string, ok: boolean, reason: string, message: string): Condition {
  return { type, status: ok ? 'True' : 'False', reason, message: secretScrubber.scrub(message), lastTransitionTime: new Date().toISOString() };
}
