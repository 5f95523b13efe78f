import { Inject, Injectable } from '@nestjs/common';
import { validateBackupBatch, type BackupBatch, type Repository } from '@restash/api';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { ClusterCaches } from '../cluster/cluster-caches.js';
import { objectAddress, objectKey } from '../controller/object-key.js';
import { WorkQueue } from '@restash/kube';
import { Leadership } from '../leadership.js';
import { SlotController } from '../sessions/slot-controller.js';
import { BatchFactsLoader } from '../validation/batch-facts-loader.js';
import { repositoryRef } from '../validation/batch-references.js';
import { judgeBatch, judgeMalformedBatch, type BatchVerdict } from '../validation/judge-batch.js';
import { VerdictPublisher } from './verdict-publisher.js';

/** Validates each BackupBatch, publishes its verdict, and keeps its timer running exactly while it may run. */
@Injectable()
export class BatchController {
  private readonly queue: WorkQueue;
  /** Batches known when this replica became leader: their missed slots are caught up once. */
  private catchUpPending = new Set<string>();

  constructor(
    private readonly caches: ClusterCaches,
    private readonly facts: BatchFactsLoader,
    private readonly verdicts: VerdictPublisher,
    private readonly slots: SlotController,
    private readonly leadership: Leadership,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.queue = new WorkQueue('batches', (key) => this.reconcile(key), logger);
  }

  enqueue(key: string): void {
    this.queue.add(key);
  }

  enqueueAll(): void {
    for (const batch of this.caches.batches.list()) this.queue.add(objectKey(batch));
  }

  /** The batches that use a Repository: its appearance, change or removal changes their verdict. */
  enqueueUsersOf(repository: Repository): void {
    const { namespace, name } = repository.metadata;
    for (const batch of this.caches.batches.list()) {
      const ref = repositoryRef(batch);
      if (ref && ref.namespace === namespace && ref.name === name) this.queue.add(objectKey(batch));
    }
  }

  beginTerm(): void {
    this.verdicts.reset();
    this.catchUpPending = new Set(this.caches.batches.list().map(objectKey));
    this.enqueueAll();
  }

  stop(): Promise<void> {
    return this.queue.stop();
  }

  private async reconcile(key: string): Promise<void> {
    if (!this.leadership.isLeader) return;
    const batch = this.caches.batches.get(...objectAddress(key));
    if (!batch || batch.metadata.deletionTimestamp) {
      this.slots.schedule(key, undefined);
      this.verdicts.forget(key);
      return;
    }
    const verdict = await this.judge(batch);
    this.slots.schedule(key, verdict.schedule);
    if (this.catchUpPending.delete(key) && verdict.schedule) this.slots.catchUp(batch, verdict.schedule);
    await this.verdicts.publish(batch, verdict);
  }

  private async judge(batch: BackupBatch): Promise<BatchVerdict> {
    const checked = validateBackupBatch(batch);
    return checked.ok ? judgeBatch(checked.value, await this.facts.load(checked.value)) : judgeMalformedBatch(batch, checked.errors);
  }
}
