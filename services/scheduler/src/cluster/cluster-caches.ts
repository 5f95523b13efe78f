import { Inject, Injectable } from '@nestjs/common';
import { RESOURCES, type BackupBatch, type BackupSession, type Repository } from '@restash/api';
import { KubeClient } from '@restash/kube';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { objectKey } from '../controller/object-key.js';
import { SCHEDULER_SETTINGS, type SchedulerSettings } from '../scheduler-settings.js';
import { CustomResourceInformer } from './custom-resource-informer.js';

/** Who hears about changes: keys of batches and sessions, and changed Repositories. */
export interface CacheListeners {
  batchChanged(key: string): void;
  sessionChanged(key: string): void;
  repositoryChanged(repository: Repository): void;
}

/** The scheduler's watched view of the cluster: BackupBatches, BackupSessions and Repositories. */
@Injectable()
export class ClusterCaches {
  readonly batches: CustomResourceInformer<BackupBatch>;
  readonly sessions: CustomResourceInformer<BackupSession>;
  readonly repositories: CustomResourceInformer<Repository>;
  private listeners: CacheListeners | undefined;

  constructor(kube: KubeClient, @Inject(SCHEDULER_SETTINGS) settings: SchedulerSettings, @Inject(LOGGER) logger: Logger) {
    const namespace = settings.watchNamespace;
    const batchChanged = (batch: BackupBatch) => this.listeners?.batchChanged(objectKey(batch));
    const sessionChanged = (session: BackupSession) => this.listeners?.sessionChanged(objectKey(session));
    const repositoryChanged = (repository: Repository) => this.listeners?.repositoryChanged(repository);
    this.batches = new CustomResourceInformer(
      kube,
      RESOURCES.backupBatch,
      namespace,
      { upsert: batchChanged, deleted: batchChanged },
      logger,
    );
    this.sessions = new CustomResourceInformer(
      kube,
      RESOURCES.backupSession,
      namespace,
      { upsert: sessionChanged, deleted: sessionChanged },
      logger,
    );
    // Repositories may live in other namespaces than the batches that use them.
    this.repositories = new CustomResourceInformer(
      kube,
      RESOURCES.repository,
      undefined,
      { upsert: repositoryChanged, deleted: repositoryChanged },
      logger,
    );
  }

  private get all() {
    return [this.batches, this.sessions, this.repositories];
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
