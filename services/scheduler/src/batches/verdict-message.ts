import { createHash } from 'node:crypto';
import type { BackupBatch, Condition } from '@restash/api';
import { identityOf, type BatchValidated } from '@restash/events';
import { CONDITION_TYPES } from '../validation/batch-conditions.js';
import type { BatchVerdict } from '../validation/judge-batch.js';

const BATCH_CONDITIONS = new Set<string>([
  CONDITION_TYPES.repositoryFound,
  CONDITION_TYPES.backendSecretFound,
  CONDITION_TYPES.validationPassed,
  CONDITION_TYPES.scheduleRegistered,
]);

export function batchValidated(batch: BackupBatch, verdict: BatchVerdict): BatchValidated {
  return {
    type: 'batch-validated',
    batch: identityOf(batch),
    generation: batch.metadata.generation ?? 0,
    conditions: verdict.conditions,
    memberConditions: verdict.memberConditions,
  };
}

/**
 * `<uid>:validated:<generation>:<hash>`, so JetStream stores a verdict once however often it is
 * published. The hash covers the verdict and the scheduler's conditions the status shows now: a
 * verdict that returns (True → False → True) is a new message, not a duplicate of the first.
 */
export function verdictMessageId(batch: BackupBatch, verdict: BatchVerdict): string {
  const hash = createHash('sha256')
    .update(fingerprint(verdict))
    .update('\0')
    .update(fingerprint(shownVerdict(batch)))
    .digest('hex')
    .slice(0, 16);
  return `${batch.metadata.uid}:validated:${batch.metadata.generation ?? 0}:${hash}`;
}

/** Whether the batch's status already shows this verdict for this generation (so there is nothing to publish). */
export function statusShowsVerdict(batch: BackupBatch, verdict: BatchVerdict): boolean {
  return batch.status?.observedGeneration === batch.metadata.generation && fingerprint(shownVerdict(batch)) === fingerprint(verdict);
}

/** The scheduler's conditions as the status service last wrote them (other services add their own). */
function shownVerdict(batch: BackupBatch): Pick<BatchVerdict, 'conditions' | 'memberConditions'> {
  return {
    conditions: (batch.status?.conditions ?? []).filter((c) => BATCH_CONDITIONS.has(c.type)),
    memberConditions: (batch.status?.memberConditions ?? []).map((member) => ({
      target: member.target,
      conditions: (member.conditions ?? []).filter((c) => c.type === CONDITION_TYPES.backupTargetFound),
    })),
  };
}

function fingerprint({ conditions, memberConditions }: Pick<BatchVerdict, 'conditions' | 'memberConditions'>): string {
  const essence = (list: Condition[]) =>
    list.map((c) => [c.type, c.status, c.reason ?? '', c.message ?? '']).sort((a, b) => a[0]!.localeCompare(b[0]!));
  const members = memberConditions
    .map((member) => [`${member.target.kind}/${member.target.namespace ?? ''}/${member.target.name}`, essence(member.conditions)] as const)
    .filter(([, conditions]) => conditions.length > 0)
    .sort((a, b) => a[0].localeCompare(b[0]));
  return JSON.stringify([essence(conditions), members]);
}
