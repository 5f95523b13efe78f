import type { BackupSessionStatus, Condition } from '@restash/api';
import { setCondition } from '../conditions/condition-list.js';
import { isFinalSessionPhase, isFinalTargetPhase, sessionDuration, settleSession } from './session-phase.js';
import { planTargets, recordHost, updateTarget } from './session-targets.js';
import { FINISH_REASONS, SESSION_CONDITIONS, type SessionUpdate } from './session-update.js';

export interface SessionContext {
  /** metadata.creationTimestamp: the start of sessionDuration. */
  creationTimestamp?: string;
  /** Stamped on conditions that carry no transition time of their own. */
  now: string;
}

/** Stash's reason for a session skipped because another of its batch is running. */
export const SKIPPED_REASON = 'SkippedTakingNewBackup';

const isConditionUpdate = (update: SessionUpdate) => update.type === 'session-condition' || update.type === 'target-condition';

/**
 * The session status after one update. Facts are recorded (conditions by type, host results by
 * hostname) and phases derived from all of them, so an update applied twice, or a set of updates
 * in any order, gives the same status. Once final, only conditions still change.
 */
export function reduceSession(status: BackupSessionStatus | undefined, update: SessionUpdate, context: SessionContext): BackupSessionStatus {
  const current = status ?? {};
  if (isFinalSessionPhase(current.phase) && !isConditionUpdate(update)) return current;
  return settleSession(record(current, update, context), context.creationTimestamp);
}

function record(status: BackupSessionStatus, update: SessionUpdate, { creationTimestamp, now }: SessionContext): BackupSessionStatus {
  switch (update.type) {
    case 'session-skipped':
      return {
        ...status,
        phase: 'Skipped',
        sessionDuration: sessionDuration(creationTimestamp, update.at),
        conditions: setCondition(status.conditions, skippedCondition(update.reason, update.at), now),
      };
    case 'session-started':
      return {
        ...status,
        phase: 'Running',
        sessionDeadline: update.deadline ?? status.sessionDeadline,
        targets: planTargets(status.targets, update.targets),
      };
    case 'session-condition':
      return { ...status, conditions: setCondition(status.conditions, update.condition, now) };
    case 'target-condition':
      return {
        ...status,
        targets: updateTarget(status.targets, update.target, (target) => ({ ...target, conditions: setCondition(target.conditions, update.condition, now) })),
      };
    case 'target-started':
      return {
        ...status,
        targets: updateTarget(status.targets, update.target, (target) =>
          isFinalTargetPhase(target.phase) ? target : { ...target, totalHosts: update.totalHosts, phase: 'Running' },
        ),
      };
    case 'host-result':
      return { ...status, targets: updateTarget(status.targets, update.target, (target) => recordHost(target, update.result)) };
    case 'session-finished':
      return finish(status, finishedCondition(update.at, update.error), now);
    case 'run-request-failed':
      return finish(status, runRequestFailedCondition(update.at, update.error), now);
  }
}

function finish(status: BackupSessionStatus, condition: Condition, now: string): BackupSessionStatus {
  return { ...status, conditions: setCondition(status.conditions, condition, now) };
}

function skippedCondition(message: string, at: string): Condition {
  return { type: SESSION_CONDITIONS.skipped, status: 'True', reason: SKIPPED_REASON, message, lastTransitionTime: at };
}

function finishedCondition(at: string, error: string | undefined): Condition {
  return error
    ? { type: SESSION_CONDITIONS.executionFinished, status: 'True', reason: FINISH_REASONS.sessionError, message: error, lastTransitionTime: at }
    : { type: SESSION_CONDITIONS.executionFinished, status: 'True', reason: FINISH_REASONS.completed, message: 'The executor ran every member.', lastTransitionTime: at };
}

function runRequestFailedCondition(at: string, error: string): Condition {
  return { type: SESSION_CONDITIONS.executionFinished, status: 'True', reason: FINISH_REASONS.runRequestFailed, message: error, lastTransitionTime: at };
}
