import type { BackupBatch, TargetRef } from '@restash/api';
import { isWorkloadKind, workloadKey, type WorkloadRef } from '../workloads/workload.js';

/** What claiming reads of a batch: a BackupBatch or a RestoreBatch. */
export interface ClaimingBatch {
  metadata: { namespace?: string; name?: string; creationTimestamp?: string; deletionTimestamp?: string };
  spec: { members?: Array<{ target: { ref: TargetRef } }> };
}

type MemberOf<B extends ClaimingBatch> = NonNullable<B['spec']['members']>[number];

/** A batch member that names a workload, so the workload should carry the member's sidecar (or init container). */
export interface MemberClaim<B extends ClaimingBatch = BackupBatch> {
  batch: B;
  member: MemberOf<B>;
}

/** Pure: the workload a member names, when it is a sidecar-model target (its namespace defaults to the batch's). */
export function memberWorkload(batch: ClaimingBatch, member: { target: { ref: TargetRef } }): WorkloadRef | undefined {
  const { ref } = member.target;
  if (!isWorkloadKind(ref.kind)) return undefined;
  return { kind: ref.kind, namespace: ref.namespace ?? batch.metadata.namespace ?? '', name: ref.name };
}

/** Pure: every workload a batch's members name. */
export function workloadsNamedBy(batch: ClaimingBatch): WorkloadRef[] {
  return (batch.spec.members ?? []).flatMap((member) => memberWorkload(batch, member) ?? []);
}

/**
 * Pure: the members of live batches (not being deleted) that name a workload, the one whose sidecar
 * it carries first: the oldest batch wins (then namespace/name), and in a batch its first such member.
 */
export function claimsOn<B extends ClaimingBatch>(batches: readonly B[], workload: WorkloadRef): Array<MemberClaim<B>> {
  const key = workloadKey(workload);
  return batches
    .filter((batch) => !batch.metadata.deletionTimestamp)
    .sort(byAgeThenName)
    .flatMap((batch) => {
      const member = (batch.spec.members ?? []).find((m) => {
        const named = memberWorkload(batch, m);
        return named !== undefined && workloadKey(named) === key;
      });
      return member ? [{ batch, member: member as MemberOf<B> }] : [];
    });
}

function byAgeThenName(a: ClaimingBatch, b: ClaimingBatch): number {
  const age = String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? ''));
  return age || `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`);
}
