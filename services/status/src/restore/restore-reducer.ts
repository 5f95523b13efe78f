import type { Condition, RestoreBatchStatus, RestorePhase } from '@restash/api';
import type { RestoreBatchEvent } from '@restash/events';
import { findCondition, setCondition } from '../conditions/condition-list.js';
import { isFinalTargetPhase, sessionDuration, settleTarget } from '../session/session-phase.js';
import { planTargets, recordHost, updateTarget } from '../session/session-targets.js';
import { FINISH_REASONS } from '../session/session-update.js';

export interface RestoreContext {
  /** metadata.creationTimestamp: the start of sessionDuration. */
  creationTimestamp?: string;
  /** Stamped on conditions that carry no transition time of their own. */
  now: string;
}

/** restash extension: the executor (or, for an invalid RestoreBatch, the scheduler) is done with it; its time ends sessionDuration. */
export const RESTORE_FINISHED = 'RestoreExecutionFinished';
const INVALID_REASON = 'ValidationFailed';

const FINAL_RESTORE_PHASES: ReadonlySet<RestorePhase | undefined> = new Set(['Succeeded', 'Failed', 'Invalid', 'Unknown']);
export const isFinalRestorePhase = (phase: RestorePhase | undefined): boolean => FINAL_RESTORE_PHASES.has(phase);

const isConditionEvent = (event: RestoreBatchEvent) => event.type === 'restore-condition' || event.type === 'member-condition';

/**
 * The RestoreBatch status after one event, as reduceSession does for a session: facts are recorded
 * (conditions by type, host results by hostname, the first report wins) and phases derived from all
 * of them, so replays and reorderings give the same status. Once final, only conditions still change.
 */
export function reduceRestore(status: RestoreBatchStatus | undefined, event: RestoreBatchEvent, context: RestoreContext): RestoreBatchStatus {
  const current = status ?? {};
  if (isFinalRestorePhase(current.phase) && !isConditionEvent(event)) return current;
  return settleRestore(record(current, event, context.now), context.creationTimestamp);
}

function record(status: RestoreBatchStatus, event: RestoreBatchEvent, now: string): RestoreBatchStatus {
  const pending: RestoreBatchStatus = { ...status, phase: status.phase ?? 'Pending' };
  switch (event.type) {
    case 'restore-started':
      return { ...pending, phase: 'Running', members: planTargets(status.members, event.members) };
    case 'restore-condition':
      return { ...pending, conditions: setCondition(status.conditions, event.condition, now) };
    case 'member-condition':
      return { ...pending, members: updateTarget(status.members, event.target, (member) => ({ ...member, conditions: setCondition(member.conditions, event.condition, now) })) };
    case 'member-started':
      return {
        ...pending,
        members: updateTarget(status.members, event.target, (member) => (isFinalTargetPhase(member.phase) ? member : { ...member, totalHosts: event.totalHosts, phase: 'Running' })),
      };
    case 'restore-host-result':
      return { ...pending, members: updateTarget(status.members, event.target, (member) => recordHost(member, event.result)) };
    case 'restore-finished':
      return { ...pending, conditions: setCondition(status.conditions, finishedCondition(event.at, event.error, event.invalid), now) };
  }
}

function finishedCondition(at: string, error: string | undefined, invalid: boolean | undefined): Condition {
  if (!error) return { type: RESTORE_FINISHED, status: 'True', reason: FINISH_REASONS.completed, message: 'The executor ran every member.', lastTransitionTime: at };
  return { type: RESTORE_FINISHED, status: 'True', reason: invalid ? INVALID_REASON : FINISH_REASONS.sessionError, message: error, lastTransitionTime: at };
}

/** Derives member and RestoreBatch phases from the recorded facts; a final phase never changes. */
function settleRestore(status: RestoreBatchStatus, creationTimestamp: string | undefined): RestoreBatchStatus {
  const settled = status.members ? { ...status, members: status.members.map(settleTarget) } : status;
  if (isFinalRestorePhase(settled.phase)) return settled;
  const finish = findCondition(settled.conditions, RESTORE_FINISHED);
  const phase = finish && finalPhase(settled, finish);
  if (!phase) return settled;
  return { ...settled, phase, sessionDuration: sessionDuration(creationTimestamp, finish.lastTransitionTime) };
}

/**
 * Invalid or Failed at once when the finish says why the whole restore ended; otherwise final only
 * once it started and every member has all its hosts' results (a late host result is waited for).
 */
function finalPhase(status: RestoreBatchStatus, finish: Condition): RestorePhase | undefined {
  if (finish.reason === INVALID_REASON) return 'Invalid';
  if (finish.reason !== FINISH_REASONS.completed) return 'Failed';
  const members = status.members ?? [];
  if (status.phase !== 'Running' || !members.every((member) => isFinalTargetPhase(member.phase))) return undefined;
  return members.every((member) => member.phase === 'Succeeded') ? 'Succeeded' : 'Failed';
}
