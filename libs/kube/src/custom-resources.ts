import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import type { KubeObject, ResourceType } from '@restash/api';
import type { KubeClient } from './kube-client.js';

export interface ListOptions {
  labelSelector?: string;
}

/** Typed CRUD for one of restash's custom resources (namespaced). */
export class CustomResources<Spec, Status = never> {
  constructor(
    private readonly kube: KubeClient,
    readonly resource: ResourceType,
  ) {}

  private get address() {
    return { group: this.resource.group, version: this.resource.version, plural: this.resource.plural };
  }

  async get(namespace: string, name: string): Promise<KubeObject<Spec, Status>> {
    return (await this.kube.customObjects.getNamespacedCustomObject({ ...this.address, namespace, name })) as KubeObject<Spec, Status>;
  }

  async list(namespace?: string, { labelSelector }: ListOptions = {}): Promise<Array<KubeObject<Spec, Status>>> {
    const result = namespace
      ? await this.kube.customObjects.listNamespacedCustomObject({ ...this.address, namespace, labelSelector })
      : await this.kube.customObjects.listClusterCustomObject({ ...this.address, labelSelector });
    return (result as { items: Array<KubeObject<Spec, Status>> }).items;
  }

  async create(object: Omit<KubeObject<Spec, Status>, 'apiVersion' | 'kind'>): Promise<KubeObject<Spec, Status>> {
    const body = { apiVersion: this.resource.apiVersion, kind: this.resource.kind, ...object };
    const namespace = object.metadata.namespace;
    if (!namespace) throw new Error(`${this.resource.kind} ${object.metadata.name ?? ''} has no namespace`);
    return (await this.kube.customObjects.createNamespacedCustomObject({ ...this.address, namespace, body })) as KubeObject<Spec, Status>;
  }

  /** JSON merge patch of .status through the status subresource. */
  async patchStatus(namespace: string, name: string, status: Partial<Status>): Promise<KubeObject<Spec, Status>> {
    return (await this.kube.customObjects.patchNamespacedCustomObjectStatus(
      { ...this.address, namespace, name, body: { status } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )) as KubeObject<Spec, Status>;
  }

  /** JSON merge patch of the object (metadata or spec). */
  async patch(namespace: string, name: string, body: object): Promise<KubeObject<Spec, Status>> {
    return (await this.kube.customObjects.patchNamespacedCustomObject(
      { ...this.address, namespace, name, body },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )) as KubeObject<Spec, Status>;
  }

  async delete(namespace: string, name: string): Promise<void> {
    await this.kube.customObjects.deleteNamespacedCustomObject({ ...this.address, namespace, name, propagationPolicy: 'Background' });
  }

  /** The watch path for this resource across namespaces (for informers). */
  get watchPath(): string {
    return `/apis/${this.resource.group}/${this.resource.version}/${this.resource.plural}`;
  }
}
