import type { V1Secret } from '@kubernetes/client-node';
import { Injectable } from '@nestjs/common';
import { isNotFound, KubeClient } from '@restash/kube';

/** Writes and deletes the sidecars' repository Secrets (plain writes: they are wholly the injector's). */
@Injectable()
export class RepositorySecrets {
  constructor(private readonly kube: KubeClient) {}

  /** Creates the Secret, or replaces the one the cache shows (a stale resourceVersion conflicts and is retried). */
  async write(desired: V1Secret, existing: V1Secret | undefined): Promise<void> {
    const namespace = desired.metadata!.namespace!;
    if (!existing) {
      await this.kube.core.createNamespacedSecret({ namespace, body: desired });
      return;
    }
    const body = { ...desired, metadata: { ...desired.metadata, resourceVersion: existing.metadata?.resourceVersion } };
    await this.kube.core.replaceNamespacedSecret({ namespace, name: desired.metadata!.name!, body });
  }

  async delete(namespace: string, name: string): Promise<void> {
    await this.kube.core.deleteNamespacedSecret({ namespace, name }).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }
}
