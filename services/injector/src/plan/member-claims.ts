import type { BackupBatch, BackupMember } from '@restash/api';
import { isWorkloadKind, workloadKey, type WorkloadRef } from '../workloads/workload.js';

/** A batch member that names a workload, so the workload should carry the member's sidecar. */
export interface MemberClaim {
  batch: BackupBatch;
  member: BackupMember;
}

/** Pure: the workload a member names, when it is a sidecar-model target (its namespace defaults to the batch's). */
export function memberWorkload(batch: BackupBatch, member: BackupMember): WorkloadRef | undefined {
  const { ref } = member.target;
  if (!isWorkloadKind(ref.kind)) return undefined;
  return { kind: ref.kind, namespace: ref.namespace ?? batch.metadata.namespace ?? '', name: ref.name };
}

/** Pure: every workload a batch's members name. */
export function workloadsNamedBy(batch: BackupBatch): WorkloadRef[] {
  return (batch.spec.members ?? []).flatMap((member) => memberWorkload(batch, member) ?? []);
}

/**
 * Pure: the members of live batches (not being deleted) that name a workload, the one whose sidecar
 * it carries first: the oldest batch wins (then namespace/name), and in a batch its first such member.
 */
export function claimsOn(batches: readonly BackupBatch[], workload: WorkloadRef): MemberClaim[] {
  const key = workloadKey(workload);
  return batches
    .filter((batch) => !batch.metadata.deletionTimestamp)
    .sort(byAgeThenName)
    .flatMap((batch) => {
      const member = (batch.spec.members ?? []).find((m) => {
        const named = memberWorkload(batch, m);
        return named !== undefined && workloadKey(named) === key;
      });
      return member ? [{ batch, member }] : [];
    });
}

function byAgeThenName(a: BackupBatch, b: BackupBatch): number {
  const age = String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? ''));
  return age || `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`);
}
