import type { Logger } from '@restash/observability';

export type Reconcile = (key: string) => Promise<void>;

export interface WorkQueueOptions {
  concurrency?: number;
  /** Hold keys until start() (e.g. until every cache has listed once). */
  startPaused?: boolean;
}

const BASE_RETRY_DELAY_MS = 1000;
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * client-go's work queue, small: a key added many times is reconciled once, never by two workers at
 * once (a key added while it runs runs again afterwards), and a reconcile that throws is retried with
 * exponential back-off. Reconcilers read the current state themselves, so only keys travel.
 */
export class WorkQueue {
  private readonly waiting = new Set<string>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly retries = new Map<string, NodeJS.Timeout>();
  private readonly failures = new Map<string, number>();
  private readonly concurrency: number;
  private started: boolean;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly reconcile: Reconcile,
    private readonly logger: Logger,
    { concurrency = 4, startPaused = false }: WorkQueueOptions = {},
  ) {
    this.concurrency = concurrency;
    this.started = !startPaused;
  }

  add(key: string): void {
    if (this.stopped) return;
    this.waiting.add(key);
    this.pump();
  }

  start(): void {
    this.started = true;
    this.pump();
  }

  /** Whether nothing waits or runs (the initial pass is done once this holds after start). */
  get idle(): boolean {
    return this.waiting.size === 0 && this.running.size === 0;
  }

  /** Drops what waits, then waits for the running reconciles to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting.clear();
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    await Promise.all(this.running.values());
  }

  private pump(): void {
    if (!this.started) return;
    for (const key of this.waiting) {
      if (this.running.size >= this.concurrency) return;
      if (this.running.has(key)) continue;
      this.waiting.delete(key);
      this.running.set(key, Promise.resolve().then(() => this.run(key)));
    }
  }

  private async run(key: string): Promise<void> {
    try {
      await this.reconcile(key);
      this.failures.delete(key);
    } catch (error) {
      this.retryLater(key, error);
    } finally {
      this.running.delete(key);
      this.pump();
    }
  }

  private retryLater(key: string, error: unknown): void {
    const failures = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, failures);
    const delayMs = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** (failures - 1));
    const err = error instanceof Error ? error.message : String(error);
    this.logger.warn({ queue: this.name, key, failures, retryInMs: delayMs, err }, 'reconcile failed; will retry');
    if (this.stopped || this.retries.has(key)) return;
    this.retries.set(
      key,
      setTimeout(() => {
        this.retries.delete(key);
        this.add(key);
      }, delayMs),
    );
  }
}
