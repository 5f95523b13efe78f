import { randomBytes } from 'node:crypto';
import { createRedisConnection } from '@restash/queue';
import { Queue, QueueEvents, Worker } from 'bullmq';
import type { Redis } from 'ioredis';

describe('BullMQ on a real Redis', () => {
  it('round-trips a job from a producer to a worker and back', async () => {
    const name = `roundtrip-${randomBytes(3).toString('hex')}`;
    // BullMQ leaves connections it was given open; the test closes its own.
    const connections = ['producer', 'events', 'worker'].map((role) => createRedisConnection(process.env['REDIS_URL']!, `bullmq-test-${role}`));
    const [connection, eventsConnection, workerConnection] = connections as [Redis, Redis, Redis];
    const queue = new Queue(name, { connection });
    const events = new QueueEvents(name, { connection: eventsConnection });
    const worker = new Worker(name, async (job) => ({ doubled: (job.data as { n: number }).n * 2, by: job.id }), { connection: workerConnection });
    try {
      await events.waitUntilReady();
      const job = await queue.add('double', { n: 21 }, { jobId: 'run-1' });
      const again = await queue.add('double', { n: 99 }, { jobId: 'run-1' });
      expect(again.id).toBe(job.id);
      await expect(job.waitUntilFinished(events, 10_000)).resolves.toEqual({ doubled: 42, by: 'run-1' });
    } finally {
      await worker.close();
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
      for (const each of connections) each.disconnect();
    }
  });
});
