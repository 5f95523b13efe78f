import { Injectable } from '@nestjs/common';
import {
  RESOURCES, type AppBinding, type AppBindingSpec, type BackupBatch, type BackupBatchSpec, type BackupBatchStatus, type BackupSession,
  type BackupSessionSpec, type BackupSessionStatus, type RestoreBatch, type RestoreBatchSpec, type RestoreBatchStatus,
} from '@restash/api';
import { CustomResources, isNotFound, KubeClient } from '@restash/kube';
import { secretScrubber } from '@restash/observability';
import { RunConfigurationError } from './run-configuration-error.js';

/** Reads the objects a run needs from the API server; a missing one is a RunConfigurationError naming it. */
@Injectable()
export class ClusterObjects {
  private readonly sessions: CustomResources<BackupSessionSpec, BackupSessionStatus>;
  private readonly batches: CustomResources<BackupBatchSpec, BackupBatchStatus>;
  private readonly appBindings: CustomResources<AppBindingSpec>;
  private readonly restores: CustomResources<RestoreBatchSpec, RestoreBatchStatus>;

  constructor(private readonly kube: KubeClient) {
    this.sessions = new CustomResources(kube, RESOURCES.backupSession);
    this.batches = new CustomResources(kube, RESOURCES.backupBatch);
    this.appBindings = new CustomResources(kube, RESOURCES.appBinding);
    this.restores = new CustomResources(kube, RESOURCES.restoreBatch);
  }

  /** Undefined when the session is gone (deleted while queued). */
  async findBackupSession(namespace: string, name: string): Promise<BackupSession | undefined> {
    return this.sessions.get(namespace, name).catch((error: unknown) => (isNotFound(error) ? undefined : Promise.reject(error)));
  }

  /** Undefined when the RestoreBatch is gone (deleted while queued). */
  async findRestoreBatch(namespace: string, name: string): Promise<RestoreBatch | undefined> {
    return this.restores.get(namespace, name).catch((error: unknown) => (isNotFound(error) ? undefined : Promise.reject(error)));
  }

  restoreBatch(namespace: string, name: string): Promise<RestoreBatch> {
    return required(this.restores.get(namespace, name), `RestoreBatch ${namespace}/${name}`);
  }

  backupBatch(namespace: string, name: string): Promise<BackupBatch> {
    return required(this.batches.get(namespace, name), `BackupBatch ${namespace}/${name}`);
  }

  appBinding(namespace: string, name: string): Promise<AppBinding> {
    return required(this.appBindings.get(namespace, name), `AppBinding ${namespace}/${name}`);
  }

  /** A Secret's data, base64-decoded; every value is remembered so it is scrubbed from logs and status. */
  async secretData(namespace: string, name: string): Promise<Record<string, string>> {
    const secret = await required(this.kube.core.readNamespacedSecret({ namespace, name }), `Secret ${namespace}/${name}`);
    const data = Object.fromEntries(Object.entries(secret.data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')]));
    secretScrubber.remember(...Object.values(data));
    return data;
  }
}

async function required<T>(request: Promise<T>, what: string): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (isNotFound(error)) throw new RunConfigurationError(`${what} not found`);
    throw error;
  }
}
