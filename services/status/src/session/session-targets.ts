import type { TargetPhase, TargetRef } from '@restash/api';
import { sameTarget } from '../targets/same-target.js';

/** What a status holds per target: a BackupSession's targets[], a RestoreBatch's members[]. */
export interface StatusTarget {
  ref: TargetRef;
  totalHosts?: number;
  phase?: TargetPhase;
  stats?: Array<{ hostname: string; phase?: string; duration?: string; error?: string }>;
}

/** The list with one target changed by `update`; a target not seen yet is added (events may arrive before session-started). */
export function updateTarget<T extends StatusTarget>(targets: readonly T[] | undefined, ref: TargetRef, update: (target: T) => T): T[] {
  const list = targets ?? [];
  const existing = list.find((target) => sameTarget(target.ref, ref));
  if (existing) return list.map((target) => (target === existing ? update(target) : target));
  return [...list, update({ ref, phase: 'Pending' } as T)];
}

/**
 * The targets in the order session-started lists them, keeping what earlier events recorded.
 * A target-started's host count is newer knowledge than the plan's, so it is never overwritten.
 */
export function planTargets<T extends StatusTarget>(targets: readonly T[] | undefined, planned: ReadonlyArray<{ ref: TargetRef; totalHosts: number }>): T[] {
  const list = targets ?? [];
  const fromPlan = planned.map(({ ref, totalHosts }) => {
    const known = list.find((target) => sameTarget(target.ref, ref));
    return known ? { ...known, ref, totalHosts: known.totalHosts ?? totalHosts } : ({ ref, totalHosts, phase: 'Pending' } as T);
  });
  const unplanned = list.filter((target) => !planned.some(({ ref }) => sameTarget(target.ref, ref)));
  return [...fromPlan, ...unplanned];
}

const byHostname = (a: { hostname: string }, b: { hostname: string }) => a.hostname.localeCompare(b.hostname, 'en', { numeric: true });

/** Records a host's result; the first report of a host wins, as its message id says (sessionEventId, restoreEventId). */
export function recordHost<T extends { stats?: Array<{ hostname: string }> }>(target: T, result: NonNullable<T['stats']>[number]): T {
  const stats = target.stats ?? [];
  if (stats.some((host) => host.hostname === result.hostname)) return target;
  return { ...target, stats: [...stats, result].sort(byHostname) };
}
