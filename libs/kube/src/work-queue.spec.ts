import { createLogger } from '@restash/observability';
import { WorkQueue } from './work-queue.js';

const { jest: fake } = import.meta as unknown as { jest: typeof jest };
const logger = createLogger({ service: 'work-queue-spec', level: 'silent' });

describe('WorkQueue', () => {
  beforeEach(() => {
    fake.useFakeTimers();
  });
  afterEach(() => {
    fake.useRealTimers();
  });

  it('reconciles a key added many times once, and again if it was added while running', async () => {
    const runs: string[] = [];
    let release: () => void = () => undefined;
    const queue = new WorkQueue(
      'test',
      async (key) => {
        runs.push(key);
        if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      logger,
    );
    queue.add('a');
    queue.add('a');
    await fake.advanceTimersByTimeAsync(0);
    queue.add('a');
    queue.add('a');
    await fake.advanceTimersByTimeAsync(0);
    expect(runs).toEqual(['a']);
    release();
    await fake.advanceTimersByTimeAsync(0);
    expect(runs).toEqual(['a', 'a']);
    await queue.stop();
  });

  it('runs different keys concurrently up to its limit', async () => {
    let running = 0;
    let most = 0;
    const queue = new WorkQueue(
      'test',
      async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        running--;
      },
      logger,
      { concurrency: 2 },
    );
    for (const key of ['a', 'b', 'c', 'd', 'e']) queue.add(key);
    await fake.advanceTimersByTimeAsync(100);
    expect(most).toBe(2);
    await queue.stop();
  });

  it('retries a failing key with exponential back-off until it succeeds', async () => {
    const attempts: number[] = [];
    const queue = new WorkQueue(
      'test',
      async () => {
        attempts.push(Date.now());
        if (attempts.length < 4) throw new Error('NATS unavailable');
      },
      logger,
    );
    const start = Date.now();
    queue.add('a');
    await fake.advanceTimersByTimeAsync(20_000);
    expect(attempts.map((at) => at - start)).toEqual([0, 1000, 3000, 7000]);
    await queue.stop();
  });

  it('drops waiting keys and pending retries when stopped', async () => {
    const attempts: string[] = [];
    const queue = new WorkQueue(
      'test',
      async (key) => {
        attempts.push(key);
        throw new Error('down');
      },
      logger,
    );
    queue.add('a');
    await fake.advanceTimersByTimeAsync(0);
    await queue.stop();
    queue.add('b');
    await fake.advanceTimersByTimeAsync(60_000);
    expect(attempts).toEqual(['a']);
  });
  it('holds keys until started, then reconciles each once however often it was added', async () => {
    const seen: string[] = [];
    const queue = new WorkQueue('test', async (key) => void seen.push(key), logger, { startPaused: true });
    queue.add('a');
    queue.add('b');
    queue.add('a');
    await fake.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([]);
    queue.start();
    await fake.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['a', 'b']);
    expect(queue.idle).toBe(true);
  });
});
