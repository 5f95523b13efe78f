import type { TargetRef } from '@restash/api';
import { subjectToken } from './agent-run-request.js';
import type { RestoreBatchEvent } from './restore-events.js';
import { SUBJECTS } from './subjects.js';

/**
 * `restash.status.restore-batch.<restore uid>.<kind lowercased>.<name>.<host>`: where a host's restore
 * result is published. One subject per host lets a `stash-init` container find out, from JetStream's
 * last message on it, whether its host was already restored for this RestoreBatch (a pod restart must
 * not restore over newer data).
 */
export function restoreHostSubject(restoreUid: string, target: Pick<TargetRef, 'kind' | 'name'>, host: string): string {
  return [SUBJECTS.restoreStatus, ...[restoreUid, target.kind.toLowerCase(), target.name, host].map(subjectToken)].join('.');
}

/** The subject a RestoreBatch event is published on: host results on their host's own subject, the rest on SUBJECTS.restoreStatus. */
export function restoreEventSubject(event: RestoreBatchEvent): string {
  return event.type === 'restore-host-result' ? restoreHostSubject(event.restore.uid, event.target, event.result.hostname) : SUBJECTS.restoreStatus;
}
