import type { BackupBatch, BackupSession, BackupTargetStatus } from '@restash/api';
import { formatAge } from '../format/age.js';
import type { CommandOutput } from '../format/output.js';
import { renderTable } from '../format/table.js';

export const INVOKER_NAME_LABEL = 'stash.appscode.com/invoker-name';

export interface SessionSummary {
  name: string;
  phase: string;
  duration: string | undefined;
  created: string | undefined;
  /** Members finished of members known. */
  members: { succeeded: number; failed: number; total: number };
  hosts: HostSummary[];
}

export interface HostSummary {
  member: string;
  host: string | undefined;
  phase: string;
  duration: string | undefined;
  snapshots: string[];
  error: string | undefined;
}

/** Pure: the batch's sessions, newest first (by creation, then name), at most `limit`. */
export function latestSessions(sessions: readonly BackupSession[], batchName: string, limit: number): BackupSession[] {
  return sessions
    .filter((session) => session.spec?.invoker?.name === batchName)
    .sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || (b.metadata.name ?? '').localeCompare(a.metadata.name ?? ''))
    .slice(0, limit);
}

function hostsOf(target: BackupTargetStatus): HostSummary[] {
  const member = `${target.ref.kind}/${target.ref.name}`;
  const stats = target.stats ?? [];
  if (stats.length === 0) return [{ member, host: undefined, phase: target.phase ?? 'Pending', duration: undefined, snapshots: [], error: undefined }];
  return stats.map((host) => ({
    member,
    host: host.hostname,
    phase: host.phase ?? target.phase ?? 'Running',
    duration: host.duration,
    snapshots: (host.snapshots ?? []).map((snapshot) => snapshot.name),
    error: host.error,
  }));
}

/** Pure: what `status` says about one session. */
export function summarizeSession(session: BackupSession): SessionSummary {
  const targets = session.status?.targets ?? [];
  return {
    name: session.metadata.name!,
    phase: session.status?.phase ?? 'Pending',
    duration: session.status?.sessionDuration,
    created: session.metadata.creationTimestamp,
    members: {
      succeeded: targets.filter((t) => t.phase === 'Succeeded').length,
      failed: targets.filter((t) => t.phase === 'Failed').length,
      total: targets.length,
    },
    hosts: targets.flatMap(hostsOf),
  };
}

function batchLine(batch: BackupBatch): string {
  const { schedule, paused, repository, executionOrder } = batch.spec;
  const validation = batch.status?.conditions?.find((c) => c.type === 'ValidationPassed');
  return [
    `BackupBatch ${batch.metadata.namespace}/${batch.metadata.name}`,
    `schedule: ${schedule ?? 'none'}${paused ? ' (paused)' : ''}`,
    `repository: ${repository?.namespace ? `${repository.namespace}/` : ''}${repository?.name ?? '-'}`,
    `order: ${executionOrder ?? 'Parallel'}`,
    ...(validation ? [`valid: ${validation.status === 'True' ? 'yes' : `no (${validation.message ?? validation.reason ?? 'unknown'})`}`] : []),
  ].join('   ');
}

/** Pure: the `status` report (tables, or data for json/yaml). */
export function statusReport(batch: BackupBatch, sessions: readonly BackupSession[], now: Date): CommandOutput {
  const summaries = sessions.map(summarizeSession);
  const sessionTable = renderTable(
    ['session', 'phase', 'duration', 'age', 'members'],
    summaries.map((s) => [s.name, s.phase, s.duration ?? '', formatAge(s.created, now), memberCount(s)]),
  );
  const hostTable = renderTable(
    ['session', 'member', 'host', 'phase', 'duration', 'snapshots', 'error'],
    summaries.flatMap((s) => s.hosts.map((h) => [s.name, h.member, h.host ?? '', h.phase, h.duration ?? '', h.snapshots.join(','), oneLine(h.error)])),
  );
  const table = summaries.length === 0 ? `${batchLine(batch)}\n\nno sessions yet` : `${batchLine(batch)}\n\n${sessionTable}\n\n${hostTable}`;
  return {
    data: {
      batch: { namespace: batch.metadata.namespace, name: batch.metadata.name, schedule: batch.spec.schedule, paused: batch.spec.paused ?? false, conditions: batch.status?.conditions ?? [] },
      sessions: summaries,
    },
    table,
  };
}

function memberCount({ members }: SessionSummary): string {
  if (members.total === 0) return '';
  return `${members.succeeded}/${members.total} ok${members.failed ? `, ${members.failed} failed` : ''}`;
}

function oneLine(text: string | undefined): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
