import type { Condition, HostBackupPhase, TargetRef } from '@restash/api';

/** What a status shows of one target (a BackupSession's target, a RestoreBatch's member). */
export interface ReportingTarget {
  ref: TargetRef;
  stats?: Array<{ hostname: string; phase?: string }>;
  conditions?: Condition[];
}

/** Pure: the status entry of one target. */
export function targetStatus<T extends ReportingTarget>(targets: readonly T[] | undefined, target: TargetRef): T | undefined {
  return (targets ?? []).find((t) => t.ref.kind === target.kind && t.ref.name === target.name);
}

/** Pure: the hosts of a target the status shows a final result for, with their phase. */
export function reportedHosts(targets: readonly ReportingTarget[] | undefined, target: TargetRef): Map<string, HostBackupPhase> {
  const stats = targetStatus(targets, target)?.stats ?? [];
  return new Map(stats.flatMap((host) => (host.phase === 'Succeeded' || host.phase === 'Failed' ? [[host.hostname, host.phase] as const] : [])));
}
