import type { KubernetesListObject, KubernetesObject } from '@kubernetes/client-node';
import { ResourceInformer, type InformerHandlers, type KubeClient } from '@restash/kube';
import type { Logger } from '@restash/observability';

/** A ResourceInformer that knows whether its first list arrived (so its cache shows the cluster, not an empty start). */
export class ListedInformer<T extends KubernetesObject> {
  private readonly informer: ResourceInformer<T>;
  private listed = false;

  constructor(kube: KubeClient, path: string, list: () => Promise<unknown>, handlers: InformerHandlers<T>, logger: Logger, labelSelector?: string) {
    const listed = async () => {
      const result = (await list()) as KubernetesListObject<T>;
      this.listed = true;
      return result;
    };
    this.informer = new ResourceInformer(kube, path, listed, handlers, logger, labelSelector);
  }

  get synced(): boolean {
    return this.listed;
  }

  start(): Promise<void> {
    return this.informer.start();
  }

  stop(): Promise<void> {
    return this.informer.stop();
  }

  get(namespace: string, name: string): T | undefined {
    return this.informer.get(namespace, name);
  }

  list(): readonly T[] {
    return this.informer.list();
  }
}
