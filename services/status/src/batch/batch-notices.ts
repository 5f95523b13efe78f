import type { BackupBatchStatus, Condition, TargetRef } from '@restash/api';
import { findCondition } from '../conditions/condition-list.js';
import type { Notice } from '../kube-events/notice.js';
import { describeTarget, sameTarget } from '../targets/same-target.js';

/** A Warning for each validation failure the status change introduced (a False condition, new or reworded). */
export function batchNotices(before: BackupBatchStatus | undefined, after: BackupBatchStatus): Notice[] {
  const notices = newFailures(before?.conditions, after.conditions).map((condition) => warning(condition, ''));
  for (const member of after.memberConditions ?? []) {
    const earlier = before?.memberConditions?.find((candidate) => sameTarget(candidate.target, member.target));
    const prefix = `${describeTarget(member.target)}: `;
    notices.push(...newFailures(earlier?.conditions, member.conditions).map((condition) => warning(condition, prefix)));
  }
  return notices;
}

/** The False conditions that are new or reworded since `before`. */
export function newFailures(before: readonly Condition[] | undefined, after: readonly Condition[] | undefined): Condition[] {
  return (after ?? []).filter((condition) => {
    if (condition.status !== 'False') return false;
    const earlier = findCondition(before, condition.type);
    return earlier?.status !== 'False' || earlier.reason !== condition.reason || earlier.message !== condition.message;
  });
}

/** A Warning Event for a False condition, its message prefixed (e.g. with the member). */
export function warning(condition: Condition, prefix: string): Notice {
  return { type: 'Warning', reason: condition.reason ?? condition.type, message: `${prefix}${condition.message ?? `${condition.type} is False`}` };
}

/** The Event for the workload a member condition is about, when that condition changed: Normal if True, else Warning. */
export function workloadNotice(before: BackupBatchStatus | undefined, after: BackupBatchStatus, target: TargetRef, type: string): Notice | undefined {
  const conditionIn = (status: BackupBatchStatus | undefined) =>
    findCondition(status?.memberConditions?.find((member) => sameTarget(member.target, target))?.conditions, type);
  return conditionChangeNotice(conditionIn(before), conditionIn(after));
}

/** The Event for a condition that changed (Normal if True, else Warning), or undefined when it did not. */
export function conditionChangeNotice(earlier: Condition | undefined, condition: Condition | undefined): Notice | undefined {
  if (!condition || (earlier?.status === condition.status && earlier.reason === condition.reason && earlier.message === condition.message)) return undefined;
  return {
    type: condition.status === 'True' ? 'Normal' : 'Warning',
    reason: condition.reason ?? condition.type,
    message: condition.message ?? `${condition.type} is ${condition.status}`,
  };
}
