import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ObjectIdentity } from '@restash/events';
import { REDIS_CONNECTION } from '@restash/queue';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SessionJobData } from './job-data.js';
import { SESSION_QUEUE } from './queue-names.js';

const DAY_SECONDS = 24 * 60 * 60;

/** Producer side of the session queue: one job per BackupSession, its uid as job id, so a repeated request is a no-op. */
@Injectable()
export class SessionQueue implements OnModuleDestroy {
  private readonly queue: Queue<SessionJobData>;

  constructor(@Inject(REDIS_CONNECTION) redis: Redis) {
    this.queue = new Queue<SessionJobData>(SESSION_QUEUE, { connection: redis });
  }

  async enqueue(session: ObjectIdentity): Promise<void> {
    await this.queue.add('backup-session', { session }, {
      jobId: session.uid,
      attempts: 5,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: DAY_SECONDS },
      removeOnFail: { age: 7 * DAY_SECONDS },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}
