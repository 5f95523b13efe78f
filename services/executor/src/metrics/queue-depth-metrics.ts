import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { onWatchedConnection, REDIS_CONNECTION } from '@restash/queue';
import { Gauge, METRICS_REGISTRY, type Registry } from '@restash/service-runtime';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { MEMBER_QUEUE, RESTORE_QUEUE, SESSION_QUEUE } from '../queues/queue-names.js';

/** The BullMQ queues whose depth is reported (add new queues here). */
export const OBSERVED_QUEUES = [SESSION_QUEUE, RESTORE_QUEUE, MEMBER_QUEUE];
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
const COUNT_TIMEOUT_MS = 2000;

/**
 * `restash_queue_jobs{queue, state}`: the jobs in each queue, read from Redis when Prometheus
 * scrapes (every replica reports the same shared queues: aggregate with max, not sum). When Redis
 * does not answer in time, the series are left out rather than failing or stalling the scrape.
 */
@Injectable()
export class QueueDepthMetrics implements OnModuleDestroy {
  private readonly queues: Queue[];

  constructor(@Inject(REDIS_CONNECTION) redis: Redis, @Inject(METRICS_REGISTRY) registry: Registry) {
    this.queues = OBSERVED_QUEUES.map((name) => onWatchedConnection(new Queue(name, { connection: redis })));
    const queues = this.queues;
    new Gauge({
      name: 'restash_queue_jobs',
      help: 'Jobs in a BullMQ queue by state (waiting, active, delayed, failed).',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        const counts = await Promise.all(queues.map((queue) => withinTimeout(queue.getJobCounts(...QUEUE_STATES))));
        queues.forEach((queue, index) => {
          for (const state of QUEUE_STATES) if (counts[index]) this.set({ queue: queue.name, state }, counts[index][state] ?? 0);
        });
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}

/** The counts, or undefined when Redis fails or takes longer than a scrape should wait. */
async function withinTimeout<T>(work: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), COUNT_TIMEOUT_MS)));
  try {
    return await Promise.race([work.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
