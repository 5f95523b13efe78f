import { WorkQueue } from '@restash/kube';
import type { Logger } from '@restash/observability';
import type { Leadership } from '../leadership.js';

type Runnable = { metadata: { uid?: string } };

/**
 * The leader's reconcile of objects that need a run (BackupSessions, RestoreBatches): each object
 * still needing one is asked for once per term and uid (`request`); its status updates do not ask
 * again. A new leader asks again for all of them: a request may have been lost with the old one,
 * and JetStream drops the repeats it already has (the uid is the message id).
 */
export abstract class RunRequestQueue<T extends Runnable> {
  private readonly queue: WorkQueue;
  /** The uid asked for per key, in this term. */
  private readonly published = new Map<string, string>();

  constructor(
    name: string,
    private readonly leadership: Leadership,
    logger: Logger,
  ) {
    this.queue = new WorkQueue(name, (key) => this.reconcile(key), logger);
  }

  protected abstract find(key: string): T | undefined;
  protected abstract keys(): string[];
  protected abstract needsRun(object: T): boolean;
  /** Asks for the object's run (or ends it when it cannot run). */
  protected abstract request(object: T, key: string): Promise<void>;

  enqueue(key: string): void {
    this.queue.add(key);
  }

  beginTerm(): void {
    this.published.clear();
    for (const key of this.keys()) this.queue.add(key);
  }

  stop(): Promise<void> {
    return this.queue.stop();
  }

  private async reconcile(key: string): Promise<void> {
    if (!this.leadership.isLeader) return;
    const object = this.find(key);
    if (!object || !this.needsRun(object)) {
      this.published.delete(key);
      return;
    }
    const uid = object.metadata.uid!;
    if (this.published.get(key) === uid) return;
    await this.request(object, key);
    this.published.set(key, uid);
  }
}
