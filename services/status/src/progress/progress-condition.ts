import type { BackupSessionStatus, Condition } from '@restash/api';
import type { BackupProgressEvent } from '@restash/events';
import { setCondition } from '../conditions/condition-list.js';
import { sameTarget } from '../targets/same-target.js';

/** The target condition that shows how far a running member is (restash extension). */
export const PROGRESS_CONDITION = 'BackupProgress';
export const PROGRESS_REASONS = { running: 'BackupInProgress', saved: 'BackupDataSaved' } as const;

const MIB = 2 ** 20;

/** Pure: "host-0: 42% done", or the bytes read while restic does not know the total (a database dump). */
export function progressCondition(event: BackupProgressEvent): Condition {
  const saved = event.percentDone >= 100;
  const done = event.percentDone > 0 ? `${Math.floor(event.percentDone)}% done` : `${Math.floor(event.bytesDone / MIB)} MiB read`;
  return { type: PROGRESS_CONDITION, status: 'True', reason: saved ? PROGRESS_REASONS.saved : PROGRESS_REASONS.running, message: `${event.host}: ${done}`, lastTransitionTime: event.at };
}

/**
 * Pure: the session status with the target's progress condition set. Progress of a target the
 * status does not list yet is dropped, and so is a late one for a host whose result is in (except
 * its 100%), so the condition never goes back behind the result.
 */
export function recordProgress(status: BackupSessionStatus | undefined, event: BackupProgressEvent, now: string): BackupSessionStatus {
  const current = status ?? {};
  const target = current.targets?.find((candidate) => sameTarget(candidate.ref, event.target));
  if (!target) return current;
  const reported = target.stats?.some((host) => host.hostname === event.host) ?? false;
  if (reported && event.percentDone < 100) return current;
  const updated = { ...target, conditions: setCondition(target.conditions, progressCondition(event), now) };
  return { ...current, targets: current.targets!.map((candidate) => (candidate === target ? updated : candidate)) };
}
