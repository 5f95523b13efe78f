import { Inject, Injectable } from '@nestjs/common';
import { SUBJECTS } from '@restash/events';
import { JetStreamPublisher } from '@restash/messaging';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { ClusterCaches } from '../cluster/cluster-caches.js';
import { objectKey } from '../controller/object-key.js';
import { WorkQueue } from '@restash/kube';
import { Leadership } from '../leadership.js';
import { SchedulerMetrics } from '../scheduler-metrics.js';
import { needsRun, runRequest } from './run-request.js';

/** Turns every unfinished BackupSession of a BackupBatch into a run request for the executor. */
@Injectable()
export class RunRequestController {
  private readonly queue: WorkQueue;
  /** Session uid by key, once published in this term: status updates do not publish again. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly caches: ClusterCaches,
    private readonly publisher: JetStreamPublisher,
    private readonly leadership: Leadership,
    private readonly metrics: SchedulerMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.queue = new WorkQueue('run-requests', (key) => this.reconcile(key), logger);
  }

  enqueue(key: string): void {
    this.queue.add(key);
  }

  /** A new leader asks again for every unfinished session: a run request may have been lost with the old one. */
  beginTerm(): void {
    this.published.clear();
    for (const session of this.caches.sessions.list()) this.queue.add(objectKey(session));
  }

  stop(): Promise<void> {
    return this.queue.stop();
  }

  private async reconcile(key: string): Promise<void> {
    if (!this.leadership.isLeader) return;
    const session = this.caches.sessions.get(key);
    if (!session || !needsRun(session)) {
      this.published.delete(key);
      return;
    }
    const uid = session.metadata.uid!;
    if (this.published.get(key) === uid) return;
    // The uid as message id: JetStream stores one run request per session, whoever publishes it.
    const { duplicate } = await this.publisher.publish(SUBJECTS.backupRun, runRequest(session), uid);
    this.published.set(key, uid);
    this.metrics.runRequestsPublished.inc({ duplicate: String(duplicate) });
    this.logger.info({ session: key, uid, duplicate }, 'published run request');
  }
}
