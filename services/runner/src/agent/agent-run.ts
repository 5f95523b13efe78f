import type { AgentRunRequest, MemberRepository } from '@restash/events';
import type { HostBackupRun } from '../backup/run-host-backup.js';

/** Pure: the host backup an agent request asks for, with the repository the sidecar's Secret holds. */
export function hostBackupRun(request: AgentRunRequest, repository: MemberRepository): HostBackupRun {
  return {
    runId: request.runId,
    session: request.session,
    target: request.target,
    host: request.host,
    repository,
    source: { type: 'paths', paths: request.paths, exclude: request.exclude },
    retention: request.retention,
    clearLocks: request.clearLocks,
    deadline: request.expiresAt,
  };
}

/** Pure: whether the executor has stopped waiting for this request's result. */
export function isExpired(request: AgentRunRequest, now: Date): boolean {
  return request.expiresAt !== undefined && Date.parse(request.expiresAt) < now.getTime();
}
