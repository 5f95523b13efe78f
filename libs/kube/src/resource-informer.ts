import { makeInformer, type Informer, type KubernetesListObject, type KubernetesObject, type ObjectCache } from '@kubernetes/client-node';
import type { Logger } from '@restash/observability';
import type { KubeClient } from './kube-client.js';

export interface InformerHandlers<T> {
  /** Called for new objects and on every (re)list, so handlers must be idempotent (reconcile, not react). */
  upsert?: (object: T) => void | Promise<void>;
  deleted?: (object: T) => void | Promise<void>;
}

const RESTART_DELAYS_MS = [500, 1000, 2000, 5000];

export interface ResourceInformerOptions {
  /**
   * Keep objects without metadata.managedFields (often the larger part of a small object), for caches
   * of many objects whose readers never look at them.
   */
  dropManagedFields?: boolean;
}

/** Removes metadata.managedFields from an object in place (the informer's cache holds this very object). */
export function dropManagedFields<T extends KubernetesObject>(object: T): T {
  if (object.metadata?.managedFields) delete object.metadata.managedFields;
  return object;
}

/**
 * A list+watch cache of one resource that never gives up: client-node's informer stops on an error
 * (API server restarting, connection reset); this one starts again with back-off and relists, so
 * handlers see the current state again. Handler errors are logged, never thrown into the watch.
 */
export class ResourceInformer<T extends KubernetesObject> {
  private readonly informer: Informer<T> & ObjectCache<T>;
  private stopped = false;
  private failures = 0;
  private listed = false;

  constructor(
    kube: KubeClient,
    path: string,
    list: () => Promise<KubernetesListObject<T>>,
    private readonly handlers: InformerHandlers<T>,
    private readonly logger: Logger,
    labelSelector?: string,
    { dropManagedFields: drop = false }: ResourceInformerOptions = {},
  ) {
    const keep = drop ? dropManagedFields : (object: T) => object;
    const listOnce = async () => {
      const result = await list();
      result.items.forEach(keep);
      this.listed = true;
      return result;
    };
    this.informer = makeInformer(kube.config, path, listOnce, labelSelector);
    const upsert = (object: T) => this.dispatch('upsert', keep(object));
    this.informer.on('add', upsert);
    this.informer.on('update', upsert);
    this.informer.on('delete', (object) => this.dispatch('deleted', object));
    this.informer.on('connect', () => (this.failures = 0));
    this.informer.on('error', (error) => this.restartAfterError(path, error));
  }

  /** True once the first list arrived: the cache shows the cluster, not an empty start. */
  get synced(): boolean {
    return this.listed;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.informer.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.informer.stop();
  }

  list(namespace?: string): readonly T[] {
    return this.informer.list(namespace);
  }

  get(namespace: string, name: string): T | undefined {
    return this.informer.get(name, namespace);
  }

  private dispatch(kind: keyof InformerHandlers<T>, object: T): void {
    const handler = this.handlers[kind];
    if (!handler) return;
    Promise.resolve()
      .then(() => handler(object))
      .catch((error: unknown) => {
        this.logger.error({ err: error, namespace: object.metadata?.namespace, name: object.metadata?.name, kind: object.kind }, `${kind} handler failed`);
      });
  }

  private restartAfterError(path: string, error: unknown): void {
    if (this.stopped) return;
    const delay = RESTART_DELAYS_MS[Math.min(this.failures++, RESTART_DELAYS_MS.length - 1)]!;
    this.logger.warn({ path, err: error instanceof Error ? error.message : String(error), retryInMs: delay }, 'watch failed; restarting');
    setTimeout(() => {
      if (!this.stopped) this.informer.start().catch((startError: unknown) => this.restartAfterError(path, startError));
    }, delay);
  }
}
