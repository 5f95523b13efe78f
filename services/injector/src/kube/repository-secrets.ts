import type { V1Secret } from '@kubernetes/client-node';
import { Injectable } from '@nestjs/common';
import { isNotFound, KubeClient, KubeWriteMetrics } from '@restash/kube';

/** Writes and deletes the sidecars' repository Secrets (plain writes: they are wholly the injector's). */
@Injectable()
export class RepositorySecrets {
  constructor(
    private readonly kube: KubeClient,
    private readonly writes: KubeWriteMetrics,
  ) {}

  /** Creates the Secret, or replaces the one the cache shows (a stale resourceVersion conflicts and is retried). */
  async write(desired: V1Secret, existing: V1Secret | undefined): Promise<void> {
    const namespace = desired.metadata!.namespace!;
    if (!existing) {
      await this.writes.count('secrets', this.kube.core.createNamespacedSecret({ namespace, body: desired }));
      return;
    }
    const body = { ...desired, metadata: { ...desired.metadata, resourceVersion: existing.metadata?.resourceVersion } };
    await this.writes.count('secrets', this.kube.core.replaceNamespacedSecret({ namespace, name: desired.metadata!.name!, body }));
  }

  async delete(namespace: string, name: string): Promise<void> {
    await this.writes.count('secrets', this.kube.core.deleteNamespacedSecret({ namespace, name }), { createOrDelete: true }).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }
}
