import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { duplicateRedisConnection, onWatchedConnection, REDIS_CONNECTION } from '@restash/queue';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { EXECUTOR_SETTINGS, type ExecutorSettings } from '../executor-settings.js';
import { memberJobId, type MemberJobData, type MemberJobResult } from './job-data.js';
import { MEMBER_QUEUE } from './queue-names.js';

const DAY_SECONDS = 24 * 60 * 60;
const FINISHED_STATES = new Set(['completed', 'failed', 'unknown']);

/**
 * Producer side of the member queue. A member run's job id is derived from the session (or RestoreBatch)
 * and member, so a resumed session finds the run it already started (or its result) instead of starting another.
 */
@Injectable()
export class MemberQueue implements OnModuleInit, OnModuleDestroy {
  private readonly queue: Queue<MemberJobData, MemberJobResult>;
  private readonly events: QueueEvents;
  private ready: Promise<void> = Promise.resolve();

  constructor(
    @Inject(REDIS_CONNECTION) redis: Redis,
    @Inject(EXECUTOR_SETTINGS) private readonly settings: ExecutorSettings,
  ) {
    this.queue = onWatchedConnection(new Queue<MemberJobData, MemberJobResult>(MEMBER_QUEUE, { connection: redis }));
    this.events = onWatchedConnection(new QueueEvents(MEMBER_QUEUE, { connection: duplicateRedisConnection(redis) }));
  }

  /** Not awaited here: the service starts (and /readyz says why) while Redis is away or refuses it; runs wait for it. */
  onModuleInit(): void {
    this.ready = this.prepare();
    this.ready.catch(() => undefined);
  }

  private async prepare(): Promise<void> {
    if (this.settings.globalMemberConcurrency) await this.queue.setGlobalConcurrency(this.settings.globalMemberConcurrency);
    else await this.queue.removeGlobalConcurrency();
    await this.events.waitUntilReady();
  }

  /** Runs a member (or joins the run already under way) and resolves with its result. */
  async run(data: MemberJobData): Promise<MemberJobResult> {
    await this.ready;
    const job = await this.queue.add(`${data.kind ?? 'backup'}-member`, data, {
      jobId: memberJobId(data),
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: DAY_SECONDS },
      removeOnFail: { age: 7 * DAY_SECONDS },
    });
    return (await job.waitUntilFinished(this.events)) as MemberJobResult;
  }

  /** Whether a member run's job has ended for good (completed, out of attempts, or removed). */
  async isFinished(jobId: string): Promise<boolean> {
    await this.ready;
    return FINISHED_STATES.has(await this.queue.getJobState(jobId));
  }

  async onModuleDestroy(): Promise<void> {
    await this.events.close();
    await this.queue.close();
  }
}
