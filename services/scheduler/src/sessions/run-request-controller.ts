import { Inject, Injectable } from '@nestjs/common';
import type { BackupSession } from '@restash/api';
import { SUBJECTS } from '@restash/events';
import { JetStreamPublisher } from '@restash/messaging';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { ClusterCaches } from '../cluster/cluster-caches.js';
import { objectAddress, objectKey } from '../controller/object-key.js';
import { RunRequestQueue } from '../controller/run-request-queue.js';
import { Leadership } from '../leadership.js';
import { SchedulerMetrics } from '../scheduler-metrics.js';
import { needsRun, runRequest } from './run-request.js';

/** Turns every unfinished BackupSession of a BackupBatch into a run request for the executor. */
@Injectable()
export class RunRequestController extends RunRequestQueue<BackupSession> {
  constructor(
    private readonly caches: ClusterCaches,
    private readonly publisher: JetStreamPublisher,
    leadership: Leadership,
    private readonly metrics: SchedulerMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super('run-requests', leadership, logger);
  }

  protected find(key: string): BackupSession | undefined {
    return this.caches.sessions.get(...objectAddress(key));
  }

  protected keys(): string[] {
    return this.caches.sessions.list().map(objectKey);
  }

  protected needsRun(session: BackupSession): boolean {
    return needsRun(session);
  }

  protected async request(session: BackupSession, key: string): Promise<void> {
    const uid = session.metadata.uid!;
    // The uid as message id: JetStream stores one run request per session, whoever publishes it.
    const { duplicate } = await this.publisher.publish(SUBJECTS.backupRun, runRequest(session), uid);
    this.metrics.runRequestsPublished.inc({ duplicate: String(duplicate) });
    this.logger.info({ session: key, uid, duplicate }, 'published run request');
  }
}
