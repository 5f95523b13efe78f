import type { BackupTargetStatus, HostBackupStats, TargetRef } from '@restash/api';
import type { SessionStarted } from '@restash/events';
import { sameTarget } from '../targets/same-target.js';

type Targets = readonly BackupTargetStatus[] | undefined;

/** The list with one target changed by `update`; a target not seen yet is added (events may arrive before session-started). */
export function updateTarget(targets: Targets, ref: TargetRef, update: (target: BackupTargetStatus) => BackupTargetStatus): BackupTargetStatus[] {
  const list = targets ?? [];
  const existing = list.find((target) => sameTarget(target.ref, ref));
  if (existing) return list.map((target) => (target === existing ? update(target) : target));
  return [...list, update({ ref, phase: 'Pending' })];
}

/**
 * The targets in the order session-started lists them, keeping what earlier events recorded.
 * A target-started's host count is newer knowledge than the plan's, so it is never overwritten.
 */
export function planTargets(targets: Targets, planned: SessionStarted['targets']): BackupTargetStatus[] {
  const list = targets ?? [];
  const fromPlan = planned.map(({ ref, totalHosts }) => {
    const known = list.find((target) => sameTarget(target.ref, ref));
    return known ? { ...known, ref, totalHosts: known.totalHosts ?? totalHosts } : { ref, totalHosts, phase: 'Pending' as const };
  });
  const unplanned = list.filter((target) => !planned.some(({ ref }) => sameTarget(target.ref, ref)));
  return [...fromPlan, ...unplanned];
}

const byHostname = (a: HostBackupStats, b: HostBackupStats) => a.hostname.localeCompare(b.hostname, 'en', { numeric: true });

/** Records a host's result; the first report of a host wins, as its message id says (sessionEventId). */
export function recordHost(target: BackupTargetStatus, result: HostBackupStats): BackupTargetStatus {
  const stats = target.stats ?? [];
  if (stats.some((host) => host.hostname === result.hostname)) return target;
  return { ...target, stats: [...stats, result].sort(byHostname) };
}
