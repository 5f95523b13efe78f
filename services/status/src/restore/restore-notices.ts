import type { RestoreBatchStatus } from '@restash/api';
import { newFailures, warning } from '../batch/batch-notices.js';
import { findCondition } from '../conditions/condition-list.js';
import type { Notice } from '../kube-events/notice.js';
import { hostNotices } from '../session/session-notices.js';
import { FINISH_REASONS } from '../session/session-update.js';
import { describeTarget, sameTarget } from '../targets/same-target.js';
import { isFinalRestorePhase, RESTORE_FINISHED } from './restore-reducer.js';

/** The Event reasons on a RestoreBatch. */
export const RESTORE_EVENT_REASONS = {
  running: 'RestoreBatchRunning',
  hostSucceeded: 'HostRestoreSucceeded',
  hostFailed: 'HostRestoreFailed',
  succeeded: 'RestoreBatchSucceeded',
  failed: 'RestoreBatchFailed',
  invalid: 'RestoreBatchInvalid',
} as const;

/**
 * The Events a status change deserves: the restore starting, each new host result, each new failed
 * condition (a hook's failure, with its message), the final phase with its cause.
 */
export function restoreNotices(before: RestoreBatchStatus | undefined, after: RestoreBatchStatus): Notice[] {
  const notices: Notice[] = [];
  if (after.phase === 'Running' && before?.phase !== 'Running') {
    notices.push({ type: 'Normal', reason: RESTORE_EVENT_REASONS.running, message: `Restore of ${after.members?.length ?? 0} member(s) is running.` });
  }
  notices.push(...newFailures(before?.conditions, after.conditions).map((condition) => warning(condition, '')));
  for (const member of after.members ?? []) {
    const earlier = before?.members?.find((candidate) => sameTarget(candidate.ref, member.ref));
    notices.push(...newFailures(earlier?.conditions, member.conditions).map((condition) => warning(condition, `${describeTarget(member.ref)}: `)));
  }
  notices.push(...hostNotices(before?.members, after.members, { work: 'Restore', succeeded: RESTORE_EVENT_REASONS.hostSucceeded, failed: RESTORE_EVENT_REASONS.hostFailed }));
  if (isFinalRestorePhase(after.phase) && !isFinalRestorePhase(before?.phase)) notices.push(finalNotice(after));
  return notices;
}

function finalNotice(status: RestoreBatchStatus): Notice {
  const took = status.sessionDuration ? ` in ${status.sessionDuration}` : '';
  switch (status.phase) {
    case 'Succeeded':
      return { type: 'Normal', reason: RESTORE_EVENT_REASONS.succeeded, message: `Restore succeeded${took}.` };
    case 'Invalid':
      return { type: 'Warning', reason: RESTORE_EVENT_REASONS.invalid, message: `RestoreBatch is invalid: ${findCondition(status.conditions, RESTORE_FINISHED)?.message ?? 'unknown cause.'}` };
    default:
      return { type: 'Warning', reason: RESTORE_EVENT_REASONS.failed, message: `Restore failed${took}: ${failureCause(status)}` };
  }
}

function failureCause(status: RestoreBatchStatus): string {
  const finish = findCondition(status.conditions, RESTORE_FINISHED);
  if (finish && finish.reason !== FINISH_REASONS.completed && finish.message) return finish.message;
  const failed = (status.members ?? []).filter((member) => member.phase === 'Failed').map((member) => describeTarget(member.ref));
  return failed.length > 0 ? `member(s) ${failed.join(', ')} failed.` : 'unknown cause.';
}
