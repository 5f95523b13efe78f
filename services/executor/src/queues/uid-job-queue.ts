import type { ObjectIdentity } from '@restash/events';
import { onWatchedConnection } from '@restash/queue';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

const DAY_SECONDS = 24 * 60 * 60;

/** Producer side of an orchestration queue: one job per object, its uid as job id, so a repeated request is a no-op. */
export class UidJobQueue<T> {
  private readonly queue: Queue<T>;

  constructor(
    redis: Redis,
    name: string,
    private readonly jobName: string,
    private readonly data: (object: ObjectIdentity) => T,
  ) {
    this.queue = onWatchedConnection(new Queue<T>(name, { connection: redis }));
  }

  async enqueue(object: ObjectIdentity): Promise<void> {
    // BullMQ's typings infer the data type from the job name; the data is T whatever the name.
    await (this.queue as Queue).add(this.jobName, this.data(object), {
      jobId: object.uid,
      attempts: 5,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: DAY_SECONDS },
      removeOnFail: { age: 7 * DAY_SECONDS },
    });
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
