import type { BackupSessionStatus } from '@restash/api';
import { findCondition } from '../conditions/condition-list.js';
import type { Notice } from '../kube-events/notice.js';
import { describeTarget, sameTarget } from '../targets/same-target.js';
import { isFinalSessionPhase } from './session-phase.js';
import type { StatusTarget } from './session-targets.js';
import { FINISH_REASONS, SESSION_CONDITIONS } from './session-update.js';

/** Stash's Event reasons on a BackupSession. */
export const SESSION_EVENT_REASONS = {
  running: 'BackupSessionRunning',
  hostSucceeded: 'HostBackupSucceeded',
  hostFailed: 'HostBackupFailed',
  succeeded: 'BackupSessionSucceeded',
  failed: 'BackupSessionFailed',
  skipped: 'BackupSessionSkipped',
} as const;

/** The Events a status change deserves: the session starting, each new host result, the final phase. */
export function sessionNotices(before: BackupSessionStatus | undefined, after: BackupSessionStatus): Notice[] {
  const notices: Notice[] = [];
  if (after.phase === 'Running' && before?.phase !== 'Running') {
    notices.push({ type: 'Normal', reason: SESSION_EVENT_REASONS.running, message: `Backup of ${after.targets?.length ?? 0} target(s) is running.` });
  }
  notices.push(...hostNotices(before?.targets, after.targets, BACKUP_WORDS));
  if (isFinalSessionPhase(after.phase) && !isFinalSessionPhase(before?.phase)) notices.push(finalNotice(after));
  return notices;
}

/** How host Events read for one kind of work. */
export interface HostWords {
  work: string;
  succeeded: string;
  failed: string;
}

const BACKUP_WORDS: HostWords = { work: 'Backup', succeeded: SESSION_EVENT_REASONS.hostSucceeded, failed: SESSION_EVENT_REASONS.hostFailed };

/** One Event per host result the change added, in any target. */
export function hostNotices<T extends StatusTarget>(before: readonly T[] | undefined, after: readonly T[] | undefined, words: HostWords): Notice[] {
  return (after ?? []).flatMap((target) => newHosts(before, target).map((host) => hostNotice(target, host, words)));
}

function newHosts<T extends StatusTarget>(before: readonly T[] | undefined, target: T): HostStats[] {
  const earlier = before?.find((candidate) => sameTarget(candidate.ref, target.ref))?.stats ?? [];
  return (target.stats ?? []).filter((host) => !earlier.some((seen) => seen.hostname === host.hostname));
}

type HostStats = NonNullable<StatusTarget['stats']>[number];

function hostNotice(target: StatusTarget, host: HostStats, words: HostWords): Notice {
  const subject = `${words.work} of host ${host.hostname} of ${describeTarget(target.ref)}`;
  const took = host.duration ? ` in ${host.duration}` : '';
  if (host.phase === 'Failed') {
    return { type: 'Warning', reason: words.failed, message: `${subject} failed${took}: ${host.error ?? 'unknown error'}` };
  }
  return { type: 'Normal', reason: words.succeeded, message: `${subject} succeeded${took}.` };
}

function finalNotice(status: BackupSessionStatus): Notice {
  const took = status.sessionDuration ? ` in ${status.sessionDuration}` : '';
  switch (status.phase) {
    case 'Skipped':
      return { type: 'Normal', reason: SESSION_EVENT_REASONS.skipped, message: findCondition(status.conditions, SESSION_CONDITIONS.skipped)?.message ?? 'Backup session skipped.' };
    case 'Succeeded':
      return { type: 'Normal', reason: SESSION_EVENT_REASONS.succeeded, message: `Backup session succeeded${took}.` };
    default:
      return { type: 'Warning', reason: SESSION_EVENT_REASONS.failed, message: `Backup session failed${took}: ${failureCause(status)}` };
  }
}

function failureCause(status: BackupSessionStatus): string {
  const finish = findCondition(status.conditions, SESSION_CONDITIONS.executionFinished);
  if (finish && finish.reason !== FINISH_REASONS.completed && finish.message) return finish.message;
  const failed = (status.targets ?? []).filter((target) => target.phase === 'Failed').map((target) => describeTarget(target.ref));
  return failed.length > 0 ? `target(s) ${failed.join(', ')} failed.` : 'unknown cause.';
}
