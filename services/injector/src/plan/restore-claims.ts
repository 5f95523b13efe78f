import type { RestoreBatch } from '@restash/api';
import { RESTORE_MEMBER_CONDITIONS } from '@restash/events';
import type { WorkloadRef } from '../workloads/workload.js';
import { claimsOn, type MemberClaim } from './member-claims.js';

export type RestoreClaim = MemberClaim<RestoreBatch>;

const UNFINISHED = new Set([undefined, 'Pending', 'Running']);


/**
 * Pure: the RestoreBatch members whose `stash-init` container a workload carries now, oldest first:
 * those of unfinished RestoreBatches (not being deleted) whose member the executor started. It stays
 * until the RestoreBatch is final or deleted, so the postRestore hooks meet restored pods.
 */
export function restoreClaimsOn(restores: readonly RestoreBatch[], workload: WorkloadRef): RestoreClaim[] {
  return claimsOn(restores.filter((restore) => UNFINISHED.has(restore.status?.phase)), workload).filter(memberStarted);
}

function memberStarted({ batch, member }: RestoreClaim): boolean {
  const status = batch.status?.members?.find((m) => m.ref.kind === member.target.ref.kind && m.ref.name === member.target.ref.name);
  return status?.conditions?.some((condition) => condition.type === RESTORE_MEMBER_CONDITIONS.executorEnsured && condition.status === 'True') === true;
}
