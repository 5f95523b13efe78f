import { createHash } from 'node:crypto';
import type { BackupBatch, Condition, TargetRef } from '@restash/api';
import { identityOf, type InvolvedObject, type MemberCondition } from '@restash/events';
import type { MemberClaim } from './member-claims.js';

export const SIDECAR_INJECTED = 'StashSidecarInjected';

/** What the injector concludes about one member's sidecar. */
export interface InjectionVerdict {
  injected: boolean;
  message: string;
}

/** Pure: the member-condition event for the status service (which also records an Event on `workload`). */
export function memberConditionEvent(claim: MemberClaim, verdict: InjectionVerdict, workload: InvolvedObject, now: Date): MemberCondition {
  return {
    type: 'member-condition',
    batch: identityOf(claim.batch),
    generation: claim.batch.metadata.generation ?? 0,
    target: claim.member.target.ref,
    workload,
    condition: verdictCondition(SIDECAR_INJECTED, verdict, 'SidecarInjection', now),
  };
}

/** Pure: a verdict as a condition of `type`, its reason `<reasonPrefix>Succeeded` or `…Failed`. */
export function verdictCondition(type: string, verdict: InjectionVerdict, reasonPrefix: string, now: Date): Condition {
  return {
    type,
    status: verdict.injected ? 'True' : 'False',
    reason: `${reasonPrefix}${verdict.injected ? 'Succeeded' : 'Failed'}`,
    message: verdict.message,
    lastTransitionTime: now.toISOString(),
  };
}

/** Pure: whether the batch's status already shows this verdict for its current generation (nothing to publish). */
export function statusShowsVerdict(batch: BackupBatch, target: TargetRef, verdict: InjectionVerdict): boolean {
  const shown = shownCondition(batch, target);
  if (!shown || (shown.observedGeneration !== undefined && shown.observedGeneration !== batch.metadata.generation)) return false;
  return shown.status === (verdict.injected ? 'True' : 'False') && shown.message === verdict.message;
}

/**
 * Pure: `<batch uid>:member-condition:<target>:<type>:<generation>:<hash>`, so JetStream stores a
 * verdict once however often it is published. The hash covers the verdict and what the status shows
 * now: a verdict that returns (True → False → True) is a new message, not a duplicate of the first.
 */
export function memberConditionMessageId(batch: BackupBatch, event: MemberCondition): string {
  const shown = shownCondition(batch, event.target);
  const essence = (c: Condition | undefined) => [c?.status ?? '', c?.reason ?? '', c?.message ?? ''].join('\0');
  const hash = createHash('sha256').update(essence(event.condition)).update('\0\0').update(essence(shown)).digest('hex').slice(0, 16);
  return `${event.batch.uid}:member-condition:${targetId(batch, event.target)}:${event.condition.type}:${event.generation}:${hash}`;
}

function shownCondition(batch: BackupBatch, target: TargetRef): Condition | undefined {
  const member = (batch.status?.memberConditions ?? []).find((m) => targetId(batch, m.target) === targetId(batch, target));
  return member?.conditions?.find((c) => c.type === SIDECAR_INJECTED);
}

function targetId(batch: BackupBatch, target: TargetRef): string {
  return `${target.kind}/${target.namespace ?? batch.metadata.namespace ?? ''}/${target.name}`;
}
