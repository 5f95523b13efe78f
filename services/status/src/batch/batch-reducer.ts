import type { BackupBatchStatus, Condition, MemberConditions } from '@restash/api';
import type { BackupBatchEvent, BatchValidated, MemberCondition } from '@restash/events';
import { setConditions } from '../conditions/condition-list.js';
import { sameTarget } from '../targets/same-target.js';

/**
 * The batch status after a verdict or a member condition. Either is about one generation of the
 * batch; one about a generation older than the observed one is stale and changes nothing.
 */
export function reduceBatch(status: BackupBatchStatus | undefined, event: BackupBatchEvent, now: string): BackupBatchStatus {
  const current = status ?? {};
  if ((current.observedGeneration ?? 0) > event.generation) return current;
  return event.type === 'batch-validated' ? applyVerdict(current, event, now) : applyMemberCondition(current, event, now);
}

const stamped = (conditions: readonly Condition[], generation: number) => conditions.map((condition) => ({ ...condition, observedGeneration: generation }));

function applyVerdict(status: BackupBatchStatus, event: BatchValidated, now: string): BackupBatchStatus {
  return {
    ...status,
    observedGeneration: event.generation,
    conditions: setConditions(status.conditions, stamped(event.conditions, event.generation), now),
    memberConditions: event.memberConditions.reduce(
      (members, member) => setMemberConditions(members, member.target, stamped(member.conditions, event.generation), now),
      status.memberConditions ?? [],
    ),
  };
}

/** Another service's condition on one member (the injector's StashSidecarInjected); observedGeneration stays the scheduler's. */
function applyMemberCondition(status: BackupBatchStatus, event: MemberCondition, now: string): BackupBatchStatus {
  const conditions = stamped([event.condition], event.generation);
  return { ...status, memberConditions: setMemberConditions(status.memberConditions ?? [], event.target, conditions, now) };
}

function setMemberConditions(members: readonly MemberConditions[], target: MemberConditions['target'], conditions: Condition[], now: string): MemberConditions[] {
  const existing = members.find((member) => sameTarget(member.target, target));
  if (!existing) return [...members, { target, conditions: setConditions(undefined, conditions, now) }];
  return members.map((member) => (member === existing ? { target, conditions: setConditions(member.conditions, conditions, now) } : member));
}
