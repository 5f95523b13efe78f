import { Inject, Injectable } from '@nestjs/common';
import { RESOURCES, type BackupBatch, type BackupBatchSpec, type BackupBatchStatus } from '@restash/api';
import type { BackupBatchEvent } from '@restash/events';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { EventRecorder } from '../kube-events/event-recorder.js';
import { involvedObjectOf } from '../kube-events/involved-object.js';
import { StatusWriter } from '../kube/status-writer.js';
import type { ProcessingResult } from '../metrics/status-metrics.js';
import { batchNotices, workloadNotice } from './batch-notices.js';
import { reduceBatch } from './batch-reducer.js';

/**
 * Writes validation verdicts and member conditions into BackupBatch status, with a Warning Event on
 * the batch per new failure and, for a member condition naming its workload, an Event there.
 */
@Injectable()
export class BatchStatusService {
  private readonly logger: Logger;

  constructor(
    private readonly writer: StatusWriter,
    private readonly recorder: EventRecorder,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'batch-status' });
  }

  async apply(event: BackupBatchEvent): Promise<ProcessingResult> {
    const write = await this.writer.update<BackupBatchSpec, BackupBatchStatus>(RESOURCES.backupBatch, event.batch, (batch) =>
      reduceBatch(batch.status, event, new Date().toISOString()),
    );
    if (write.outcome === 'missing' || write.outcome === 'recreated') {
      this.logger.debug({ ...event.batch, type: event.type, generation: event.generation, outcome: write.outcome }, 'batch event for a batch that is gone; ignored');
      return write.outcome;
    }
    if (write.outcome === 'written') await this.announce(write.before, write.object, event);
    return write.outcome;
  }

  private async announce(before: BackupBatch, after: BackupBatch, event: BackupBatchEvent): Promise<void> {
    for (const notice of batchNotices(before.status, after.status ?? {})) await this.recorder.record(involvedObjectOf(after), notice);
    if (event.type !== 'member-condition' || !event.workload) return;
    const notice = workloadNotice(before.status, after.status ?? {}, event.target, event.condition.type);
    if (notice) await this.recorder.record(event.workload, notice);
  }
}
