import type { RestoreBatch, TargetRef } from '@restash/api';
import { identityOf, RESTORE_MEMBER_CONDITIONS, type InvolvedObject, type RestoreMemberCondition } from '@restash/events';
import { verdictCondition, type InjectionVerdict } from './member-condition.js';

const TYPE = RESTORE_MEMBER_CONDITIONS.initContainerInjected;

/** Pure: the member-condition event for the status service (which also records an Event on `workload`). */
export function initContainerConditionEvent(restore: RestoreBatch, target: TargetRef, verdict: InjectionVerdict, workload: InvolvedObject, now: Date): RestoreMemberCondition {
  return {
    type: 'member-condition',
    restore: identityOf(restore),
    target,
    workload,
    condition: verdictCondition(TYPE, verdict, 'InitContainerInjection', now),
  };
}

/** Pure: whether the RestoreBatch's status already shows this verdict for the member (nothing to publish). */
export function restoreShowsVerdict(restore: RestoreBatch, target: TargetRef, verdict: InjectionVerdict): boolean {
  const member = restore.status?.members?.find((m) => m.ref.kind === target.kind && m.ref.name === target.name);
  const shown = member?.conditions?.find((c) => c.type === TYPE);
  return shown?.status === (verdict.injected ? 'True' : 'False') && shown.message === verdict.message;
}
