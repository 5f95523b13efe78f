import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@restash/observability';
import { duplicateRedisConnection, logQueueErrors, REDIS_CONNECTION } from '@restash/queue';
import { LOGGER } from '@restash/service-runtime';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { EXECUTOR_SETTINGS, type ExecutorSettings } from '../executor-settings.js';
import { MemberRunner } from '../members/member-runner.js';
import { RestoreMemberRunner } from '../restore/restore-member-runner.js';
import { RestoreRunner } from '../restore/restore-runner.js';
import { SessionRunner } from '../session/session-runner.js';
import type { MemberJobData, MemberJobResult, RestoreJobData, SessionJobData } from './job-data.js';
import { MEMBER_QUEUE, RESTORE_QUEUE, SESSION_QUEUE } from './queue-names.js';

/**
 * The consumer side of the queues (backup and restore member runs share one). On shutdown the workers
 * stop taking jobs and let go of the ones in hand: BullMQ hands them to another replica once their lock
 * expires, and the runners resume.
 */
@Injectable()
export class Workers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(EXECUTOR_SETTINGS) private readonly settings: ExecutorSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly sessions: SessionRunner,
    private readonly members: MemberRunner,
    private readonly restores: RestoreRunner,
    private readonly restoreMembers: RestoreMemberRunner,
  ) {}

  onApplicationBootstrap(): void {
    const session = new Worker<SessionJobData>(SESSION_QUEUE, (job) => this.sessions.run(job.data.session), {
      connection: duplicateRedisConnection(this.redis),
      concurrency: this.settings.sessionConcurrency,
      maxStalledCount: 10,
    });
    const restore = new Worker<RestoreJobData>(RESTORE_QUEUE, (job) => this.restores.run(job.data.restore), {
      connection: duplicateRedisConnection(this.redis),
      concurrency: this.settings.sessionConcurrency,
      maxStalledCount: 10,
    });
    const member = new Worker<MemberJobData, MemberJobResult>(MEMBER_QUEUE, (job) => (job.data.kind === 'restore' ? this.restoreMembers.run(job.data) : this.members.run(job.data)), {
      connection: duplicateRedisConnection(this.redis),
      concurrency: this.settings.memberConcurrency,
      maxStalledCount: 10,
    });
    for (const worker of [session, restore, member]) {
      worker.on('failed', (job, error) => this.logger.error({ queue: worker.name, job: job?.id, attempt: job?.attemptsMade, err: error }, 'queue job failed'));
      logQueueErrors(worker, this.logger);
      this.workers.push(worker);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close(true)));
  }
}
