import { formatBytes, type RepositoryMemberStatus, type RepositoryStatus } from '@restash/api';
import type { MemberRepositoryStats } from '@restash/events';

/** A member repository's numbers as one host result reported them. */
export interface MemberReport {
  stats: MemberRepositoryStats;
  /** The BackupSession the host result belongs to. */
  session: string;
  finishedAt: string;
  succeeded: boolean;
}

const later = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : Date.parse(b) > Date.parse(a) ? b : a);
const earlier = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : Date.parse(b) < Date.parse(a) ? b : a);

/**
 * The Repository status after one member report. Each member keeps its most recent numbers (by
 * report time, so reports in any order give the same result) and the totals are their sums.
 */
export function reduceRepository(status: RepositoryStatus | undefined, report: MemberReport, generation: number | undefined): RepositoryStatus {
  const current = status ?? {};
  const members = upsertMember(current.members ?? [], report);
  const successAt = report.succeeded ? report.finishedAt : undefined;
  return {
    ...current,
    observedGeneration: generation ?? current.observedGeneration,
    firstBackupTime: earlier(current.firstBackupTime, successAt),
    lastBackupTime: later(current.lastBackupTime, successAt),
    ...totals(members, current.integrity),
    members,
  };
}

function upsertMember(members: readonly RepositoryMemberStatus[], report: MemberReport): RepositoryMemberStatus[] {
  const existing = members.find((member) => member.path === report.stats.path);
  const newer = !existing?.reportedAt || Date.parse(report.finishedAt) >= Date.parse(existing.reportedAt);
  const numbers = newer ? memberNumbers(report) : existing;
  const member = { ...numbers, lastBackupTime: later(existing?.lastBackupTime, report.succeeded ? report.finishedAt : undefined) };
  const others = members.filter((candidate) => candidate !== existing);
  return [...others, member].sort((a, b) => a.path.localeCompare(b.path));
}

function memberNumbers({ stats, session, finishedAt }: MemberReport): RepositoryMemberStatus {
  return {
    path: stats.path,
    totalSize: formatBytes(stats.totalSizeBytes),
    totalSizeBytes: stats.totalSizeBytes,
    snapshotCount: stats.snapshotCount,
    snapshotsRemovedOnLastCleanup: stats.snapshotsRemoved,
    integrity: stats.integrity,
    session,
    reportedAt: finishedAt,
  };
}

/** Sizes and counts add up; integrity is the AND of what is known (true after a backup when nothing is). */
function totals(members: readonly RepositoryMemberStatus[], integrity: boolean | undefined): RepositoryStatus {
  const lastSession = latestReport(members)?.session;
  const cleanedUp = members.filter((member) => member.session === lastSession);
  return {
    totalSize: formatBytes(sum(members, (member) => member.totalSizeBytes)),
    snapshotCount: sum(members, (member) => member.snapshotCount),
    snapshotsRemovedOnLastCleanup: sum(cleanedUp, (member) => member.snapshotsRemovedOnLastCleanup ?? 0),
    integrity: memberIntegrity(members) ?? integrity,
  };
}

function memberIntegrity(members: readonly RepositoryMemberStatus[]): boolean | undefined {
  const known = members.filter((member) => member.integrity !== undefined);
  if (known.length > 0) return known.every((member) => member.integrity);
  return members.some((member) => member.lastBackupTime !== undefined) ? true : undefined;
}

function latestReport(members: readonly RepositoryMemberStatus[]): RepositoryMemberStatus | undefined {
  const time = (member: RepositoryMemberStatus) => (member.reportedAt ? Date.parse(member.reportedAt) : 0);
  return members.reduce<RepositoryMemberStatus | undefined>((latest, member) => (!latest || time(member) > time(latest) ? member : latest), undefined);
}

const sum = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((total, item) => total + value(item), 0);
