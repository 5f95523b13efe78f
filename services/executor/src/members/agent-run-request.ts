import type { BackupTarget, RetentionPolicy } from '@restash/api';
import type { AgentRunRequest, ObjectIdentity } from '@restash/events';
import type { PlannedMember } from '../session/session-plan.js';

/** Pure: what a workload member backs up: its paths, else the paths its volumeMounts mount. */
export function memberPaths(target: BackupTarget): string[] {
  return target.paths?.length ? target.paths : (target.volumeMounts ?? []).map((mount) => mount.mountPath);
}

/**
 * Pure: the request to one host's sidecar; its run id (session, member, host) is also its message id.
 * `alone`: no other host runs yet (the first wave), so the sidecar may clear leftover restic locks.
 */
export function agentRunRequest(session: ObjectIdentity, planned: PlannedMember, host: string, retention: RetentionPolicy | undefined, expiresAt: Date, alone: boolean): AgentRunRequest {
  const { target } = planned.member;
  return {
    runId: `${session.uid}-${planned.key}-${host}`,
    session,
    target: target.ref,
    host,
    paths: memberPaths(target),
    exclude: target.exclude ?? [],
    ...(retention && { retention }),
    expiresAt: expiresAt.toISOString(),
    ...(alone && { clearLocks: true }),
  };
}

/**
 * Pure: the order hosts are asked in. The first goes alone: when the member's repository does not
 * exist yet, it creates it (restic inits racing from several pods corrupt a repository, each writing
 * its own key); the others follow together once it reported.
 */
export function hostWaves(hosts: readonly string[]): string[][] {
  return [hosts.slice(0, 1), hosts.slice(1)].filter((wave) => wave.length > 0);
}
