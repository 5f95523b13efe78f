import type { BackupBatch, BackupSession, Repository, RestoreBatch } from '@restash/api';
import { cachedSchedule } from '../schedule/schedule-cache.js';

/** One value of a gauge with its labels. */
export interface Sample<L extends string> {
  labels: Record<L, string>;
  value: number;
}

const FINAL_PHASES = new Set(['Succeeded', 'Failed', 'Skipped']);
const INVOKER_NAME_LABEL = 'stash.appscode.com/invoker-name';

/** Pure: snapshot count and size (the members' byte counts summed) of each Repository whose status has them. */
export function repositoryFigures(repositories: readonly Repository[]): { snapshots: Sample<'namespace' | 'repository'>[]; sizeBytes: Sample<'namespace' | 'repository'>[] } {
  const snapshots: Sample<'namespace' | 'repository'>[] = [];
  const sizeBytes: Sample<'namespace' | 'repository'>[] = [];
  for (const repository of repositories) {
    const labels = { namespace: repository.metadata.namespace ?? '', repository: repository.metadata.name ?? '' };
    const status = repository.status;
    if (status?.snapshotCount !== undefined) snapshots.push({ labels, value: status.snapshotCount });
    if (status?.members?.length) sizeBytes.push({ labels, value: status.members.reduce((sum, member) => sum + member.totalSizeBytes, 0) });
  }
  return { snapshots, sizeBytes };
}

/** Pure: the time between slots of each unpaused batch with a valid schedule (cron: the next two slots). */
export function scheduleIntervals(batches: readonly BackupBatch[], now: Date): Sample<'namespace' | 'invoker'>[] {
  const samples: Sample<'namespace' | 'invoker'>[] = [];
  for (const batch of batches) {
    if (!batch.spec.schedule || batch.spec.paused || batch.metadata.deletionTimestamp) continue;
    let seconds: number;
    try {
      const schedule = cachedSchedule(batch.spec.schedule);
      const next = schedule.nextSlot(now);
      seconds = (schedule.nextSlot(next).getTime() - next.getTime()) / 1000;
    } catch {
      continue; // the batch's condition says why it does not run
    }
    samples.push({ labels: { namespace: batch.metadata.namespace ?? '', invoker: batch.metadata.name ?? '' }, value: seconds });
  }
  return samples;
}

/** Pure: per batch and phase (Pending, Running), the age of its oldest session that has not finished. */
export function oldestUnfinishedSessions(sessions: readonly BackupSession[], now: Date): Sample<'namespace' | 'invoker' | 'phase'>[] {
  const oldest = new Map<string, Sample<'namespace' | 'invoker' | 'phase'>>();
  for (const session of sessions) {
    const phase = session.status?.phase ?? 'Pending';
    if (FINAL_PHASES.has(phase) || !session.metadata.creationTimestamp) continue;
    const labels = { namespace: session.metadata.namespace ?? '', invoker: session.metadata.labels?.[INVOKER_NAME_LABEL] ?? session.spec.invoker.name, phase };
    const value = Math.max(0, (now.getTime() - Date.parse(session.metadata.creationTimestamp)) / 1000);
    const key = `${labels.namespace}/${labels.invoker}/${phase}`;
    if ((oldest.get(key)?.value ?? -1) < value) oldest.set(key, { labels, value });
  }
  return [...oldest.values()];
}

/** Pure: how many RestoreBatches each namespace holds in each phase (one without a status yet is Pending). */
export function restoreBatchPhases(restores: readonly RestoreBatch[]): Sample<'namespace' | 'phase'>[] {
  const counts = new Map<string, Sample<'namespace' | 'phase'>>();
  for (const restore of restores) {
    const labels = { namespace: restore.metadata.namespace ?? '', phase: restore.status?.phase ?? 'Pending' };
    const key = `${labels.namespace}/${labels.phase}`;
    counts.set(key, { labels, value: (counts.get(key)?.value ?? 0) + 1 });
  }
  return [...counts.values()];
}
