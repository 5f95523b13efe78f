import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { REDIS_CONNECTION } from '@restash/queue';
import type { Redis } from 'ioredis';
import type { SessionJobData } from './job-data.js';
import { SESSION_QUEUE } from './queue-names.js';
import { UidJobQueue } from './uid-job-queue.js';

/** Producer side of the session queue: one job per BackupSession, its uid as job id, so a repeated request is a no-op. */
@Injectable()
export class SessionQueue extends UidJobQueue<SessionJobData> implements OnModuleDestroy {
  constructor(@Inject(REDIS_CONNECTION) redis: Redis) {
    super(redis, SESSION_QUEUE, 'backup-session', (session) => ({ session }));
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}
