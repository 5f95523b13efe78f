import type { KubernetesListObject, KubernetesObject } from '@kubernetes/client-node';
import type { ObjectMeta, ResourceType } from '@restash/api';
import type { KubeClient } from './kube-client.js';
import { ResourceInformer, type InformerHandlers, type ResourceInformerOptions } from './resource-informer.js';
import type { Logger } from '@restash/observability';

type CustomObject = { metadata: ObjectMeta };

/**
 * A ResourceInformer over one of restash's custom resources, in every namespace or in one. Custom
 * objects arrive as plain JSON (timestamps stay strings), so they are typed as @restash/api's types.
 */
export class CustomResourceInformer<T extends CustomObject> {
  private readonly informer: ResourceInformer<KubernetesObject>;

  constructor(kube: KubeClient, resource: ResourceType, namespace: string | undefined, handlers: InformerHandlers<T>, logger: Logger, options: ResourceInformerOptions = {}) {
    const address = { group: resource.group, version: resource.version, plural: resource.plural };
    const path = `/apis/${resource.group}/${resource.version}${namespace ? `/namespaces/${namespace}` : ''}/${resource.plural}`;
    const list = async () => {
      const result = namespace
        ? await kube.customObjects.listNamespacedCustomObject({ ...address, namespace })
        : await kube.customObjects.listClusterCustomObject(address);
      return result as KubernetesListObject<KubernetesObject>;
    };
    this.informer = new ResourceInformer(kube, path, list, handlers as unknown as InformerHandlers<KubernetesObject>, logger, undefined, options);
  }

  /** True once the first list arrived: the cache shows the cluster, not an empty start. */
  get synced(): boolean {
    return this.informer.synced;
  }

  start(): Promise<void> {
    return this.informer.start();
  }

  stop(): Promise<void> {
    return this.informer.stop();
  }

  get(namespace: string, name: string): T | undefined {
    return this.informer.get(namespace, name) as unknown as T | undefined;
  }

  list(namespace?: string): readonly T[] {
    return this.informer.list(namespace) as unknown as readonly T[];
  }
}
