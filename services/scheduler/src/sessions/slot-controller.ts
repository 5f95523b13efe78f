import { Inject, Injectable } from '@nestjs/common';
import type { BackupBatch } from '@restash/api';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { BackupSessions } from '../cluster/backup-sessions.js';
import { ClusterCaches } from '../cluster/cluster-caches.js';
import { objectAddress, objectKey } from '../controller/object-key.js';
import { WorkQueue } from '@restash/kube';
import { Leadership } from '../leadership.js';
import { BatchTimers } from '../schedule/batch-timers.js';
import { catchUpSlots } from '../schedule/catch-up-slots.js';
import type { Schedule } from '../schedule/schedule.js';
import { SchedulerMetrics } from '../scheduler-metrics.js';
import { SCHEDULER_SETTINGS, type SchedulerSettings } from '../scheduler-settings.js';
import { scheduledSession } from './session-manifest.js';
import { latestScheduledSlot } from './session-name.js';
import { parseSlotKey, slotKey } from './slot-key.js';

/** Keeps the timers of schedulable batches and creates the BackupSession of each due (or missed) slot. */
@Injectable()
export class SlotController {
  private readonly timers = new BatchTimers((batchKey, slot) => this.queue.add(slotKey(batchKey, slot)));
  private readonly queue: WorkQueue;

  constructor(
    private readonly caches: ClusterCaches,
    private readonly sessions: BackupSessions,
    private readonly leadership: Leadership,
    private readonly metrics: SchedulerMetrics,
    @Inject(SCHEDULER_SETTINGS) private readonly settings: SchedulerSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.queue = new WorkQueue('slots', (key) => this.reconcile(key), logger, { concurrency: settings.sessionCreateConcurrency });
  }

  /** Starts, changes or (without a schedule) stops a batch's timer. */
  schedule(batchKey: string, schedule: Schedule | undefined): void {
    this.timers.set(batchKey, schedule);
    this.metrics.timers.set(this.timers.size);
  }

  /** Queues the slots missed while no replica led, so a failover loses none. */
  catchUp(batch: BackupBatch, schedule: Schedule): void {
    const { name, namespace, creationTimestamp } = batch.metadata;
    const slots = catchUpSlots(schedule, {
      now: new Date(),
      createdAt: new Date(creationTimestamp ?? 0),
      latestSessionSlot: latestScheduledSlot(this.caches.sessions.list(namespace), name!),
      windowMs: this.settings.catchUpWindowMs,
      maxSlots: this.settings.catchUpMaxSlots,
    });
    if (slots.length === 0) return;
    this.logger.info({ batch: objectKey(batch), slots: slots.map((slot) => slot.toISOString()) }, 'catching up missed slots');
    for (const slot of slots) this.queue.add(slotKey(objectKey(batch), slot));
  }

  /** Stops every timer (leadership lost). */
  clear(): void {
    this.timers.clear();
    this.metrics.timers.set(0);
  }

  async stop(): Promise<void> {
    this.clear();
    await this.queue.stop();
  }

  private async reconcile(key: string): Promise<void> {
    if (!this.leadership.isLeader) return;
    const { batchKey, slot } = parseSlotKey(key);
    const batch = this.caches.batches.get(...objectAddress(batchKey));
    // Deleted, paused or invalid since the slot was queued: nothing to run.
    if (!batch || batch.metadata.deletionTimestamp || !this.timers.has(batchKey)) return;
    if (Date.now() - slot.getTime() > this.settings.catchUpWindowMs) {
      this.logger.warn({ batch: batchKey, slot: slot.toISOString() }, 'gave up a slot older than the catch-up window');
      return;
    }
    const session = scheduledSession(batch, slot);
    if (!(await this.sessions.create(session))) return;
    const lagSeconds = (Date.now() - slot.getTime()) / 1000;
    this.metrics.sessionsCreated.inc();
    this.metrics.slotLag.observe(lagSeconds);
    this.logger.info({ batch: batchKey, session: session.metadata.name, slot: slot.toISOString(), lagSeconds }, 'created BackupSession');
  }
}
