import { formatDuration, type BackupSessionStatus, type SessionPhase, type TargetPhase } from '@restash/api';
import { findCondition } from '../conditions/condition-list.js';
import type { StatusTarget } from './session-targets.js';
import { FINISH_REASONS, SESSION_CONDITIONS } from './session-update.js';

const FINAL_SESSION_PHASES: ReadonlySet<SessionPhase | undefined> = new Set(['Succeeded', 'Failed', 'Skipped']);
const FINAL_TARGET_PHASES: ReadonlySet<TargetPhase | undefined> = new Set(['Succeeded', 'Failed']);

export const isFinalSessionPhase = (phase: SessionPhase | undefined): boolean => FINAL_SESSION_PHASES.has(phase);
export const isFinalTargetPhase = (phase: TargetPhase | undefined): boolean => FINAL_TARGET_PHASES.has(phase);

/** A target is done once all its hosts reported: Failed if any of them failed. */
export function settleTarget<T extends StatusTarget>(target: T): T {
  if (isFinalTargetPhase(target.phase)) return target;
  const stats = target.stats ?? [];
  if (target.totalHosts !== undefined && stats.length >= target.totalHosts) {
    return { ...target, phase: stats.some((host) => host.phase === 'Failed') ? 'Failed' : 'Succeeded' };
  }
  return { ...target, phase: stats.length > 0 || target.phase === 'Running' ? 'Running' : 'Pending' };
}

/** Go-style duration from the object's creation to `end`; undefined when either is unknown. */
export function sessionDuration(creationTimestamp: string | undefined, end: string | undefined): string | undefined {
  if (!creationTimestamp || !end) return undefined;
  return formatDuration(Math.max(0, Date.parse(end) - Date.parse(creationTimestamp)));
}

/**
 * The session's final phase, or undefined while it must wait. A session-level error ends it at
 * once; otherwise it ends only when it has started and every target has all its hosts' results,
 * so a finish that overtakes a late host result waits for it.
 */
function finalPhase(status: BackupSessionStatus): 'Succeeded' | 'Failed' | undefined {
  const finish = findCondition(status.conditions, SESSION_CONDITIONS.executionFinished);
  if (!finish) return undefined;
  if (finish.reason !== FINISH_REASONS.completed) return 'Failed';
  const targets = status.targets ?? [];
  if (status.phase !== 'Running' || !targets.every((target) => isFinalTargetPhase(target.phase))) return undefined;
  return targets.every((target) => target.phase === 'Succeeded') ? 'Succeeded' : 'Failed';
}

/** Derives target and session phases from the recorded facts; a final phase never changes. */
export function settleSession(status: BackupSessionStatus, creationTimestamp: string | undefined): BackupSessionStatus {
  const settled = status.targets ? { ...status, targets: status.targets.map(settleTarget) } : status;
  if (isFinalSessionPhase(settled.phase)) return settled;
  const phase = finalPhase(settled);
  if (!phase) return settled;
  const end = findCondition(settled.conditions, SESSION_CONDITIONS.executionFinished)?.lastTransitionTime;
  return { ...settled, phase, sessionDuration: sessionDuration(creationTimestamp, end) };
}
