import type { KubernetesObject, V1Secret } from '@kubernetes/client-node';
import { Inject, Injectable } from '@nestjs/common';
import { RESOURCES, type BackupBatch } from '@restash/api';
import { KubeClient } from '@restash/kube';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../plan/repository-secret.js';
import { WORKLOAD_KINDS, type Workload, type WorkloadKind, type WorkloadRef } from '../workloads/workload.js';
import { ListedInformer } from './listed-informer.js';

/** Who hears about changes. */
export interface CacheListeners {
  batchChanged(batch: BackupBatch): void;
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

/** The injector's watched view of the cluster: BackupBatches, the five workload kinds, and its own repository Secrets. */
@Injectable()
export class InjectorCache {
  private readonly batchInformer: ListedInformer<KubernetesObject>;
  private readonly workloadInformers: Record<WorkloadKind, ListedInformer<Workload>>;
  private readonly secretInformer: ListedInformer<V1Secret>;
  private listeners: CacheListeners | undefined;

  constructor(kube: KubeClient, @Inject(LOGGER) logger: Logger) {
    const { group, version, plural } = RESOURCES.backupBatch;
    // Custom objects arrive as plain JSON (timestamps stay strings): typed as @restash/api's BackupBatch.
    const batchChanged = (batch: KubernetesObject) => this.listeners?.batchChanged(batch as unknown as BackupBatch);
    this.batchInformer = new ListedInformer(kube, `/apis/${group}/${version}/${plural}`, () => kube.customObjects.listClusterCustomObject({ group, version, plural }), { upsert: batchChanged, deleted: batchChanged }, logger);
    this.workloadInformers = Object.fromEntries(
      WORKLOAD_KINDS.map((kind) => {
        const changed = (workload: Workload) => this.listeners?.workloadChanged({ kind, namespace: workload.metadata?.namespace ?? '', name: workload.metadata?.name ?? '' });
        const { path, list } = WORKLOAD_WATCHES[kind];
        return [kind, new ListedInformer<Workload>(kube, path, () => list(kube), { upsert: changed, deleted: changed }, logger)];
      }),
    ) as Record<WorkloadKind, ListedInformer<Workload>>;
    const secretChanged = (secret: V1Secret) => this.listeners?.secretChanged(secret);
    this.secretInformer = new ListedInformer(kube, '/api/v1/secrets', () => kube.core.listSecretForAllNamespaces({ labelSelector: SECRET_SELECTOR }), { upsert: secretChanged, deleted: secretChanged }, logger, SECRET_SELECTOR);
  }

  private get all() {
    return [this.batchInformer, this.secretInformer, ...Object.values(this.workloadInformers)];
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
    return this.batchInformer.list() as unknown as readonly BackupBatch[];
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
