import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@restash/observability';
import { LOGGER, ReadinessRegistry } from '@restash/service-runtime';
import { BatchController } from './batches/batch-controller.js';
import { ClusterCaches } from './cluster/cluster-caches.js';
import { Leadership } from './leadership.js';
import { RestoreRunController } from './restores/restore-run-controller.js';
import { SCHEDULER_SETTINGS, type SchedulerSettings } from './scheduler-settings.js';
import { RunRequestController } from './sessions/run-request-controller.js';
import { SlotController } from './sessions/slot-controller.js';

const SYNC_POLL_MS = 200;

/**
 * Starts and stops the scheduler in order. Every replica keeps its caches warm; only the leader's
 * controllers act. Campaigning starts once the caches are synced, so a new leader sees every batch
 * and session when it catches up; shutdown stops acting before it releases the Lease.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private revalidation: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly caches: ClusterCaches,
    private readonly leadership: Leadership,
    private readonly batches: BatchController,
    private readonly slots: SlotController,
    private readonly runs: RunRequestController,
    private readonly restores: RestoreRunController,
    private readonly readiness: ReadinessRegistry,
    @Inject(SCHEDULER_SETTINGS) private readonly settings: SchedulerSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.readiness.register('caches', async () => {
      if (!this.caches.synced) throw new Error('BackupBatch, BackupSession, RestoreBatch and Repository caches are not synced yet');
    });
    this.leadership.onChange((leader) => (leader ? this.lead() : this.follow()));
    // Not awaited: the API server may be away at start; the caches retry and /readyz tells.
    this.start().catch((error: unknown) => this.logger.error({ err: error }, 'scheduler could not start'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.revalidation);
    await Promise.all([this.batches.stop(), this.slots.stop(), this.runs.stop(), this.restores.stop()]);
    await this.leadership.stop();
    await this.caches.stop();
  }

  private async start(): Promise<void> {
    await this.caches.start({
      batchChanged: (key) => this.batches.enqueue(key),
      sessionChanged: (key) => this.runs.enqueue(key),
      restoreChanged: (key) => this.restores.enqueue(key),
      repositoryChanged: (repository) => this.batches.enqueueUsersOf(repository),
    });
    while (!this.caches.synced && !this.stopping) await new Promise((resolve) => setTimeout(resolve, SYNC_POLL_MS));
    if (this.stopping) return;
    this.leadership.start();
    this.revalidation = setInterval(() => this.leadership.isLeader && this.batches.enqueueAll(), this.settings.revalidateIntervalMs);
  }

  private lead(): void {
    this.logger.info('leading: scheduling batches, catching up missed slots, asking for unfinished sessions and restores');
    this.batches.beginTerm();
    this.runs.beginTerm();
    this.restores.beginTerm();
  }

  private follow(): void {
    this.slots.clear();
  }
}
