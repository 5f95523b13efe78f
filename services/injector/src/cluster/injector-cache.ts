import type { KubernetesListObject, V1Secret } from '@kubernetes/client-node';
import { Inject, Injectable } from '@nestjs/common';
import { RESOURCES, type BackupBatch, type RestoreBatch } from '@restash/api';
import { CustomResourceInformer, KubeClient, ResourceInformer } from '@restash/kube';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../plan/repository-secret.js';
import { WORKLOAD_KINDS, type Workload, type WorkloadKind, type WorkloadRef } from '../workloads/workload.js';

/** Who hears about changes. */
export interface CacheListeners {
  batchChanged(batch: BackupBatch): void;
  restoreChanged(restore: RestoreBatch): void;
  workloadChanged(ref: WorkloadRef): void;
  secretChanged(secret: V1Secret): void;
}

type WorkloadReader = (kube: KubeClient) => Promise<unknown>;

const WORKLOAD_WATCHES: Record<WorkloadKind, { path: string; list: WorkloadReader }> = {
  Deployment: { path: '/apis/apps/v1/deployments', list: (kube) => kube.apps.listDeploymentForAllNamespaces() },
  StatefulSet: { path: '/apis/apps/v1/statefulsets', list: (kube) => kube.apps.listStatefulSetForAllNamespaces() },
  DaemonSet: { path: '/apis/apps/v1/daemonsets', list: (kube) => kube.apps.listDaemonSetForAllNamespaces() },
  ReplicaSet: { path: '/apis/apps/v1/replicasets', list: (kube) => kube.apps.listReplicaSetForAllNamespaces() },
  ReplicationController: { path: '/api/v1/replicationcontrollers', list: (kube) => kube.core.listReplicationControllerForAllNamespaces() },
};

const SECRET_SELECTOR = `${MANAGED_BY_LABEL}=${MANAGED_BY}`;

/** The injector's watched view of the cluster: BackupBatches, RestoreBatches, the five workload kinds, and its own Secrets. */
@Injectable()
export class InjectorCache {
  private readonly batchInformer: CustomResourceInformer<BackupBatch>;
  private readonly restoreInformer: CustomResourceInformer<RestoreBatch>;
  private readonly workloadInformers: Record<WorkloadKind, ResourceInformer<Workload>>;
  private readonly secretInformer: ResourceInformer<V1Secret>;
  private listeners: CacheListeners | undefined;

  constructor(kube: KubeClient, @Inject(LOGGER) logger: Logger) {
    const batchChanged = (batch: BackupBatch) => this.listeners?.batchChanged(batch);
    const restoreChanged = (restore: RestoreBatch) => this.listeners?.restoreChanged(restore);
    this.batchInformer = new CustomResourceInformer(kube, RESOURCES.backupBatch, undefined, { upsert: batchChanged, deleted: batchChanged }, logger);
    this.restoreInformer = new CustomResourceInformer(kube, RESOURCES.restoreBatch, undefined, { upsert: restoreChanged, deleted: restoreChanged }, logger);
    this.workloadInformers = Object.fromEntries(
      WORKLOAD_KINDS.map((kind) => {
        const changed = (workload: Workload) => this.listeners?.workloadChanged({ kind, namespace: workload.metadata?.namespace ?? '', name: workload.metadata?.name ?? '' });
        const { path, list } = WORKLOAD_WATCHES[kind];
        return [kind, new ResourceInformer<Workload>(kube, path, () => list(kube) as Promise<KubernetesListObject<Workload>>, { upsert: changed, deleted: changed }, logger)];
      }),
    ) as Record<WorkloadKind, ResourceInformer<Workload>>;
    const secretChanged = (secret: V1Secret) => this.listeners?.secretChanged(secret);
    this.secretInformer = new ResourceInformer(kube, '/api/v1/secrets', () => kube.core.listSecretForAllNamespaces({ labelSelector: SECRET_SELECTOR }), { upsert: secretChanged, deleted: secretChanged }, logger, SECRET_SELECTOR);
  }

  private get all() {
    return [this.batchInformer, this.restoreInformer, this.secretInformer, ...Object.values(this.workloadInformers)];
  }

  get synced(): boolean {
    return this.all.every((informer) => informer.synced);
  }

  async start(listeners: CacheListeners): Promise<void> {
    this.listeners = listeners;
    await Promise.all(this.all.map((informer) => informer.start()));
  }

  async stop(): Promise<void> {
    this.listeners = undefined;
    await Promise.all(this.all.map((informer) => informer.stop()));
  }

  batches(): readonly BackupBatch[] {
    return this.batchInformer.list();
  }

  restores(): readonly RestoreBatch[] {
    return this.restoreInformer.list();
  }

  workload(ref: WorkloadRef): Workload | undefined {
    return this.workloadInformers[ref.kind].get(ref.namespace, ref.name);
  }

  /** Every cached workload of every kind, with its ref. */
  workloads(): WorkloadRef[] {
    return WORKLOAD_KINDS.flatMap((kind) =>
      this.workloadInformers[kind].list().map((w) => ({ kind, namespace: w.metadata?.namespace ?? '', name: w.metadata?.name ?? '' })),
    );
  }

  secret(namespace: string, name: string): V1Secret | undefined {
    return this.secretInformer.get(namespace, name);
  }
}

/** An informer over one of restash's custom resources in every namespace (objects arrive as plain JSON). */
