import { Injectable } from '@nestjs/common';
import {
  admitsBySelector, RESOURCES, repositoryAccessDenial, type LocalBackend, type ObjectRef, type Repository, type RepositorySpec, type RepositoryStatus,
} from '@restash/api';
import type { MemberRepository } from '@restash/events';
import { CustomResources, isNotFound, KubeClient } from '@restash/kube';
import { secretScrubber } from '@restash/observability';
import { BackendConfigError, resticRepositoryFor } from '@restash/restic';
import { RepositoryUnavailableError } from './repository-unavailable-error.js';

/** What names a repository: a BackupBatch or a RestoreBatch, in its namespace. */
export interface RepositoryUser {
  kind: string;
  namespace: string;
  name: string;
  repository: ObjectRef | undefined;
}

export interface ResolvedMemberRepository {
  repository: MemberRepository;
  /** The local backend's volume, which a pod writing to the repository must mount. */
  localBackend: LocalBackend | undefined;
}

/**
 * Resolves one member's restic repository: the batch's Repository (which must admit the batch's
 * namespace by its usagePolicy), its storage Secret, and the member's path in the backend. Every
 * secret value read is remembered by the scrubber, so it never reaches a log line or a status.
 */
@Injectable()
export class MemberRepositoryResolver {
  private readonly repositories: CustomResources<RepositorySpec, RepositoryStatus>;

  constructor(private readonly kube: KubeClient) {
    this.repositories = new CustomResources(kube, RESOURCES.repository);
  }

  async resolve(user: RepositoryUser, target: { kind: string; name: string }): Promise<ResolvedMemberRepository> {
    if (!user.repository?.name) throw new RepositoryUnavailableError(`${user.kind} ${user.namespace}/${user.name} names no repository`);
    const ref = { namespace: user.repository.namespace ?? user.namespace, name: user.repository.name };
    const where = `Repository ${ref.namespace}/${ref.name}`;
    const repository = await this.repositories.get(ref.namespace, ref.name).catch(unavailableIfMissing(`${where} not found`));
    await this.assertUsableFrom(repository as Repository, user.namespace);
    const { backend } = repository.spec;
    const secretName = backend.storageSecretName;
    if (!secretName) throw new RepositoryUnavailableError(`${where} has no storageSecretName`);
    const secretData = await this.secretData(ref.namespace, secretName);
    try {
      const restic = resticRepositoryFor({ backend, target, secretData, secretName });
      return { repository: { ref, path: `${target.kind.toLowerCase()}/${target.name}`, restic }, localBackend: backend.local };
    } catch (error) {
      if (error instanceof BackendConfigError) throw new RepositoryUnavailableError(`${where}: ${error.message}`);
      throw error;
    }
  }

  private async assertUsableFrom(repository: Repository, namespace: string): Promise<void> {
    const labels = admitsBySelector(repository) ? await this.namespaceLabels(namespace) : {};
    const denial = repositoryAccessDenial(repository, namespace, labels);
    if (denial) throw new RepositoryUnavailableError(denial);
  }

  private async namespaceLabels(name: string): Promise<Record<string, string>> {
    return (await this.kube.core.readNamespace({ name })).metadata?.labels ?? {};
  }

  private async secretData(namespace: string, name: string): Promise<Record<string, string>> {
    const secret = await this.kube.core.readNamespacedSecret({ namespace, name }).catch(unavailableIfMissing(`storage Secret ${namespace}/${name} not found`));
    const data = Object.fromEntries(Object.entries(secret.data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')]));
    secretScrubber.remember(...Object.values(data));
    return data;
  }
}

function unavailableIfMissing(message: string): (error: unknown) => never {
  return (error) => {
    if (isNotFound(error)) throw new RepositoryUnavailableError(message);
    throw error;
  };
}

/** The repository reference of a BackupBatch or RestoreBatch, with who holds it. */
export function repositoryUserOf(batch: { kind?: string; metadata: { namespace?: string; name?: string }; spec: { repository?: ObjectRef } }): RepositoryUser {
  return { kind: batch.kind ?? 'BackupBatch', namespace: batch.metadata.namespace ?? '', name: batch.metadata.name ?? '', repository: batch.spec.repository };
}
