import { Inject, Injectable } from '@nestjs/common';
import { RESOURCES, type BackupBatch, type BackupSession, type ObjectMeta, type Repository, type ResourceType, type RestoreBatch } from '@restash/api';
import { CustomResourceInformer, KubeClient } from '@restash/kube';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { objectKey } from '../controller/object-key.js';
import { SCHEDULER_SETTINGS, type SchedulerSettings } from '../scheduler-settings.js';

/** Who hears about changes: keys of batches and sessions, and changed Repositories. */
export interface CacheListeners {
  batchChanged(key: string): void;
  sessionChanged(key: string): void;
  restoreChanged(key: string): void;
  repositoryChanged(repository: Repository): void;
}

/** The scheduler's watched view of the cluster: BackupBatches, BackupSessions, RestoreBatches and Repositories. */
@Injectable()
export class ClusterCaches {
  readonly batches: CustomResourceInformer<BackupBatch>;
  readonly sessions: CustomResourceInformer<BackupSession>;
  readonly restores: CustomResourceInformer<RestoreBatch>;
  readonly repositories: CustomResourceInformer<Repository>;
  private listeners: CacheListeners | undefined;

  constructor(kube: KubeClient, @Inject(SCHEDULER_SETTINGS) settings: SchedulerSettings, @Inject(LOGGER) logger: Logger) {
    const namespace = settings.watchNamespace;
    // Nothing here reads managedFields, which are often most of a small object: the caches keep objects without them.
    const watch = <T extends { metadata: ObjectMeta }>(resource: ResourceType, watched: string | undefined, changed: (object: T) => void) =>
      new CustomResourceInformer<T>(kube, resource, watched, { upsert: changed, deleted: changed }, logger, { dropManagedFields: true });
    this.batches = watch<BackupBatch>(RESOURCES.backupBatch, namespace, (batch) => this.listeners?.batchChanged(objectKey(batch)));
    this.sessions = watch<BackupSession>(RESOURCES.backupSession, namespace, (session) => this.listeners?.sessionChanged(objectKey(session)));
    this.restores = watch<RestoreBatch>(RESOURCES.restoreBatch, namespace, (restore) => this.listeners?.restoreChanged(objectKey(restore)));
    // Repositories may live in other namespaces than the batches that use them.
    this.repositories = watch<Repository>(RESOURCES.repository, undefined, (repository) => this.listeners?.repositoryChanged(repository));
  }

  private get all() {
    return [this.batches, this.sessions, this.restores, this.repositories];
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
}
