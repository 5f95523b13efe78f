import { Inject, Injectable } from '@nestjs/common';
import type { BackupBatch } from '@restash/api';
import { SUBJECTS } from '@restash/events';
import { JetStreamPublisher } from '@restash/messaging';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { objectKey } from '../controller/object-key.js';
import type { BatchVerdict } from '../validation/judge-batch.js';
import { batchValidated, statusShowsVerdict, verdictMessageId } from './verdict-message.js';

/** Publishes BatchValidated when a batch's verdict differs from what its status shows; the status service writes it. */
@Injectable()
export class VerdictPublisher {
  /** The last message id published per batch, so an unchanged verdict is not even sent. */
  private readonly lastIds = new Map<string, string>();

  constructor(
    private readonly publisher: JetStreamPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async publish(batch: BackupBatch, verdict: BatchVerdict): Promise<void> {
    if (statusShowsVerdict(batch, verdict)) return;
    const key = objectKey(batch);
    const id = verdictMessageId(batch, verdict);
    if (this.lastIds.get(key) === id) return;
    await this.publisher.publish(SUBJECTS.batchStatus, batchValidated(batch, verdict), id);
    this.lastIds.set(key, id);
    const failing = verdict.conditions.filter((c) => c.status !== 'True').map((c) => `${c.type}=${c.status} (${c.reason}): ${c.message}`);
    this.logger.info({ batch: key, generation: batch.metadata.generation, failing }, 'published BackupBatch verdict');
  }

  forget(key: string): void {
    this.lastIds.delete(key);
  }

  /** A new leader publishes every verdict once more (JetStream drops those it already has). */
  reset(): void {
    this.lastIds.clear();
  }
}
