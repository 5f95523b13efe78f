import type { BackupSession, HostBackupPhase, TargetRef } from '@restash/api';

/** Pure: the hosts of a target the session status shows a result for, with their phase. */
export function reportedHosts(session: BackupSession, target: TargetRef): Map<string, HostBackupPhase> {
  const status = (session.status?.targets ?? []).find((t) => t.ref.kind === target.kind && t.ref.name === target.name);
  return new Map((status?.stats ?? []).flatMap((stats) => (stats.phase ? [[stats.hostname, stats.phase] as const] : [])));
}
