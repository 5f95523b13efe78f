import { Injectable } from '@nestjs/common';
import { isSupportedTargetKind, type Repository } from '@restash/api';
import { isNotFound, KubeClient } from '@restash/kube';
import { ClusterCaches } from '../cluster/cluster-caches.js';
import { TargetLookup } from '../cluster/target-lookup.js';
import type { BatchFacts } from './batch-facts.js';
import { repositoryRef, targetAddress, type BatchLike, type ObjectAddress } from './batch-references.js';
import { admitsBySelector, repositoryAccessDenial } from '@restash/api';

/** Reads what a batch refers to. API errors other than NotFound are thrown, so the reconcile is retried. */
@Injectable()
export class BatchFactsLoader {
  constructor(
    private readonly kube: KubeClient,
    private readonly caches: ClusterCaches,
    private readonly targets: TargetLookup,
  ) {}

  async load(batch: BatchLike): Promise<BatchFacts> {
    const namespace = batch.metadata.namespace!;
    const ref = repositoryRef(batch);
    const repository = ref && this.caches.repositories.get(ref.namespace, ref.name);
    const namespaceLabels = repository && admitsBySelector(repository) ? await this.namespaceLabels(namespace) : undefined;
    const usable = repository && !repositoryAccessDenial(repository, namespace, namespaceLabels) ? repository : undefined;
    const [secretKeys, targetsFound] = await Promise.all([this.backendSecretKeys(usable), this.targetsFound(batch)]);
    return { repository, namespaceLabels, secretKeys, targetsFound };
  }

  private async namespaceLabels(name: string): Promise<Record<string, string>> {
    return (await this.kube.core.readNamespace({ name })).metadata?.labels ?? {};
  }

  /** The keys that hold a value; the values never leave this function. */
  private async backendSecretKeys(repository: Repository | undefined): Promise<string[] | undefined> {
    const name = repository?.spec.backend.storageSecretName;
    if (!repository || !name) return undefined;
    const secret = await this.readSecret({ namespace: repository.metadata.namespace!, name });
    return (
      secret &&
      Object.entries(secret.data ?? {})
        .filter(([, value]) => value.length > 0)
        .map(([key]) => key)
    );
  }

  private async readSecret(address: ObjectAddress) {
    try {
      return await this.kube.core.readNamespacedSecret(address);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private targetsFound(batch: BatchLike): Promise<Array<boolean | undefined>> {
    return Promise.all(
      (batch.spec?.members ?? []).map(({ target: { ref } }) => {
        if (!isSupportedTargetKind(ref.kind)) return undefined;
        return this.targets.exists(targetAddress({ ...ref, kind: ref.kind }, batch.metadata.namespace!));
      }),
    );
  }
}
