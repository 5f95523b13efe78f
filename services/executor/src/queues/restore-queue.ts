import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { REDIS_CONNECTION } from '@restash/queue';
import type { Redis } from 'ioredis';
import type { RestoreJobData } from './job-data.js';
import { RESTORE_QUEUE } from './queue-names.js';
import { UidJobQueue } from './uid-job-queue.js';

/** Producer side of the restore queue: one job per RestoreBatch, its uid as job id, so a repeated request is a no-op. */
@Injectable()
export class RestoreQueue extends UidJobQueue<RestoreJobData> implements OnModuleDestroy {
  constructor(@Inject(REDIS_CONNECTION) redis: Redis) {
    super(redis, RESTORE_QUEUE, 'restore-batch', (restore) => ({ restore }));
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}
