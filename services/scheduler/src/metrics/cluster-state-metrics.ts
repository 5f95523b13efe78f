import { Inject, Injectable } from '@nestjs/common';
import { Gauge, METRICS_REGISTRY, type Registry } from '@restash/service-runtime';
import { ClusterCaches } from '../cluster/cluster-caches.js';
import { Leadership } from '../leadership.js';
import { oldestUnfinishedSessions, repositoryFigures, restoreBatchPhases, scheduleIntervals, type Sample } from './cluster-state.js';

/**
 * Gauges of what the cluster holds, read from the scheduler's caches when Prometheus scrapes: the
 * Repositories' snapshot counts and sizes (as the status service writes them), each scheduled
 * batch's slot interval, the oldest unfinished session per batch, and the RestoreBatches by phase.
 * Only the leader reports them, so they are never doubled; they survive restarts because the API
 * server keeps them.
 */
@Injectable()
export class ClusterStateMetrics {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, caches: ClusterCaches, leadership: Leadership) {
    const visible = () => leadership.isLeader && caches.synced;
    const gauge = <L extends string>(name: string, help: string, labelNames: L[], samples: () => Sample<L>[]) =>
      new Gauge<L>({
        name,
        help,
        labelNames,
        registers: [registry],
        collect() {
          this.reset();
          if (visible()) for (const { labels, value } of samples()) this.set(labels as Partial<Record<L, string>>, value);
        },
      });
    gauge('restash_repository_snapshots', 'Snapshots in a Repository (all its members), from its status.', ['namespace', 'repository'], () => repositoryFigures(caches.repositories.list()).snapshots);
    gauge('restash_repository_size_bytes', 'Size of a Repository (all its members, restic raw data), from its status.', ['namespace', 'repository'], () => repositoryFigures(caches.repositories.list()).sizeBytes);
    gauge('restash_backup_batch_schedule_interval_seconds', 'Time between the slots of a scheduled, unpaused BackupBatch.', ['namespace', 'invoker'], () => scheduleIntervals(caches.batches.list(), new Date()));
    gauge('restash_restore_batches', 'RestoreBatches in the cluster by phase.', ['namespace', 'phase'], () => restoreBatchPhases(caches.restores.list()));
    gauge('restash_backup_oldest_session_age_seconds', 'Age of the oldest BackupSession of a batch still Pending or Running.', ['namespace', 'invoker', 'phase'], () => oldestUnfinishedSessions(caches.sessions.list(), new Date()));
  }
}
